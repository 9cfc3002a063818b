/**
 * The listed villages and NIKs of a pledge (scope VILLAGES or RESIDENTS), one entry at a time: knownVillage and
 * validNik read an entry as stored (or null), unknownVillages and invalidNiks say why entries are refused, naming
 * the first ten (shownList), shownNik names one. Shared by validatePledge (pledge-rules.ts) and the pledge sheet's
 * list sheet.
 */
import { normalizeVillageCode } from '../../regions/village-code.js';
import { checkNik } from '../../common/nik.js';

/** A listed village code (`1703062001` or dotted) as stored, dotted; null when the regency has no such village. */
export function knownVillage(raw: unknown, known: ReadonlySet<string>): string | null {
  const code = typeof raw === 'string' || typeof raw === 'number' ? normalizeVillageCode(String(raw)) : null;
  return code && known.has(code) ? code : null;
}

/** Why listed village codes are refused, naming them (the first ten). */
export function unknownVillages(codes: readonly string[]): string {
  // the console's list, not an API route: people read it (the pledge form's "Desa yang ditanggung" shows each village's code)
  return `Kode desa tidak dikenal di Kabupaten Bengkulu Utara: ${shownList(codes)}. Kode desa yang dikenal ada di pilihan "Desa yang ditanggung" pada formulir komitmen (menu Komitmen).`;
}

/** A listed NIK as stored (`1703 0601 0190 0901`, the KTP's digit groups, joined); null when it is no valid NIK (DOMAIN §2). */
export function validNik(raw: unknown): string | null {
  const nik = listedNik(raw);
  return checkNik(nik).ok ? nik : null;
}

/** Why listed NIKs are refused, naming them (the first ten). */
export function invalidNiks(niks: readonly string[]): string {
  return `NIK tidak valid: harus 16 digit angka (format kolom sebagai Teks di Excel), digit 7–12 tanggal lahir yang mungkin (DDMMYY, +40 untuk perempuan), nomor urut bukan 0000: ${shownList(niks)}.`;
}

// a NIK in the digit groups of the KTP (1703 0601 0190 0901) is that NIK, as in the register's sheets (QA)
const listedNik = (raw: unknown) => (typeof raw === 'string' ? raw.trim().replace(/(?<=\d)\s+(?=\d)/g, '') : (JSON.stringify(raw) ?? String(raw)));

/** A refused NIK as a message names it. */
export const shownNik = (raw: unknown) => listedNik(raw).slice(0, 40) || '(kosong)';

export const shownList = (items: readonly string[]) => items.slice(0, 10).join(', ') + (items.length > 10 ? `, dan ${items.length - 10} lainnya` : '');
