/**
 * Merged cells of an .xlsx worksheet. Excel keeps the value of a merged range (`F5:F9`) in its
 * first cell only: the other rows of the range arrive empty, and a row check would say "KODE_DESA
 * wajib diisi" about a cell the user sees filled. A worksheet lists its merges in `<mergeCells>`,
 * after all of its rows, so they are collected as the rows stream past (`MergeCellTap`) and used
 * once the sheet is read, to say why such a cell is empty (`MergedCells.explain`).
 */
import { Transform, type TransformCallback } from 'node:stream';

/** One merged range, 0-based columns and 1-based rows as Excel numbers them. */
export interface MergedRange {
  readonly ref: string;
  readonly firstColumn: number;
  readonly firstRow: number;
  readonly lastColumn: number;
  readonly lastRow: number;
}

const OPEN = Buffer.from('<mergeCells');
const OPEN_PREFIXED = Buffer.from(':mergeCells');
const REF = /<(?:\w+:)?mergeCell\b[^>]*?\bref\s*=\s*["']\$?([A-Z]{1,3})\$?(\d+):\$?([A-Z]{1,3})\$?(\d+)["']/g;

/** Passes a worksheet's XML through unchanged and keeps the text from `<mergeCells` on. */
export class MergeCellTap extends Transform {
  private tail: Buffer = Buffer.alloc(0);
  private found: string[] | null = null;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.found) this.found.push(chunk.toString('utf8'));
    else {
      // The tag may straddle two chunks: search the end of the previous one with this one.
      const probe = this.tail.length ? Buffer.concat([this.tail, chunk]) : chunk;
      let at = probe.indexOf(OPEN);
      if (at < 0) at = probe.indexOf(OPEN_PREFIXED);
      if (at >= 0) this.found = [probe.subarray(at).toString('utf8')];
      else this.tail = Buffer.from(probe.subarray(Math.max(0, probe.length - OPEN.length)));
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

/** The merged ranges of the data sheet, by the columns of the reader's spec. */
export class MergedCells {
  /** `columns[i]`: the file's 0-based column position of the spec's column i (-1 when absent). */
  constructor(
    private readonly ranges: readonly MergedRange[],
    private readonly columns: readonly { name: string; position: number }[],
  ) {}

  get isEmpty(): boolean {
    return this.ranges.length === 0;
  }

  /** The range that hides the cell (`column`, `row`) behind its first cell, if any. */
  rangeHiding(column: string, row: number): MergedRange | undefined {
    const position = this.columns.find((c) => c.name === column)?.position;
    if (position === undefined || position < 0) return undefined;
    return this.ranges.find(
      (r) => position >= r.firstColumn && position <= r.lastColumn && row >= r.firstRow && row <= r.lastRow && !(position === r.firstColumn && row === r.firstRow),
    );
  }

  /**
   * The message for an issue about a cell a merged range hides (Excel empties those cells when it
   * merges them: "wajib diisi", "bukan tanggal" and the like), else undefined (the issue's own
   * message stands).
   */
  explain(issue: { column: string | null; row: number }): string | undefined {
    if (issue.column === null) return undefined;
    const range = this.rangeHiding(issue.column, issue.row);
    return range && mergedMessage(issue.column, range);
  }

  /** Each spec column's cells hidden by a range: for a statement over stored issues (rows firstRow..lastRow of `column`). */
  hiddenCells(): { column: string; firstRow: number; lastRow: number; message: string }[] {
    const out: { column: string; firstRow: number; lastRow: number; message: string }[] = [];
    for (const r of this.ranges) {
      for (const { name, position } of this.columns) {
        if (position < r.firstColumn || position > r.lastColumn) continue;
        const firstRow = position === r.firstColumn ? r.firstRow + 1 : r.firstRow;
        if (firstRow <= r.lastRow) out.push({ column: name, firstRow, lastRow: r.lastRow, message: mergedMessage(name, r) });
      }
    }
    return out;
  }
}

export const NO_MERGED_CELLS = new MergedCells([], []);

function mergedMessage(column: string, range: MergedRange): string {
  const first = range.ref.split(':')[0];
  return (
    `${column} kosong karena selnya bagian dari sel gabungan ${range.ref} (merge): Excel menyimpan isi sel gabungan hanya di sel ` +
    `pertamanya (${first}). Pisahkan gabungan sel (Merge & Center > Unmerge Cells), isi ${column} di setiap baris, lalu unggah kembali.`
  );
}
