/**
 * Kemendagri village codes `17.03.KK.DDDD`. Input may omit the dots (`1703062001`);
 * stored and shown dotted.
 */
export function normalizeVillageCode(raw: string): string | null {
  const digits = raw.trim().replace(/\./g, '');
  if (!/^\d{10}$/.test(digits)) return null;
  return `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}.${digits.slice(6)}`;
}

/** A village code as a query filter takes it: 10 digits, dots optional (normalizeVillageCode). */
export const VILLAGE_CODE_PATTERN = /^\d{2}\.?\d{2}\.?\d{2}\.?\d{4}$/;

/** Why a `villageCode` filter of the wrong form is refused (400; a well-formed code the regency lacks is 404 VILLAGE_NOT_FOUND). */
export const VILLAGE_CODE_MESSAGE = 'villageCode harus kode desa Kemendagri: 10 angka, boleh dengan titik, misalnya 1703062001 atau 17.03.06.2001';
