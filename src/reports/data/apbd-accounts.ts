/**
 * APBD budget accounts (DOMAIN §3): an amount paid from the regency budget is attributed to
 * 5.1.02.02.02.0003 (IURAN) and 5.1.02.02.02.0004 (BANTUAN_DAERAH) in proportion to the LOCAL
 * tariff components of the month; BANTUAN_DAERAH is rounded down and IURAN takes the rest, so
 * the two always add up to the amount.
 */
export const APBD_ACCOUNTS = {
  iuran: { code: '5.1.02.02.02.0003', name: 'Iuran (komponen IURAN)' },
  bantuanDaerah: { code: '5.1.02.02.02.0004', name: 'Bantuan iuran daerah (komponen BANTUAN_DAERAH)' },
} as const;

export interface MonthTariff {
  month: string;
  /** Sum of LOCAL components (the obligation of one participant-month). */
  local: number;
  /** The BANTUAN_DAERAH component (0 before 2021). */
  bantuanDaerah: number;
  /** CENTRAL components (BANTUAN_PUSAT), for information. */
  central: number;
}

export function splitApbdAmount(amount: number, tariff: Pick<MonthTariff, 'local' | 'bantuanDaerah'>): { iuran: number; bantuanDaerah: number } {
  if (tariff.local <= 0 || tariff.bantuanDaerah <= 0 || amount <= 0) return { iuran: amount, bantuanDaerah: 0 };
  const bantuanDaerah = Number((BigInt(amount) * BigInt(tariff.bantuanDaerah)) / BigInt(tariff.local));
  return { iuran: amount - bantuanDaerah, bantuanDaerah };
}
