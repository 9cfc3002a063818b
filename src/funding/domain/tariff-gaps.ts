/**
 * Gaps in the tariff table (DOMAIN §3): stretches where a LOCAL component has no row. QA: a row of
 * IURAN valid 2027-03-01..2027-05-31, added after the open row, closed that row and left no IURAN
 * from June on; June was then allocated at Rp2.800 a participant (BANTUAN_DAERAH alone), silently.
 *
 * - IURAN, the premium itself, may never lapse once it has begun: a row that would leave a gap in it
 *   is refused, and a month whose 1st no IURAN row covers (before the first row) is not allocated.
 * - Another LOCAL component may lapse (not charged in those months), and the admin is told so.
 * Only a gap holding the 1st of some month matters: a month is priced by the rows valid on its 1st.
 */
import { addDays, addMonths, dayName, monthName, monthsBetween, monthsSaid } from '../../common/month.js';

/** The component every obligation includes. */
export const PREMIUM_COMPONENT = 'IURAN';

/** The 1st of the last month the API takes (months run 2000–2099). */
const LAST_FIRST_DAY = '2099-12-01';

export interface TariffSpan {
  component: string;
  validFrom: string;
  validTo: string | null;
}

export interface TariffGap {
  /** First day without a row. */
  from: string;
  /** Last day without a row, or null: from `from` on. */
  to: string | null;
}

/** The gaps after the first of one component's rows (any order) that hold the 1st of a month. */
export function tariffGaps(rows: readonly TariffSpan[]): TariffGap[] {
  const sorted = [...rows].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  if (!sorted.length) return [];
  const gaps: TariffGap[] = [];
  let coveredTo: string | null = sorted[0].validTo;
  for (const row of sorted.slice(1)) {
    if (coveredTo === null) return gaps; // an open row covers the rest (overlaps are refused on entry)
    const from = addDays(coveredTo, 1);
    const to = addDays(row.validFrom, -1);
    if (from <= to && holdsFirstOfMonth(from, to)) gaps.push({ from, to });
    if (row.validTo === null || row.validTo > coveredTo) coveredTo = row.validTo;
  }
  if (coveredTo !== null && addDays(coveredTo, 1) <= LAST_FIRST_DAY) gaps.push({ from: addDays(coveredTo, 1), to: null });
  return gaps;
}

const spanOf = (gap: TariffGap) => (gap.to ? `dari ${dayName(gap.from)} s.d. ${dayName(gap.to)}` : `sejak ${dayName(gap.from)}`);

/**
 * A lapse of a component other than IURAN, said to the admin who caused it (the tariff's `warnings`),
 * naming the months it leaves out: those whose 1st the gap holds (QA: a gap of 1–14 February was
 * said as "bulan-bulan itu").
 */
export function lapseWarning(component: string, gap: TariffGap): string {
  const first = firstPricedMonth(gap.from);
  const months = gap.to ? monthsSaid(monthsBetween(first, gap.to.slice(0, 7))) : `mulai ${monthName(first)}`;
  return `Tidak ada tarif ${component} ${spanOf(gap)}: iuran ${months} tidak memuat komponen ini. Bila komponen ini tetap berlaku, tambahkan baris tarifnya mulai ${dayName(gap.from)}.`;
}

/**
 * A row at Rp0 of a component other than IURAN: the component is not charged in its time (the
 * tariff's `warnings`): "no longer" when an earlier row charged it, plainly when none did (QA: a new
 * component at Rp0 was said to be no longer charged).
 */
export function abolishedWarning(component: string, validFrom: string, validTo: string | null, chargedBefore = true): string {
  return `Tarif ${component} Rp0: komponen ini ${chargedBefore ? 'tidak lagi' : 'tidak'} ditagihkan ${spanOf({ from: validFrom, to: validTo })}, sehingga iuran bulan-bulan itu tidak memuat komponen ini.`;
}

/** Why a row that would leave IURAN without a row is refused. */
export function premiumGapMessage(gap: TariffGap): string {
  return `baris ini membuat tidak ada tarif ${PREMIUM_COMPONENT} ${spanOf(gap)}, sehingga iuran bulan-bulan itu tidak dapat dihitung. Tarif ${PREMIUM_COMPONENT} tidak boleh terputus.`;
}

/**
 * 409 message of an allocation of `month`, whose 1st no IURAN row covers. `asked`, a later month of
 * the same year, is the month the user asked for, which needs `month` allocated first (§6): named,
 * so that the message does not seem to be about another month than the one asked for (QA).
 */
export function missingPremiumMessage(month: string, asked = month): string {
  const because =
    asked === month
      ? 'iuran bulan ini tidak dapat dihitung'
      : `iuran bulan itu tidak dapat dihitung, dan ${monthName(asked)} hanya dapat dialokasikan setelah setiap bulan sebelumnya di tahun ${asked.slice(0, 4)} (sisa anggaran terbawa dari bulan ke bulan)`;
  return `Tidak ada tarif ${PREMIUM_COMPONENT} yang berlaku pada 1 ${monthName(month)}: ${because}. Admin perlu menambahkan baris tarif yang mencakup tanggal itu.`;
}

/** The month whose 1st is the first on or after `day`: the first month a row from `day` prices (§3). */
export function firstPricedMonth(day: string): string {
  return day.endsWith('-01') ? day.slice(0, 7) : addMonths(day.slice(0, 7), 1);
}

function holdsFirstOfMonth(from: string, to: string): boolean {
  return firstPricedMonth(from) <= to.slice(0, 7);
}
