import { HttpStatus } from '@nestjs/common';
import { assertNever, clip, DomainException } from './domain.exception.js';
import { monthName } from '../month.js';

/** Errors any module may raise: missing records, closed months, conflicting writes. */
export enum CommonErrorCode {
  NOT_FOUND = 'NOT_FOUND',
  INVALID_INPUT = 'INVALID_INPUT',
  CONFLICT = 'CONFLICT',
  MONTH_CLOSED = 'MONTH_CLOSED',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  JSON_TOO_DEEP = 'JSON_TOO_DEEP',
}

/** Where a payment adjustment is entered, in the words of the console's form and the payment sheet (no API field: console users read it). */
export const ADJUSTMENT_ENTRY = '("Koreksi untuk bulan" pada formulir Pembayaran, atau kolom KOREKSI_UNTUK_BULAN pada lembar pembayaran)';

/** How a correction of a finalized month is recorded: a payment of an open month that adjusts it (§9). */
export const CLOSED_MONTH_CORRECTION = `Koreksi yang menyangkut bulan itu dicatat sebagai pembayaran penyesuaian pada bulan yang masih terbuka ${ADJUSTMENT_ENTRY}.`;

/**
 * What a payment for the finalized month `month` does instead, in the words of the console's payment form:
 * Bulan iuran becomes the open month `openMonth` (openMonthToRecordIn) and Koreksi untuk bulan the finalized one, or
 * stays `adjustsMonth` when the payment corrects an earlier month already (QA: only the latter was said, and the form
 * kept the closed month; a correction of November sent for a finalized December was told to correct December).
 */
export function closedMonthPaymentAdvice(month: string, openMonth: string, adjustsMonth?: string | null): string {
  const open = monthName(openMonth);
  const corrects = adjustsMonth ? `Koreksi untuk bulan tetap ${monthName(adjustsMonth)}` : `Koreksi untuk bulan = ${monthName(month)}`;
  return `Catat pembayaran ini di bulan yang masih terbuka (mis. ${open}) dengan ${corrects}: ubah Bulan iuran menjadi ${open}.`;
}

export class CommonException extends DomainException<CommonErrorCode> {
  get httpStatus(): number {
    switch (this.code) {
      case CommonErrorCode.NOT_FOUND:
        return HttpStatus.NOT_FOUND;
      case CommonErrorCode.INVALID_INPUT:
      case CommonErrorCode.JSON_TOO_DEEP:
        return HttpStatus.BAD_REQUEST;
      case CommonErrorCode.CONFLICT:
      case CommonErrorCode.MONTH_CLOSED:
        return HttpStatus.CONFLICT;
      case CommonErrorCode.PAYLOAD_TOO_LARGE:
        return HttpStatus.PAYLOAD_TOO_LARGE;
      default:
        return assertNever(this.code);
    }
  }

  static notFound(what: string, id: string): CommonException {
    return new CommonException(CommonErrorCode.NOT_FOUND, `${what} "${clip(id)}" tidak ditemukan.`);
  }

  /**
   * A change of a finalized month (§9): refused, saying how a correction of it is recorded, the one
   * way the service has (QA: "catat koreksi sebagai penyesuaian" sent a finance officer with a
   * corrected bill looking for a bill adjustment that does not exist). `advice`: what to do instead, for
   * a change a payment cannot stand for (a tariff row, a pledge). `field`: the request's field that named the month
   * (`details.field`, so a form shows the refusal beside it: a payment's `month`, QA).
   */
  static monthClosed(month: string, advice: string = CLOSED_MONTH_CORRECTION, field?: string): CommonException {
    return new CommonException(
      CommonErrorCode.MONTH_CLOSED,
      `Bulan ${monthName(month)} sudah difinalisasi dan tidak dapat diubah. ${advice}`,
      { month, ...(field && { field }) },
    );
  }

  /**
   * MONTH_CLOSED for `month`, closed by the finalized month `by` (ClosedMonths.closedBy): finalized itself (`by` the
   * same month, monthClosed), or frozen by that later finalization (§9: the earlier months of its year are not
   * recomputed, and a change of them would change that month's signed year-to-date figures). `details.closedMonth`
   * names `by` for a frozen month.
   */
  static closedMonth(month: string, by: string, advice: string = CLOSED_MONTH_CORRECTION, field?: string): CommonException {
    if (by === month) return CommonException.monthClosed(month, advice, field);
    return new CommonException(
      CommonErrorCode.MONTH_CLOSED,
      `Bulan ${monthName(month)} sudah dibekukan karena bulan ${monthName(by)} sudah difinalisasi (bulan sebelumnya pada tahun itu ikut dibekukan) dan tidak dapat diubah. ${advice}`,
      { month, closedMonth: by, ...(field && { field }) },
    );
  }

  /**
   * Every month a change would touch is frozen by the finalized month `by`, or finalized itself
   * (`closed`, named apart: QA read July and August, finalized, as frozen by October): it would change nothing.
   */
  static monthsFrozen(months: string[], by: string, closed: string[] = []): CommonException {
    const span = months.length > 1 ? `${monthName(months[0])} s.d. ${monthName(months.at(-1)!)}` : monthName(months[0]);
    const names = closed.map(monthName);
    const why = closed.length
      ? `${names.length > 1 ? `${names.slice(0, -1).join(', ')} dan ${names.at(-1)}` : names[0]} sudah difinalisasi, ${closed.includes(by) ? 'bulan sebelumnya ikut dibekukan' : `bulan lainnya dibekukan karena bulan ${monthName(by)} sudah difinalisasi`}`
      : `karena bulan ${monthName(by)} sudah difinalisasi`;
    return new CommonException(
      CommonErrorCode.MONTH_CLOSED,
      `Bulan ${span} tidak dialokasikan lagi${closed.length ? ': ' : ' '}${why}, sehingga perubahan ini tidak akan mengubah apa pun. Catat koreksi pada bulan yang masih terbuka.`,
      { months, closedMonth: by, ...(closed.length && { closedMonths: closed }) },
    );
  }
}
