/**
 * Rules of a new tariff row (DOMAIN §3) as pure functions, in the order TariffsService.add applies
 * them: what is refused in the row itself, which stored row it closes, where it clashes with the
 * stored rows, whether it leaves IURAN without a row (tariff-gaps.ts), and what the admin is warned of.
 */
import { addDays, dayName, monthName, monthsBetween, monthsSaid } from '../../common/month.js';
import { rupiah } from '../../common/money.js';
import { abolishedWarning, firstPricedMonth, lapseWarning, PREMIUM_COMPONENT, premiumGapMessage, type TariffGap, type TariffSpan } from './tariff-gaps.js';

/** The last month the service allocates and bills (the API's months run 2000–2099). */
export const LAST_MONTH = '2099-12';

/** A row to add, as the admin sent it (validTo null: open-ended). */
export interface NewTariff {
  component: string;
  payer: string;
  amount: number;
  validFrom: string;
  validTo: string | null;
}

/** A stored row of the same component, as far as these rules read it. */
export interface StoredTariff extends TariffSpan {
  id: number;
  payer: string;
}

/**
 * Why a row is refused (TARIFF_INVALID); `field` names the request field at fault when there is one,
 * `tariffId` the stored row it clashes with.
 */
export interface TariffProblem {
  message: string;
  field?: 'amount' | 'validFrom' | 'validTo' | 'payer' | 'reason';
  tariffId?: number;
}

/** Who pays, in the words of the Perbup (§3). */
const PAYER_WORDS: Record<string, string> = { LOCAL: 'kabupaten', CENTRAL: 'pemerintah pusat' };

/**
 * What is wrong with the row on its own, before the table is read: a day not on the calendar, an end
 * before the start, IURAN at Rp0, or no month's 1st inside its validity; null when nothing is.
 */
export function newTariffProblem(row: NewTariff): TariffProblem | null {
  const { validFrom, validTo } = row;
  if (!isRealDate(validFrom)) return { message: `validFrom (berlaku mulai) ${validFrom} tidak ada di kalender.`, field: 'validFrom' };
  if (validTo && !isRealDate(validTo)) return { message: `validTo (berlaku sampai) ${validTo} tidak ada di kalender.`, field: 'validTo' };
  if (validTo && validTo < validFrom) {
    return { message: `validTo (berlaku sampai) ${dayName(validTo)} lebih awal dari tanggal berlaku mulai, ${dayName(validFrom)}.`, field: 'validTo' };
  }
  // QA: IURAN Rp0 closed the open Rp35.000 row, and obligations silently fell to Rp2.800
  if (row.component === PREMIUM_COMPONENT && row.amount === 0) {
    return {
      message: `amount tidak boleh Rp0 untuk ${PREMIUM_COMPONENT}, iuran itu sendiri: komponen lain dapat dihapus dengan Rp0, ${PREMIUM_COMPONENT} tidak. Isi besar iuran yang berlaku mulai ${dayName(validFrom)}.`,
      field: 'amount',
    };
  }
  if (monthsApplied(validFrom, validTo)?.length === 0) {
    return {
      message: `Masa berlaku (${spanSaid(validFrom, validTo)}) tidak mencakup tanggal 1 bulan mana pun sampai ${monthName(LAST_MONTH)}, padahal iuran sebulan dihitung dengan tarif yang berlaku pada tanggal 1 bulan itu.`,
      field: validTo ? 'validTo' : 'validFrom',
    };
  }
  return null;
}

/**
 * The months whose 1st falls in [validFrom, validTo]: those the row prices (§3); null when it is
 * open-ended (every month from its first on).
 */
export function monthsApplied(validFrom: string, validTo: string | null): string[] | null {
  const first = firstPricedMonth(validFrom);
  if (validTo === null) return first > LAST_MONTH ? [] : null;
  const last = validTo.slice(0, 7);
  return first > last ? [] : monthsBetween(first, last);
}

/** Whether the row prices `month`: its 1st falls in [validFrom, validTo]. */
export function pricesMonth(row: NewTariff, month: string): boolean {
  const first = `${month}-01`;
  return first >= row.validFrom && (!row.validTo || first <= row.validTo);
}

/** The open row (valid_to empty) of the component that starts before the new row: the new row closes it the day before. */
export function rowClosedBy<T extends StoredTariff>(stored: readonly T[], row: NewTariff): T | undefined {
  return stored.find((t) => t.validTo === null && t.validFrom < row.validFrom);
}

/**
 * Why the new row cannot stand beside the component's stored rows: another payer than the open row
 * it closes, or validity overlapping another row; null when it can.
 */
export function clashProblem(stored: readonly StoredTariff[], closed: StoredTariff | undefined, row: NewTariff): TariffProblem | null {
  if (closed && closed.payer !== row.payer) {
    const said = `${closed.payer} (${PAYER_WORDS[closed.payer] ?? closed.payer})`;
    return { field: 'payer', message: `payer ${row.payer} tidak sesuai: komponen ${row.component} dibayar oleh ${said}, dan baris barunya melanjutkan baris itu, jadi pembayarnya harus ${said} juga.` };
  }
  const end = row.validTo ?? '9999-12-31';
  const overlapping = stored.find((t) => t !== closed && t.validFrom <= end && (t.validTo ?? '9999-12-31') >= row.validFrom);
  if (!overlapping) return null;
  return {
    message: `Masa berlaku bertumpang tindih dengan tarif ${row.component} #${overlapping.id} (${spanSaid(overlapping.validFrom, overlapping.validTo)}).`,
    field: overlapping.validFrom <= row.validFrom ? 'validFrom' : 'validTo',
    tariffId: overlapping.id,
  };
}

/**
 * A row that would change nothing (TARIFF_UNCHANGED): the open row it follows already has its amount, payer and legal
 * basis (QA: it was stored, splitting the open row in two). A row that only names a new legal basis
 * for the same amount is a change, and is stored.
 */
export function unchangedProblem(closed: (StoredTariff & { amount: number; legalBasis: string | null }) | undefined, row: NewTariff & { legalBasis: string }): TariffProblem | null {
  if (!closed || closed.amount !== row.amount || closed.payer !== row.payer || legalBasisKey(closed.legalBasis ?? '') !== legalBasisKey(row.legalBasis)) return null;
  return {
    message: `Tarif ${row.component} sudah ${rupiah(row.amount)} dengan dasar hukum yang sama sejak ${dayName(closed.validFrom)} (#${closed.id}, tanpa batas akhir): baris ini tidak mengubah apa pun, jadi tidak disimpan.`,
    field: 'amount',
    tariffId: closed.id,
  };
}

/** A legal basis as compared: without case, and spaces in it as one (QA: " Perpres  64/2020 " repeated the open row). */
function legalBasisKey(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * A row that starts after the 1st of a month is first used for the next month (§3: a month is priced
 * by the rows valid on its 1st): said, so that a row from 15 July is not taken to price July (QA).
 */
export function firstMonthWarning(row: NewTariff): string | null {
  if (row.validFrom.endsWith('-01')) return null;
  return `Berlaku mulai ${dayName(row.validFrom)}, tetapi iuran sebulan dihitung dengan tarif yang berlaku pada tanggal 1: baris ini pertama kali dipakai untuk iuran ${monthName(firstPricedMonth(row.validFrom))}.`;
}

/**
 * What a LOCAL row re-prices that users already acted on: months reconciled (runs not finalized:
 * finalized months are refused) and months with payments recorded, whose obligations change with it.
 */
/**
 * The allocated open months a LOCAL row re-prices: their allocation is recomputed at the new amount
 * (they are STALE now). QA: a row from 1 November added on 6 December re-priced allocated November and
 * December with `warnings: []`, since neither was reconciled or paid yet.
 */
export function allocatedRepricedWarnings(component: string, allocated: readonly string[]): TariffWarning[] {
  if (!allocated.length) return [];
  const those = allocated.length === 1 ? 'bulan itu' : 'bulan-bulan itu';
  return [
    {
      code: 'ALLOCATED_MONTHS_REPRICED',
      message: `Tarif ${component} ini mengubah iuran bulan ${monthsSaid(allocated)} yang sudah dialokasikan; alokasi ${those} dihitung ulang dengan iuran yang baru.`,
    },
  ];
}

export function repricedWarnings(component: string, reconciled: readonly string[], paid: readonly string[]): TariffWarning[] {
  const those = paid.length === 1 ? 'bulan itu' : 'bulan-bulan itu';
  return [
    ...(reconciled.length
      ? [
          {
            code: 'RECONCILED_MONTHS_REPRICED' as const,
            message: `Tarif ${component} ini mengubah iuran bulan yang sudah direkonsiliasi (${monthsSaid(reconciled)}): jalankan ulang rekonsiliasinya agar temuannya memakai iuran yang baru.`,
          },
        ]
      : []),
    ...(paid.length
      ? [
          {
            code: 'PAID_MONTHS_REPRICED' as const,
            message: `Pembayaran yang sudah dicatat untuk ${monthsSaid(paid)} kini dibandingkan dengan iuran yang baru: periksa kembali status pembayaran ${those}.`,
          },
        ]
      : []),
  ];
}

/**
 * A row with an end, added inside the time of the open row it closes, is an interlude: the day the
 * open row's tariff applies again after it (QA: it had ended IURAN, and June was allocated at Rp2.800).
 */
export function interludeResumesOn(closed: StoredTariff | undefined, row: NewTariff): string | null {
  return closed && row.validTo ? addDays(row.validTo, 1) : null;
}

/** Why a LOCAL IURAN row is refused when the component's rows after it (tariffGaps) leave a gap; null otherwise. */
export function premiumGapProblem(row: NewTariff, gaps: readonly TariffGap[]): TariffProblem | null {
  return row.component === PREMIUM_COMPONENT && row.payer === 'LOCAL' && gaps.length ? { message: premiumGapMessage(gaps[0]), field: 'validTo' } : null;
}

/**
 * A warning of a tariff row added, shaped as the API's other warnings (`{ code, message }`; QA: the
 * tariff's were bare strings): the first month a row from after the 1st prices, a component not
 * charged, a LOCAL component left without a row, the reconciled or paid months a LOCAL row re-prices.
 */
export interface TariffWarning {
  code: 'FIRST_PRICED_MONTH' | 'RESUMED_FROM_MONTH' | 'NOT_CHARGED' | 'COMPONENT_LAPSES' | 'ALLOCATED_MONTHS_REPRICED' | 'RECONCILED_MONTHS_REPRICED' | 'PAID_MONTHS_REPRICED';
  message: string;
}

/**
 * An interlude that ends after the 1st of a month: the open row's tariff resumes the day after, but
 * a month is priced on its 1st, so that month still takes the interlude's (QA: Rp36.000 to 15 May
 * priced all of May, unsaid). Null when it ends on a month's last day or resumes nothing.
 */
export function resumedWarning(row: NewTariff, resumesOn: string | null, resumedAmount: number): string | null {
  if (!resumesOn || resumesOn.endsWith('-01')) return null;
  const month = row.validTo!.slice(0, 7);
  return (
    `Tarif ${row.component} ${rupiah(resumedAmount)} berlaku lagi mulai ${dayName(resumesOn)}, tetapi iuran sebulan dihitung dengan tarif yang berlaku pada tanggal 1: ` +
    `iuran ${monthName(month)} memakai ${rupiah(row.amount)} baris ini, dan ${rupiah(resumedAmount)} dipakai lagi mulai iuran ${monthName(firstPricedMonth(resumesOn))}.`
  );
}

/**
 * What the answer tells the admin: the first month a row from after the 1st prices, a component at
 * Rp0 is not charged (no longer, when `chargedBefore`: an earlier row of it charged more), and the
 * months a LOCAL component is left without a row.
 */
export function tariffWarnings(row: NewTariff, gaps: readonly TariffGap[], chargedBefore = true): TariffWarning[] {
  const firstMonth = firstMonthWarning(row);
  return [
    ...(firstMonth ? [{ code: 'FIRST_PRICED_MONTH' as const, message: firstMonth }] : []),
    ...(row.amount === 0 ? [{ code: 'NOT_CHARGED' as const, message: abolishedWarning(row.component, row.validFrom, row.validTo, chargedBefore) }] : []),
    ...(row.payer === 'LOCAL' ? gaps.map((gap) => ({ code: 'COMPONENT_LAPSES' as const, message: lapseWarning(row.component, gap) })) : []),
  ];
}

/** '1 Juli 2026 s.d. 31 Juli 2026', or 'sejak 1 Juli 2026, tanpa batas akhir' for an open row. */
function spanSaid(validFrom: string, validTo: string | null): string {
  return validTo ? `${dayName(validFrom)} s.d. ${dayName(validTo)}` : `sejak ${dayName(validFrom)}, tanpa batas akhir`;
}

function isRealDate(day: string): boolean {
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
}
