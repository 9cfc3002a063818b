/**
 * The rows of a pledge sheet as ImportPledgeSheet (import-pledge-sheet.use-case.ts) carries them between reading and
 * saving: a `Komitmen` row (PledgeSheetRow: its cells, the input read from them, what could not be read), a `Daftar` row
 * and the pledge it belongs to (ListRow), a row the rules refused (RuleRefusal), and the rows the stored upload's
 * row report repeats (repeatedRows).
 */
import type { Cell } from '../../common/spreadsheet/cell.js';
import { type RawCells, rawCells } from '../../common/spreadsheet/raw-cells.js';
import type { PledgeInput } from '../domain/pledge-rules.js';
import type { PledgeUploadIssue, PledgeUploadReport } from './pledge-upload-answer.js';
import { type ColumnNames, PLEDGE_COLUMNS, type RowProblem } from './pledge-sheet.js';

/** Each sheet's columns named as the file's headers do (own names for a sheet the file lacks). */
export type SheetNames = Record<PledgeUploadIssue['sheet'], ColumnNames>;

export interface PledgeSheetRow {
  rowNumber: number;
  /** As read, for the row report of a refused row. */
  cells: readonly Cell[];
  input: PledgeInput;
  /** Its cells that could not be read (a formula without a result, text that is no number, a merged cell, …). */
  problems: RowProblem[];
  /** Its `Daftar` rows refused, each named on its list column (KODE_DESA or NIK). */
  listRefusals: RowProblem[];
  /** A .csv row with more fields than its header: refused with this message alone (field-count.ts). */
  overflow?: string;
  /** A row that holds no pledge (a signature, a total: notPledgeRow): refused with this message alone. */
  notPledge?: string;
}

/** A `Daftar` row as uploaded and the pledge row it belongs to, if any: the row report repeats those of refused pledges. */
export interface ListRow {
  rowNumber: number;
  raw: RawCells;
  target: PledgeSheetRow | undefined;
}

export const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** A row the rules refused, with its failures and its code when that is valid (null when KODE is among them). */
export interface RuleRefusal {
  row: PledgeSheetRow;
  problems: RowProblem[];
  code: string | null;
}

/**
 * The rows the row report repeats, as uploaded: each refused `Komitmen` row (`raws`), and the `Daftar` rows
 * of those pledges with the refused `Daftar` rows (`listRows`), so the fixed report uploaded alone saves
 * each pledge with its whole list.
 */
export function repeatedRows(report: PledgeUploadReport, rows: PledgeSheetRow[], list: ListRow[]): { raws: Map<number, RawCells>; listRows: { rowNumber: number; raw: RawCells }[] } {
  const refused = { Komitmen: new Set<number>(), Daftar: new Set<number>() };
  for (const i of report.issues) refused[i.sheet].add(i.rowNumber);
  return {
    raws: new Map(rows.filter((r) => refused.Komitmen.has(r.rowNumber)).map((r) => [r.rowNumber, rawCells(PLEDGE_COLUMNS, r.cells)])),
    listRows: list.filter((r) => refused.Daftar.has(r.rowNumber) || (r.target && refused.Komitmen.has(r.target.rowNumber))).map(({ rowNumber, raw }) => ({ rowNumber, raw })),
  };
}
