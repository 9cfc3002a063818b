/**
 * A map from an all-digit key of one fixed length, 10 to 18 digits (NIK: 16, NOKA: 13), to a row
 * number, kept in typed arrays: about 12 bytes a key instead of a Map entry plus a string (a 500,000-row upload
 * remembers 500,000 NIKs and as many NOKAs; as strings they were tens of MB of live heap, and V8
 * sizes its heap on what stays live). Open addressing, linear probing, grown at half full.
 */
export class DigitKeyMap {
  private hi = new Int32Array(1024);
  private lo = new Int32Array(1024);
  /** Row number + 1 per slot; 0 = empty. */
  private values = new Int32Array(1024);
  private count = 0;
  /** The last key split (no array per lookup: this runs twice per uploaded row). */
  private h = 0;
  private l = 0;

  constructor(private readonly length: number) {
    if (length < 10 || length > 18) throw new Error('DigitKeyMap: key length 10..18');
  }

  get size(): number {
    return this.count;
  }

  get(key: string): number | undefined {
    this.split(key);
    const { h, l } = this;
    const mask = this.values.length - 1;
    for (let i = slot(h, l, mask); ; i = (i + 1) & mask) {
      const v = this.values[i];
      if (v === 0) return undefined;
      if (this.hi[i] === h && this.lo[i] === l) return v - 1;
    }
  }

  set(key: string, value: number): void {
    if (2 * (this.count + 1) > this.values.length) this.grow();
    this.split(key);
    this.put(this.h, this.l, value + 1);
  }

  private put(h: number, l: number, stored: number): void {
    const mask = this.values.length - 1;
    for (let i = slot(h, l, mask); ; i = (i + 1) & mask) {
      if (this.values[i] === 0) {
        this.hi[i] = h;
        this.lo[i] = l;
        this.values[i] = stored;
        this.count++;
        return;
      }
      if (this.hi[i] === h && this.lo[i] === l) {
        this.values[i] = stored;
        return;
      }
    }
  }

  /** Sets `h`/`l` to the key as two numbers: its leading digits and its last 9 (each below 10^9). */
  private split(key: string): void {
    if (key.length !== this.length) throw this.notDigits(key);
    const cut = key.length - 9;
    let h = 0;
    let l = 0;
    for (let i = 0; i < key.length; i++) {
      const d = key.charCodeAt(i) - 48;
      if (d < 0 || d > 9) throw this.notDigits(key);
      if (i < cut) h = h * 10 + d;
      else l = l * 10 + d;
    }
    this.h = h;
    this.l = l;
  }

  private notDigits(key: string): Error {
    return new Error(`DigitKeyMap: expected ${this.length} digits, got "${key}"`);
  }

  private grow(): void {
    const { hi, lo, values } = this;
    this.hi = new Int32Array(values.length * 2);
    this.lo = new Int32Array(values.length * 2);
    this.values = new Int32Array(values.length * 2);
    this.count = 0;
    for (let i = 0; i < values.length; i++) if (values[i] !== 0) this.put(hi[i], lo[i], values[i]);
  }
}

function slot(h: number, l: number, mask: number): number {
  let x = Math.imul(h ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(l, 0xc2b2ae35);
  x ^= x >>> 15;
  return x & mask;
}
