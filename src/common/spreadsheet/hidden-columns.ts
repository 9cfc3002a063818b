/**
 * Read columns that Excel hides (`<col hidden="1">`: by hand, or a collapsed outline group), noted by
 * HiddenRowTap on the worksheet's way to ExcelJS. Like hidden rows (hidden-rows.ts), they are read
 * as the file holds them, but the upload says so, naming the columns that hold a value in some data
 * row: an operator who hid an old TAT column, or kept a hidden copy of NIK to the left of the one
 * shown, learns that what Excel does not show was read (the first NIK column of a file is the one
 * read). A hidden column the format does not read, or one with nothing in it, changes nothing and
 * is not named. A .csv has no hidden columns.
 */
import { type Cell, holdsValue } from './cell.js';
import { columnLetter } from './column-letter.js';

export const HIDDEN_COLUMNS = 'HIDDEN_COLUMNS';

/** Read columns that Excel hides and that hold a value in some data row. */
export interface HiddenColumnsWarning {
  readonly code: typeof HIDDEN_COLUMNS;
  /** Indonesian, naming the columns by their headers and letters. */
  readonly message: string;
  /** Each column: its name in the format (`TAT`), its header as the file wrote it, its letter (`F`). */
  readonly columns: readonly { readonly name: string; readonly header: string; readonly letter: string }[];
  readonly sheet?: string;
}

interface Watched {
  /** the spec column's position in a row's cells */
  readonly at: number;
  readonly name: string;
  readonly header: string;
  readonly letter: string;
  holds: boolean;
}

/** The spec columns of one header that Excel hides, and whether any data row holds a value in them. */
export class HiddenColumns {
  private constructor(private readonly watched: Watched[]) {}

  /**
   * Null when none of the spec's columns is hidden. `positions[i]` is spec column i's 0-based
   * position in the file (-1: absent), `headers[i]` its header as the file wrote it, `hidden` the
   * sheet's hidden column ranges (0-based, inclusive).
   */
  static of(
    names: readonly string[],
    headers: readonly string[],
    positions: readonly number[],
    hidden: readonly (readonly [number, number])[] | undefined,
  ): HiddenColumns | null {
    if (!hidden?.length) return null;
    const watched = positions.flatMap((position, at) =>
      position >= 0 && hidden.some(([first, last]) => position >= first && position <= last)
        ? [{ at, name: names[at], header: headers[at], letter: columnLetter(position + 1), holds: false }]
        : [],
    );
    return watched.length ? new HiddenColumns(watched) : null;
  }

  /** Notes a data row's cells (in spec order). */
  note(cells: readonly Cell[]): void {
    for (const w of this.watched) if (!w.holds && holdsValue(cells[w.at])) w.holds = true;
  }

  /** The warning, or none when no hidden column held a value. */
  warnings(): HiddenColumnsWarning[] {
    const columns = this.watched.filter((w) => w.holds).map(({ name, header, letter }) => ({ name, header, letter }));
    return columns.length ? [{ code: HIDDEN_COLUMNS, message: hiddenColumnsMessage(columns), columns }] : [];
  }
}

/** `Kolom TAT (kolom F) tersembunyi di Excel …`, naming each column by its header and letter. */
export function hiddenColumnsMessage(columns: readonly { header: string; letter: string }[]): string {
  const parts = columns.map((c) => `${c.header} (kolom ${c.letter})`);
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} dan ${parts.at(-1)}` : parts[0];
  return (
    `Kolom ${list} tersembunyi di Excel dan tetap dibaca seperti kolom lain. ` +
    'Periksa isinya: jika kolom itu tidak dimaksud, hapus kolomnya dari berkas lalu unggah kembali.'
  );
}
