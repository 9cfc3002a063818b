/**
 * Many short texts (a month's NIKs) kept as their UTF-8 bytes end to end in one buffer: text i is
 * `bytes[ends[i], ends[i + 1])`. A million NIKs as strings were a million objects for the garbage
 * collector to trace and move, made only to be written back out as bytes by the next COPY; here
 * they go from the candidates' COPY to the month's COPY as bytes, and a string is made only for
 * the few that the allocation asks for (`at`).
 */
export class TextColumn {
  private bytes: Buffer;
  private ends: Int32Array;
  private count = 0;

  /**
   * @param sorted the texts come in code-point order (UTF-8 byte order: the "C" collation's), which
   *   the allocation relies on to find NIKs by binary search; `push` refuses one that does not
   */
  constructor(readonly sorted: boolean, capacity = 1024) {
    this.bytes = Buffer.allocUnsafe(capacity * 16);
    this.ends = new Int32Array(capacity + 1);
  }

  get length(): number {
    return this.count;
  }

  /** The bytes and the ends as they are (for the COPY writer): text i is `bytes[ends[i], ends[i + 1])`. */
  raw(): { bytes: Uint8Array; ends: Int32Array } {
    return { bytes: this.bytes, ends: this.ends };
  }

  /** `texts` as a column (each encoded once: a pledge's code, a village's). */
  static of(texts: readonly string[]): TextColumn {
    const column = new TextColumn(false, texts.length);
    for (const text of texts) {
      const bytes = Buffer.from(text, 'utf8');
      column.push(bytes, 0, bytes.length);
    }
    return column;
  }

  /** The texts at `rows` (ascending positions: a sorted column stays sorted), as a column of their own. */
  pick(rows: Int32Array): TextColumn {
    const column = new TextColumn(this.sorted, rows.length);
    for (const i of rows) column.push(this.bytes, this.ends[i], this.ends[i + 1]);
    return column;
  }

  /** Appends `chunk[start, end)` as the next text (UTF-8, taken as it is); refuses one out of order in a sorted column. */
  push(chunk: Uint8Array, start: number, end: number): void {
    const from = this.ends[this.count];
    if (this.sorted && this.count > 0 && this.before(chunk, start, end) > 0) throw new Error(`texts out of order at ${this.count}`);
    if (this.count + 1 === this.ends.length) this.ends = doubled(this.ends);
    if (from + end - start > this.bytes.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, from + end - start));
      this.bytes.copy(bigger, 0, 0, from);
      this.bytes = bigger;
    }
    for (let k = start, at = from; k < end; k++, at++) this.bytes[at] = chunk[k];
    this.ends[++this.count] = from + end - start;
  }

  /** The last text against `chunk[start, end)`, in byte order: < 0, 0 or > 0. */
  private before(chunk: Uint8Array, start: number, end: number): number {
    const last = this.ends[this.count - 1];
    const length = this.ends[this.count] - last;
    for (let k = 0; k < length && start + k < end; k++) {
      const d = this.bytes[last + k] - chunk[start + k];
      if (d !== 0) return d;
    }
    return length - (end - start);
  }

  /** Text `i` as a string; undefined outside the column (as an array's `at`). */
  at(i: number): string | undefined {
    if (!(i >= 0 && i < this.count)) return undefined;
    return this.bytes.toString('utf8', this.ends[i], this.ends[i + 1]);
  }
}

/** `values` in an array twice its size (a growing column of numbers). */
export function doubled(values: Int32Array): Int32Array {
  const bigger = new Int32Array(values.length * 2);
  bigger.set(values);
  return bigger;
}
