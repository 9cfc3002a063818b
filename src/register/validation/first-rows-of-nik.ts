/**
 * The first row of each NIK of an upload, and a 32-bit hash of each of its values (normalised, as the
 * record holds them), so that a later row of that NIK can be told an exact copy (read once, a warning)
 * from a row with other values (refused, naming the columns that differ). Kept in typed arrays, as
 * DigitKeyMap keeps the NIKs: a 1,000,000-row file holds 1,000,000 first rows (about 50 bytes each).
 * Two different values of a column hash alike once in 2³² comparisons: a copy so judged exact is read once.
 */
import { DigitKeyMap } from './digit-key-map.js';

/** The columns compared, in the sheet's order (the NIK is the key). */
export const COMPARED_COLUMNS = ['NO_KK', 'NAMA', 'TANGGAL_LAHIR', 'JENIS_KELAMIN', 'KODE_DESA', 'NOKA', 'TMT', 'TAT', 'ALASAN_BERAKHIR'] as const;
export type ComparedColumn = (typeof COMPARED_COLUMNS)[number];
const WIDTH = COMPARED_COLUMNS.length;

/** A row's values of COMPARED_COLUMNS, in that order; null for an empty (or unreadable) one. */
export type RowValues = readonly (string | null)[];

export class FirstRowsOfNik {
  private readonly index = new DigitKeyMap(16);
  private rows = new Int32Array(1024);
  private refused = new Uint8Array(1024);
  private hashes = new Int32Array(1024 * WIDTH);
  private count = 0;

  /** The first row of `nik` so far: its number, whether it was refused, and its hash per compared column. */
  get(nik: string): { row: number; refused: boolean; ordinal: number } | undefined {
    const ordinal = this.index.get(nik);
    return ordinal === undefined ? undefined : { row: this.rows[ordinal], refused: this.refused[ordinal] === 1, ordinal };
  }

  /** `get(nik)` when `nik` has a first row; else notes this row as its first and returns undefined. One lookup. */
  firstOrAdd(nik: string, row: number, refused: boolean, values: RowValues): { row: number; refused: boolean; ordinal: number } | undefined {
    if (this.count === this.rows.length) this.grow();
    const ordinal = this.count;
    const first = this.index.getOrSet(nik, ordinal);
    if (first !== undefined) return { row: this.rows[first], refused: this.refused[first] === 1, ordinal: first };
    this.count++;
    this.rows[ordinal] = row;
    this.refused[ordinal] = refused ? 1 : 0;
    for (let c = 0; c < WIDTH; c++) this.hashes[ordinal * WIDTH + c] = hash(values[c]);
    return undefined;
  }

  /** The compared columns whose value in `values` differs from the first row's (`ordinal`), among those `comparable`. */
  differing(ordinal: number, values: RowValues, comparable: (column: ComparedColumn) => boolean): ComparedColumn[] {
    return COMPARED_COLUMNS.filter((column, c) => comparable(column) && this.hashes[ordinal * WIDTH + c] !== hash(values[c]));
  }

  private grow(): void {
    const size = this.rows.length * 2;
    const rows = new Int32Array(size);
    rows.set(this.rows);
    const refused = new Uint8Array(size);
    refused.set(this.refused);
    const hashes = new Int32Array(size * WIDTH);
    hashes.set(this.hashes);
    [this.rows, this.refused, this.hashes] = [rows, refused, hashes];
  }
}

/** FNV-1a of the value's UTF-16 code units; an empty value has its own (no text hashes to it but by chance). */
function hash(value: string | null): number {
  if (value === null) return 0x7fffffff;
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}
