/**
 * A tariff row replaced by a row of the same component from the same day, and the closed months a
 * tariff row may not price (DOMAIN §3, §9), as pure functions TariffsService.add applies.
 *
 * QA: IURAN Rp37.000 entered from 2027-01-01 instead of Rp36.000 could not be corrected for January:
 * a row from the same day overlapped it, and a row from 2 January priced February on. The component's
 * last row is replaced (superseded) by a row starting on the same day while no month it prices is
 * closed: it is kept, marked as replaced and why, and prices no day (validTo the day before validFrom).
 */
import { addDays, dayName, monthName } from '../../common/month.js';
import { firstOpenMonthAfter } from '../../periods/open-month.js';
import { rupiah } from '../../common/money.js';
import type { NewTariff, StoredTariff, TariffProblem } from './tariff-rules.js';
import { pricesMonth } from './tariff-rules.js';

/** A stored row as these rules read it. */
export interface SupersedableTariff extends StoredTariff {
  amount: number;
  legalBasis: string | null;
}

/** The day a superseded row's validTo is set to: the day before its validFrom, so it prices no day. */
export const supersededValidTo = (validFrom: string) => addDays(validFrom, -1);

/** The component's last row (latest validFrom) when the new row starts on the same day: the row it replaces. */
export function rowSupersededBy<T extends StoredTariff>(live: readonly T[], row: NewTariff): T | undefined {
  const last = live.reduce<T | undefined>((a, t) => (!a || t.validFrom > a.validFrom ? t : a), undefined);
  return last && last.validFrom === row.validFrom ? last : undefined;
}

/** A row that replaces another says why (the `tariff.supersede` event and the Tarif page show it); null when it does. */
export function supersedeReasonProblem(superseded: SupersedableTariff, row: NewTariff, reason: string | undefined): TariffProblem | null {
  if (reason?.trim()) return null;
  return {
    message: `reason (alasan) wajib diisi: baris ini berlaku mulai tanggal yang sama dengan tarif ${row.component} #${superseded.id} (${rupiah(superseded.amount)}, mulai ${dayName(superseded.validFrom)}) dan menggantikannya; sebutkan mengapa baris itu diganti.`,
    field: 'reason',
    tariffId: superseded.id,
  };
}

/** A replacement that changes nothing of the row it replaces (TARIFF_UNCHANGED); null when it changes something. */
export function supersedeUnchangedProblem(superseded: SupersedableTariff, row: NewTariff & { legalBasis: string }): TariffProblem | null {
  const same = (a: string | null) => (a ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
  if (superseded.amount !== row.amount || superseded.payer !== row.payer || superseded.validTo !== row.validTo || same(superseded.legalBasis) !== same(row.legalBasis)) return null;
  return {
    message: `Tarif ${row.component} #${superseded.id} sudah ${rupiah(row.amount)} mulai ${dayName(row.validFrom)} dengan masa berlaku dan dasar hukum yang sama: baris ini tidak mengubah apa pun, jadi tidak disimpan.`,
    field: 'amount',
    tariffId: superseded.id,
  };
}

/** A closed month a row prices: the month, and the finalized month that closed it (itself when finalized). */
export interface ClosedPricedMonth {
  month: string;
  by: string;
  /** The first month after the last closed month the row prices that is open: where a row may start. */
  firstOpen: string | null;
}

/**
 * The first of the months `closed` (month → the finalized month that closed it: ClosedMonths.closedBy) that `row`
 * prices, with the first open month after the last of them; null when it prices none.
 */
export function closedMonthPriced(row: Pick<NewTariff, 'validFrom' | 'validTo'>, closed: ReadonlyMap<string, string>): ClosedPricedMonth | null {
  const priced = [...closed.keys()].filter((month) => pricesMonth(row as NewTariff, month)).sort();
  if (!priced.length) return null;
  return { month: priced[0], by: closed.get(priced[0])!, firstOpen: firstOpenMonthAfter(priced.at(-1)!, closed) };
}


/** "Januari 2026 sudah difinalisasi" or "Maret 2026 sudah dibekukan (Juli 2026 difinalisasi)". */
export function closedSaid({ month, by }: ClosedPricedMonth): string {
  return by === month ? `${monthName(month)} sudah difinalisasi` : `${monthName(month)} sudah dibekukan (${monthName(by)} difinalisasi)`;
}

const startIn = (firstOpen: string | null) => (firstOpen ? `bulan pertama yang masih terbuka, ${monthName(firstOpen)} (berlaku mulai ${dayName(`${firstOpen}-01`)})` : 'bulan yang masih terbuka');

/** MONTH_CLOSED of a new row that prices a closed month (QA: "Juli 2026 sudah difinalisasi" for a row from March, frozen, and no open month named). */
export function tariffMonthClosedMessage(closed: ClosedPricedMonth): string {
  return `Bulan ${closedSaid(closed)} dan tidak dapat diubah. Tarif bulan yang sudah ditutup tidak berubah lagi: mulailah baris tarif ini pada ${startIn(closed.firstOpen)}.`;
}

/** MONTH_CLOSED of a replacement of a row that priced a month now closed: the row stays; a new row starts in an open month. */
export function supersedeClosedMessage(superseded: SupersedableTariff & { component: string }, closed: ClosedPricedMonth): string {
  return (
    `Tarif ${superseded.component} #${superseded.id} (${rupiah(superseded.amount)}, mulai ${dayName(superseded.validFrom)}) tidak dapat diganti: iuran bulan ${monthName(closed.month)} dihitung dengannya, ` +
    `dan bulan ${closedSaid(closed)}. Tambahkan baris tarif baru mulai ${startIn(closed.firstOpen)}.`
  );
}
