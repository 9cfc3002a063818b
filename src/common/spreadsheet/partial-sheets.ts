import { type ColumnSpec, matchHeader } from './column-spec.js';
import type { RawRow } from './raw-row.js';

/**
 * Other visible sheets whose header row names the format's key column (an enrollment sheet's NIK) and another of its
 * columns that says something of the row (not NAMA alone), but not every required one, with a row below it: a partial header, such as a list of deaths
 * `NIK, NAMA, TAT, ALASAN_BERAKHIR` beside the sheet read. Its rows are not read, and until 2026-12-06 nothing said so
 * (QA: a workbook of "Meninggal" then "Peserta Baru" stored the new participants and dropped the deaths unsaid;
 * SHEETS_NOT_READ names sheets with the full header only). The upload names them (PARTIAL_SHEETS_NOT_READ).
 */
export const PARTIAL_SHEETS_NOT_READ = 'PARTIAL_SHEETS_NOT_READ';

export interface PartialSheetsWarning {
  readonly code: typeof PARTIAL_SHEETS_NOT_READ;
  /** Indonesian, naming each sheet, the columns it lacks, that its rows were not read, and how to record them. */
  readonly message: string;
  /** The tab names of such sheets, in tab order. */
  readonly sheets: readonly string[];
  /** The tab name of the sheet read. */
  readonly read: string;
}

/**
 * The options of a format whose partial sheets are said: its key column; the columns that, beside it, name a row without
 * changing it (`names`: an enrollment's NAMA; the row report's *Peringatan* sheet, `BARIS, NIK, NAMA, KOLOM, PESAN`, is
 * no partial sheet); and what to do with such rows (`read`: the sheet read).
 */
export interface PartialSheetsOption {
  column: string;
  names?: readonly string[];
  advice: (read: string) => string;
}

interface Seen {
  sheet: number;
  searched: number;
  /** The required columns a partial header lacks, once seen (null: none yet). */
  missing: readonly string[] | null;
}

/** Watches the rows of the sheets not read (`feed`), in the first `searchRows` rows of each for a partial header. */
export class PartialSheets {
  private readonly found = new Map<number, readonly string[]>();
  private seen: Seen = { sheet: -1, searched: 0, missing: null };
  private readonly key: number;
  /** The columns that make a header with the key column a partial one (not the key, not `names`). */
  private readonly telling: readonly number[];

  constructor(
    private readonly columns: readonly ColumnSpec[],
    private readonly option: PartialSheetsOption,
    private readonly searchRows: number,
  ) {
    this.key = columns.findIndex((c) => c.name === option.column);
    this.telling = columns.flatMap((c, i) => (c.name === option.column || option.names?.includes(c.name) ? [] : [i]));
  }

  /** A visible row of a sheet that may not be the one read. */
  feed(raw: RawRow): void {
    if (raw.sheet !== this.seen.sheet) this.seen = { sheet: raw.sheet, searched: 0, missing: null };
    const s = this.seen;
    if (this.found.has(s.sheet)) return;
    if (s.missing) {
      this.found.set(s.sheet, s.missing); // a row below the partial header (xlsxRows hands over no empty row)
      return;
    }
    if (++s.searched > this.searchRows) return;
    const match = matchHeader(this.columns, raw.cells.map((c) => c.text));
    if (match.indexes[this.key] >= 0 && this.telling.some((i) => match.indexes[i] >= 0) && match.missing.length > 0) s.missing = match.missing;
  }

  /** The warning, for the sheets found but `read` (the sheet read) and `skip` (named otherwise); null when none. */
  warning(names: ReadonlyMap<number, string>, read: number, skip: readonly number[]): PartialSheetsWarning | null {
    const sheets = [...this.found].filter(([sheet]) => sheet !== read && !skip.includes(sheet)).sort(([a], [b]) => a - b);
    if (!sheets.length) return null;
    const name = (sheet: number) => names.get(sheet) ?? `${sheet + 1}`;
    const readName = name(read);
    const each = sheets.map(([sheet, missing]) => `Sheet "${name(sheet)}" berisi kolom ${this.option.column} tetapi tanpa kolom ${missing.join(', ')}, sehingga barisnya tidak dibaca.`);
    const message = `${each.join(' ')} Satu unggahan hanya membaca satu sheet dengan kolom lengkap, di sini sheet "${readName}". ${this.option.advice(readName)}`;
    return { code: PARTIAL_SHEETS_NOT_READ, message, sheets: sheets.map(([sheet]) => name(sheet)), read: readName };
  }
}
