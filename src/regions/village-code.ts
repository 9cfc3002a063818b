/**
 * Kemendagri village codes `17.03.KK.DDDD`. Input may omit the dots (`1703062001`);
 * stored and shown dotted.
 */
export function normalizeVillageCode(raw: string): string | null {
  const digits = raw.trim().replace(/\./g, '');
  if (!/^\d{10}$/.test(digits)) return null;
  return `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}.${digits.slice(6)}`;
}
