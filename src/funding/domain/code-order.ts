/**
 * Plain code-point order (DOMAIN §5: pledge ties are broken by code "in plain code-point
 * order"): 'B' < 'a', 'DESA-10' < 'DESA-9'. Never locale order (localeCompare, ICU collations).
 */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; ) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x - y;
    i += x > 0xffff ? 2 : 1;
  }
  return a.length - b.length;
}
