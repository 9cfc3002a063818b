/**
 * Compact store for an .xlsx file's shared strings. ExcelJS's own cache keeps one JavaScript string
 * per entry, many of them slices pinning the XML chunks they were parsed from: a 500,000-row
 * register (two million distinct strings) took over 300 MB. Here the strings are appended to
 * large flat blocks and located by offsets, so memory is about the text itself.
 */
const BLOCK_CHARS = 1 << 20;

export class SharedStrings {
  private readonly blocks: string[] = [];
  private current: string[] = [];
  private currentChars = 0;
  /** Per entry: block index and start offset, end offset (3 ints each). */
  private index = new Int32Array(3 * 1024);
  private count = 0;
  private readonly rich = new Set<number>();

  add(text: string, richText: boolean): void {
    if (3 * (this.count + 1) > this.index.length) {
      const grown = new Int32Array(this.index.length * 2);
      grown.set(this.index);
      this.index = grown;
    }
    if (this.currentChars + text.length > BLOCK_CHARS && this.currentChars > 0) this.seal();
    const at = 3 * this.count;
    this.index[at] = this.blocks.length;
    this.index[at + 1] = this.currentChars;
    this.index[at + 2] = this.currentChars + text.length;
    this.current.push(text);
    this.currentChars += text.length;
    if (richText) this.rich.add(this.count);
    this.count++;
  }

  /** Seals the last block (call once every entry is added). */
  done(): void {
    if (this.current.length) this.seal();
  }

  get(i: number): string | undefined {
    if (i < 0 || i >= this.count) return undefined;
    const at = 3 * i;
    return this.blocks[this.index[at]].slice(this.index[at + 1], this.index[at + 2]);
  }

  isRich(i: number): boolean {
    return this.rich.has(i);
  }

  private seal(): void {
    // join() builds one flat string; the entries' own strings can then be collected.
    this.blocks.push(this.current.join(''));
    this.current = [];
    this.currentChars = 0;
  }
}
