/**
 * Rows Excel hides: hidden by hand, filtered out by an AutoFilter, or inside a collapsed outline
 * group. All three are `<row r="12" hidden="1">` in the worksheet's XML (LibreOffice writes `"true"`,
 * and `hidden="false"` on every other row), which ExcelJS's streaming reader does not pass on (it
 * reads `r`, `ht` and `s` only), so the part is tapped on its way to the parser (`HiddenRowTap`): a
 * row's tag has passed the tap before the parser hands the row over.
 *
 * Hidden rows are read like any other (the file's content is what counts: skipping them would change
 * the data unsaid, refusing the file would lose the rows the user meant), but the upload says so,
 * naming them (`HiddenRows.warnings`): an operator who filtered a sheet down to one village and
 * uploaded it learns that every village's rows were read (QA). A .csv has no hidden rows.
 */
import { Transform, type TransformCallback } from 'node:stream';
import type { HiddenColumnsWarning } from './hidden-columns.js';
import type { SheetsNotReadWarning } from './other-sheets.js';
import type { PartialSheetsWarning } from './partial-sheets.js';
import type { NumberedRowsWarning } from './numbered-rows.js';
import type { ColumnsNotReadWarning } from './unknown-columns.js';
import type { HeadersReadAsWarning } from './headers-read-as.js';

/** A warning about the uploaded file as a whole (not one row), as the upload's answer and row report give it. */
export type SheetWarning = HiddenRowsWarning | HiddenColumnsWarning | SheetsNotReadWarning | PartialSheetsWarning | NumberedRowsWarning | ColumnsNotReadWarning | HeadersReadAsWarning;

export interface HiddenRowsWarning {
  readonly code: typeof HIDDEN_ROWS;
  /** Indonesian, naming the rows. */
  readonly message: string;
  /** How many data rows were hidden. */
  readonly rows: number;
  /** The hidden data rows as ranges of consecutive row numbers (the first MAX_RANGES), `[first, last]`. */
  readonly ranges: readonly (readonly [number, number])[];
  /** The sheet the rows are on, for an upload read from two sheets (a pledge sheet's `Komitmen` and `Daftar`). */
  readonly sheet?: string;
}

/** `warnings` of an upload read from two sheets, each told on which sheet (`Sheet Daftar: baris 4 …`). */
export function onSheet(warnings: readonly SheetWarning[], sheet: string): SheetWarning[] {
  return warnings.map((w) => ({ ...w, sheet, message: `Sheet ${sheet}: ${w.message.charAt(0).toLowerCase()}${w.message.slice(1)}` }));
}

export const HIDDEN_ROWS = 'HIDDEN_ROWS';

/** Ranges kept (and answered); the message names fewer. */
const MAX_RANGES = 100;
/** Ranges the message names before "dan N baris lain". */
const MESSAGE_RANGES = 10;

/** Collects row numbers, in file order, as ranges: the hidden data rows, the pre-numbered empty rows (numbered-rows.ts). */
export class RowRanges {
  protected readonly ranges: [number, number][] = [];
  protected count = 0;
  private last = -1;

  add(row: number): void {
    this.count++;
    const open = this.ranges[this.ranges.length - 1];
    if (open && open[1] === this.last && row === this.last + 1) open[1] = row; // continues the last range kept
    else if (this.ranges.length < MAX_RANGES) this.ranges.push([row, row]);
    this.last = row;
  }

  /** How many rows were added. */
  get size(): number {
    return this.count;
  }

  /** The ranges kept, `[first, last]`. */
  list(): (readonly [number, number])[] {
    return this.ranges.map(([a, b]) => [a, b] as const);
  }
}

/** Collects hidden data row numbers, in file order, as ranges. */
export class HiddenRows extends RowRanges {
  /** The warning, or none when no data row was hidden. */
  warnings(): HiddenRowsWarning[] {
    if (!this.count) return [];
    return [{ code: HIDDEN_ROWS, message: hiddenRowsMessage(this.ranges, this.count), rows: this.count, ranges: this.ranges.map(([a, b]) => [a, b] as const) }];
  }
}

/** `Baris 12–40 dan 57 (30 baris) tersembunyi di Excel …`; past MESSAGE_RANGES ranges, the rest as a count. */
export function hiddenRowsMessage(ranges: readonly (readonly [number, number])[], count: number): string {
  return (
    `Baris ${rowList(ranges, count)} tersembunyi di Excel (disembunyikan atau tersaring) dan tetap dibaca seperti baris lain. ` +
    'Jika hanya baris yang terlihat yang dimaksud, hapus baris tersembunyi itu dari berkas.'
  );
}

/** `12–40 dan 57 (30 baris)`: the rows of `ranges`, past MESSAGE_RANGES ranges the rest as a count. */
export function rowList(ranges: readonly (readonly [number, number])[], count: number): string {
  const named = ranges.slice(0, MESSAGE_RANGES);
  const parts = named.map(([a, b]) => (a === b ? `${a}` : `${a}–${b}`));
  const shown = named.reduce((n, [a, b]) => n + b - a + 1, 0);
  const list = count > shown ? `${parts.join(', ')} dan ${count - shown} baris lain` : parts.length > 1 ? `${parts.slice(0, -1).join(', ')} dan ${parts.at(-1)}` : parts[0];
  const total = count > 1 ? ` (${count} baris)` : '';
  return `${list}${total}`;
}

const ROW_TAG = /<(?:\w+:)?row\b[^>]*>/g;
const ROW_NUMBER = /\sr\s*=\s*["'](\d+)["']/;
const HIDDEN = /\shidden\s*=\s*["'](?:1|true)["']/;
const ROW_OPEN = /<(?:\w+:)?row\b/;
/** `<col min="3" max="5" hidden="1"/>` in `<cols>`, before the sheet's rows: by hand, or a collapsed outline group. */
const COL_TAG = /<(?:\w+:)?col\b[^>]*>/g;
const COL_OPEN = /<(?:\w+:)?col\b/;
const COL_MIN = /\smin\s*=\s*["'](\d+)["']/;
const COL_MAX = /\smax\s*=\s*["'](\d+)["']/;
const HIDDEN_BYTES = Buffer.from('hidden');
const LT = 0x3c;

/**
 * Passes a worksheet's XML through unchanged, noting the rows whose tag says `hidden` and the
 * columns a `<col hidden>` hides. `hidden(row)` answers for a row the parser has handed over (and
 * forgets it: rows come once, in order); `columns` is complete by then (`<cols>` comes before the
 * rows in a worksheet), as 0-based ranges `[first, last]`.
 */
export class HiddenRowTap extends Transform {
  private readonly seen = new Set<number>();
  readonly columns: [number, number][] = [];
  /** An unfinished tag at the end of the last chunk. */
  private tail = '';

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    // Most chunks hold no hidden row: only the end of the chunk is looked at then.
    const scan = chunk.includes(HIDDEN_BYTES) || ROW_OPEN.test(this.tail) || COL_OPEN.test(this.tail);
    const lt = chunk.lastIndexOf(LT);
    const text = scan || lt < 0 ? this.tail + chunk.toString('latin1') : chunk.toString('latin1', lt); // tags and digits are ASCII
    if (scan) {
      for (const m of text.matchAll(ROW_TAG)) {
        if (!HIDDEN.test(m[0])) continue;
        const r = ROW_NUMBER.exec(m[0]);
        if (r) this.seen.add(Number(r[1]));
      }
      for (const m of text.matchAll(COL_TAG)) {
        if (!HIDDEN.test(m[0])) continue;
        const [min, max] = [COL_MIN.exec(m[0]), COL_MAX.exec(m[0])];
        if (min && max) this.columns.push([Number(min[1]) - 1, Number(max[1]) - 1]);
      }
    }
    const open = text.lastIndexOf('<');
    this.tail = open >= 0 && text.indexOf('>', open) < 0 ? text.slice(open) : '';
    done(null, chunk);
  }

  hidden(row: number): boolean {
    return this.seen.delete(row);
  }
}
