/**
 * A map from an all-digit key of one fixed length, 10 to 18 digits (NIK: 16, NOKA: 13), to a row
 * number, kept in one typed array: 16 bytes a slot instead of a Map entry plus a string (a 500,000-row
 * upload remembers 500,000 NIKs and as many NOKAs; as strings they were tens of MB of live heap, and V8
 * sizes its heap on what stays live). Open addressing, linear probing, grown at half full. A slot's three
 * numbers sit side by side, a slot a power of two wide: one cache line per probe, not one per array.
 */
export class DigitKeyMap {
  /** Per slot of 4: the key's leading digits, its last 9 digits, the value + 1 (0 = empty slot), unused. */
  private slots = new Int32Array(4 * 1024);
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
    const i = this.find(this.h, this.l);
    return this.slots[i + 2] === 0 ? undefined : this.slots[i + 2] - 1;
  }

  /** The key's value if it has one (left as it is); else sets it to `value` and returns undefined. One probe. */
  getOrSet(key: string, value: number): number | undefined {
    if (8 * (this.count + 1) > this.slots.length) this.grow();
    this.split(key);
    const i = this.find(this.h, this.l);
    const slots = this.slots;
    if (slots[i + 2] !== 0) return slots[i + 2] - 1;
    slots[i] = this.h;
    slots[i + 1] = this.l;
    slots[i + 2] = value + 1;
    this.count++;
    return undefined;
  }

  /** The index of the key's slot, or of the empty slot where it would go. */
  private find(h: number, l: number): number {
    const slots = this.slots;
    const mask = (slots.length >> 2) - 1;
    for (let s = slot(h, l, mask); ; s = (s + 1) & mask) {
      const i = s << 2;
      if (slots[i + 2] === 0 || (slots[i] === h && slots[i + 1] === l)) return i;
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
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    for (let i = 0; i < old.length; i += 4) {
      if (old[i + 2] === 0) continue;
      const j = this.find(old[i], old[i + 1]);
      this.slots[j] = old[i];
      this.slots[j + 1] = old[i + 1];
      this.slots[j + 2] = old[i + 2];
    }
  }
}

function slot(h: number, l: number, mask: number): number {
  let x = Math.imul(h ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(l, 0xc2b2ae35);
  x ^= x >>> 15;
  return x & mask;
}
