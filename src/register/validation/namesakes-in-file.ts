/**
 * The NIKs of the file's rows that share a birth date and a name with another row (PERSON_IN_FILE_OTHER_NIK), noted
 * while the file is read: only these rows are compared at promotion (WARN_PERSON_IN_FILE), and of the participants
 * registered early on PostgreSQL only these are looked up and staged again (EARLY_HELD_FOR_IDENTITY). Keying every name
 * in the database instead (NAME_KEY, a regular expression per row, and an aggregate of 100,000 groups) took 0.35–0.5 s
 * of database CPU for a 100,000-row upload of new people, against 0.03 s for the early query without it.
 *
 * A row is keyed by a 32-bit hash of its birth date and of its name reduced to its letters and digits, lower case:
 * coarser than NAME_KEY (which leaves out spaces and punctuation only), so two rows NAME_KEY finds alike are always
 * noted; a row noted wrongly (another name of the same key, or a hash met by chance) is only staged again and
 * compared exactly there. Kept in a typed array, as DigitKeyMap keeps the NIKs: 12 bytes a slot, two to four slots a row.
 */
import { digitsValue } from '../../common/text.js';

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

export class NamesakesInFile {
  /** Per slot: the key's hash (0 = empty), then the NIK of the key's first row as two 8-digit halves, side by side. */
  private slots = new Int32Array(3 * 1024);
  /** The slots whose first row's NIK is listed already. */
  private readonly listed = new Set<number>();
  private count = 0;
  private readonly found: string[] = [];

  /** Notes an accepted row (a 16-digit NIK, its birth date 'YYYY-MM-DD' and its name as the record holds them). */
  add(nik: string, birthDate: string, name: string): void {
    if (6 * (this.count + 1) > this.slots.length) this.grow();
    const key = keyOf(birthDate, name);
    const slots = this.slots;
    const mask = slots.length / 3 - 1;
    for (let i = key & mask; ; i = (i + 1) & mask) {
      const k = slots[3 * i];
      if (k === 0) {
        slots[3 * i] = key;
        slots[3 * i + 1] = digitsValue(nik, 0, 8);
        slots[3 * i + 2] = digitsValue(nik, 8, 16);
        this.count++;
        return;
      }
      if (k !== key) continue;
      if (!this.listed.has(k)) {
        this.listed.add(k);
        this.found.push(String(slots[3 * i + 1]).padStart(8, '0') + String(slots[3 * i + 2]).padStart(8, '0'));
      }
      this.found.push(nik);
      return;
    }
  }

  /** The NIKs of the rows noted with a key another row has, the first row of each key included. */
  get niks(): readonly string[] {
    return this.found;
  }

  private grow(): void {
    const old = this.slots;
    const slots = (this.slots = new Int32Array(old.length * 2));
    const mask = slots.length / 3 - 1;
    for (let j = 0; j < old.length; j += 3) {
      if (old[j] === 0) continue;
      let i = old[j] & mask;
      while (slots[3 * i] !== 0) i = (i + 1) & mask;
      slots[3 * i] = old[j];
      slots[3 * i + 1] = old[j + 1];
      slots[3 * i + 2] = old[j + 2];
    }
  }
}

/** FNV-1a of the birth date and of the name's letters and digits in lower case, mixed; never 0 (an empty slot). */
function keyOf(birthDate: string, name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < birthDate.length; i++) h = Math.imul(h ^ birthDate.charCodeAt(i), 0x01000193);
  for (let i = 0; i < name.length; i++) {
    let c = name.charCodeAt(i);
    if (c < 128) {
      if (c >= 65 && c <= 90) c += 32;
      else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) continue;
    } else {
      const ch = name[i];
      if (!LETTER_OR_DIGIT.test(ch)) continue;
      c = ch.toLowerCase().charCodeAt(0);
    }
    h = Math.imul(h ^ c, 0x01000193);
  }
  // FNV's low bits, the slot's, mix poorly (alike names crowd a few slots): mixed through MurmurHash3's finalizer
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return h === 0 ? 1 : h;
}
