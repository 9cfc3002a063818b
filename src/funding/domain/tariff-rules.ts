/**
 * Rules of a new tariff row (DOMAIN §3) as pure functions, in the order TariffsService.add applies
 * them: what is refused in the row itself, which stored row it closes, where it clashes with the
 * stored rows, whether it leaves IURAN without a row (tariff-gaps.ts), and what the admin is warned of.
 */
import { addDays, dayName, monthsBetween } from '../../common/month.js';
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

/** Why a row is refused (TARIFF_INVALID); `field` names the request field at fault when there is one. */
export interface TariffProblem {
  message: string;
  field?: 'amount' | 'validFrom' | 'validTo' | 'payer';
}

/** Who pays, in the words of the Perbup (§3). */
const PAYER_WORDS: Record<string, string> = { LOCAL: 'kabupaten', CENTRAL: 'pemerintah pusat' };

/**
 * What is wrong with the row on its own, before the table is read: a day not on the calendar, an end
 * before the start, IURAN at Rp0, or no month's 1st inside its validity; null when nothing is.
 */
export function newTariffProblem(row: NewTariff): TariffProblem | null {
  const { validFrom, validTo } = row;
  if (!isRealDate(validFrom)) return { message: `validFrom ${validFrom} tidak ada di kalender.`, field: 'validFrom' };
  if (validTo && !isRealDate(validTo)) return { message: `validTo ${validTo} tidak ada di kalender.`, field: 'validTo' };
  if (validTo && validTo < validFrom) return { message: 'validTo tidak boleh sebelum validFrom.', field: 'validTo' };
  // QA: IURAN Rp0 closed the open Rp35.000 row, and obligations silently fell to Rp2.800
  if (row.component === PREMIUM_COMPONENT && row.amount === 0) {
    return {
      message: `amount tidak boleh Rp0 untuk ${PREMIUM_COMPONENT}, iuran itu sendiri: komponen lain dapat dihapus dengan Rp0, ${PREMIUM_COMPONENT} tidak. Isi besar iuran yang berlaku mulai ${dayName(validFrom)}.`,
      field: 'amount',
    };
  }
  if (monthsApplied(validFrom, validTo)?.length === 0) {
    return {
      message: `${validFrom} s.d. ${validTo ?? 'seterusnya'} tidak mencakup tanggal 1 bulan mana pun sampai ${LAST_MONTH}, padahal iuran sebulan mengikuti tarif yang berlaku pada tanggal 1 (§3).`,
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
    return { field: 'payer', message: `payer ${row.payer} tidak sesuai: komponen ${row.component} dibayar oleh ${said}, dan baris barunya melanjutkan baris itu, jadi payer-nya harus ${closed.payer} juga.` };
  }
  const end = row.validTo ?? '9999-12-31';
  const overlapping = stored.find((t) => t !== closed && t.validFrom <= end && (t.validTo ?? '9999-12-31') >= row.validFrom);
  if (!overlapping) return null;
  return { message: `Masa berlaku bertumpang tindih dengan tarif ${row.component} #${overlapping.id} (${overlapping.validFrom} s.d. ${overlapping.validTo ?? 'sekarang'}).` };
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
 * What the answer tells the admin: a component at Rp0 is not charged (no longer, when `chargedBefore`:
 * an earlier row of it charged more), and the months a LOCAL component is left without a row.
 */
export function tariffWarnings(row: NewTariff, gaps: readonly TariffGap[], chargedBefore = true): string[] {
  return [
    ...(row.amount === 0 ? [abolishedWarning(row.component, row.validFrom, row.validTo, chargedBefore)] : []),
    ...(row.payer === 'LOCAL' ? gaps.map((gap) => lapseWarning(row.component, gap)) : []),
  ];
}

function isRealDate(day: string): boolean {
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
}
