/**
 * Merged cells of an .xlsx worksheet. Excel keeps the value of a merged range (`F3:F5`) in its
 * first cell only: the other cells arrive empty. In a required column a row check would say
 * "KODE_DESA wajib diisi" about a cell the user sees filled; in an optional one (TAT, PERSEN,
 * PENYESUAIAN_BULAN) the value would be dropped without a word. So a row with a cell hidden by a
 * merged range is refused naming the range (`withMergedCells`), whichever the column.
 *
 * A worksheet lists its merges in `<mergeCells>`, after all of its rows, so the sheet's part is
 * inflated a second time to find them (`scanMergedRanges`, beside the first rows' parse: xlsx-rows.ts),
 * and the rows are then checked as they stream past (`HiddenCells`).
 */
import { pipeline, type Readable, Transform, type TransformCallback, Writable } from 'node:stream';

/** One merged range, 0-based columns and 1-based rows as Excel numbers them. */
export interface MergedRange {
  readonly ref: string;
  readonly firstColumn: number;
  readonly firstRow: number;
  readonly lastColumn: number;
  readonly lastRow: number;
}

const OPEN = Buffer.from('<mergeCells');
const NAME = Buffer.from('mergeCells');
const [LT, COLON] = [0x3c, 0x3a];
const REF = /<(?:\w+:)?mergeCell\b[^>]*?\bref\s*=\s*["']\$?([A-Z]{1,3})\$?(\d+):\$?([A-Z]{1,3})\$?(\d+)["']/g;

/** Where `<mergeCells` (or the `:mergeCells` of `<x:mergeCells`) starts in `bytes`, or -1. One pass over the chunk. */
function openingIn(bytes: Buffer): number {
  for (let at = bytes.indexOf(NAME, 1); at >= 0; at = bytes.indexOf(NAME, at + 1)) {
    if (bytes[at - 1] === LT || bytes[at - 1] === COLON) return at - 1;
  }
  return -1;
}

/** Passes a worksheet's XML through unchanged and keeps the text from `<mergeCells` on. */
export class MergeCellTap extends Transform {
  private tail: Buffer = Buffer.alloc(0);
  private found: string[] | null = null;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.found) this.found.push(chunk.toString('utf8'));
    else {
      const at = openingIn(chunk);
      if (at >= 0) this.found = [chunk.subarray(at).toString('utf8')];
      else if (this.tail.length) {
        // The tag may straddle two chunks: the end of the previous one with the start of this one.
        const joint = Buffer.concat([this.tail, chunk.subarray(0, OPEN.length)]);
        const across = openingIn(joint);
        if (across >= 0) this.found = [joint.subarray(across).toString('utf8'), chunk.subarray(OPEN.length).toString('utf8')];
      }
      if (!this.found) {
        const recent = chunk.length >= OPEN.length ? chunk : Buffer.concat([this.tail, chunk]);
        this.tail = Buffer.from(recent.subarray(Math.max(0, recent.length - OPEN.length)));
      }
    }
    done(null, chunk);
  }

  /** The merged ranges seen (complete once the stream has ended). */
  ranges(): MergedRange[] {
    if (!this.found) return [];
    const ranges: MergedRange[] = [];
    for (const m of this.found.join('').matchAll(REF)) {
      const [a, b] = [columnIndex(m[1]), columnIndex(m[3])];
      const [r1, r2] = [Number(m[2]), Number(m[4])];
      ranges.push({ ref: `${m[1]}${m[2]}:${m[3]}${m[4]}`, firstColumn: Math.min(a, b), firstRow: Math.min(r1, r2), lastColumn: Math.max(a, b), lastRow: Math.max(r1, r2) });
    }
    return ranges;
  }
}

/** `A` → 0, `Z` → 25, `AA` → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** The merged ranges a worksheet's XML lists (the stream is read to its end). */
export async function scanMergedRanges(xml: Readable): Promise<MergedRange[]> {
  const tap = new MergeCellTap();
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  await new Promise<void>((resolve, reject) => pipeline(xml, tap, sink, (err) => (err ? reject(err) : resolve())));
  return tap.ranges();
}

/** A cell of a data row that a merged range hides behind its first cell. */
export interface MergedCell {
  /** The spec column's name (KODE_DESA). */
  readonly column: string;
  /** The range, `F3:F5`, and the row of its first cell. */
  readonly range: string;
  readonly firstRow: number;
  readonly lastRow: number;
}

/**
 * The cells of the spec's columns that merged ranges hide, row by row below the header. Rows are
 * asked for in the order the sheet lists them (a sweep over the ranges sorted by their first row);
 * a row asked for out of order is answered by looking at every range.
 */
export class HiddenCells {
  private readonly ranges: MergedRange[];
  private next = 0;
  private active: MergedRange[] = [];
  private lastRow = 0;

  private constructor(
    ranges: MergedRange[],
    private readonly columns: readonly { name: string; position: number }[],
  ) {
    this.ranges = ranges.sort((a, b) => a.firstRow - b.firstRow);
  }

  /** Null when no range reaches a spec column below the header row. */
  static of(ranges: readonly MergedRange[] | undefined, columns: readonly { name: string; position: number }[], headerRow: number): HiddenCells | null {
    const hiding = (ranges ?? []).filter((r) => r.lastRow > headerRow && columns.some((c) => c.position >= r.firstColumn && c.position <= r.lastColumn));
    return hiding.length ? new HiddenCells(hiding, columns) : null;
  }

  /** The spec columns' cells of `row` hidden by a range, or undefined. */
  at(row: number): MergedCell[] | undefined {
    let candidates: MergedRange[];
    if (row >= this.lastRow) {
      while (this.next < this.ranges.length && this.ranges[this.next].firstRow <= row) this.active.push(this.ranges[this.next++]);
      this.active = this.active.filter((r) => r.lastRow >= row);
      this.lastRow = row;
      candidates = this.active;
    } else candidates = this.ranges.filter((r) => r.firstRow <= row && r.lastRow >= row);
    let hidden: MergedCell[] | undefined;
    for (const r of candidates) {
      for (const { name, position } of this.columns) {
        if (position < r.firstColumn || position > r.lastColumn || (position === r.firstColumn && row === r.firstRow)) continue;
        (hidden ??= []).push({ column: name, range: r.ref, firstRow: r.firstRow, lastRow: r.lastRow });
      }
    }
    return hidden;
  }
}

export const MERGED_CELL = 'MERGED_CELL';

/** The message for a cell a merged range hides. */
export function mergedCellMessage({ column, range }: MergedCell): string {
  const first = range.split(':')[0];
  return (
    `${column} ada di dalam sel gabungan ${range} (merge): Excel menyimpan isi sel gabungan hanya di sel pertamanya (${first}), ` +
    `sehingga ${column} baris ini terbaca kosong. Pisahkan gabungan sel (Merge & Center > Unmerge Cells (Gabungkan & Tengahkan > Pisahkan Sel)), isi ${column} di setiap baris, lalu unggah kembali.`
  );
}

/**
 * The rejection of a cell a merged range hides: `column` stays the spec column's name, the message
 * names it by `names` (the headers as the file wrote them, labelsByName) when given.
 */
export function mergedCellIssue(
  cell: MergedCell,
  names?: Readonly<Record<string, string>>,
): { column: string; severity: 'REJECT'; code: typeof MERGED_CELL; message: string } {
  return { column: cell.column, severity: 'REJECT', code: MERGED_CELL, message: mergedCellMessage({ ...cell, column: names?.[cell.column] ?? cell.column }) };
}

/**
 * A row's findings with its hidden cells said as such: a finding about a hidden cell ("wajib diisi")
 * gives way to MERGED_CELL, the row's other findings stay (a signature block's NIK is still no NIK),
 * and a hidden cell no finding named (an optional column) gets one, so the row is refused.
 */
export function withMergedCells<T extends { column: string | null }>(issues: readonly T[], merged: readonly MergedCell[] | undefined, issueFor: (cell: MergedCell) => T): T[] {
  if (!merged) return [...issues];
  const hidden = new Set(merged.map((cell) => cell.column));
  return [...issues.filter((issue) => issue.column === null || !hidden.has(issue.column)), ...merged.map(issueFor)];
}

/**
 * The range of a label spread across columns on `row` alone (`JUMLAH` merged over NO…NAMA on a total row, the sum in the
 * amount column): every cell of the row that a merged range hides is hidden by a range of this one row. Undefined for a
 * row without hidden cells, or with one hidden by a range reaching down from the rows above (a value merged down a column
 * is data: MERGED_CELL). Readers make it one NOT_…_ROW message when the row has no key of its own (no NIK, no pledge code).
 */
export function mergedLabelRange(row: number, merged: readonly MergedCell[] | undefined): string | undefined {
  if (!merged?.length || !merged.every((cell) => cell.firstRow === row && cell.lastRow === row)) return undefined;
  return merged[0].range;
}
