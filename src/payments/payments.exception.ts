import { HttpStatus } from '@nestjs/common';
import { assertNever, clip, DomainException } from '../common/errors/domain.exception.js';
import { monthName } from '../common/month.js';
import { rupiah } from '../common/money.js';
import { wibTimestamp } from '../common/clock/clock.js';
import type { PaymentDeletion } from './deleted-payments.js';
import { pledgeNotFoundMessage } from '../funding/funding.exception.js';
import type { UploadReport } from '../common/uploads/row-issue.js';
import type { PaymentKey, RecordedPayment } from './duplicate-payments.js';
import { figureDifferences, type PaymentFigures, repeatOfRecorded } from './repeat-messages.js';

export enum PaymentErrorCode {
  PLEDGE_NOT_FOUND = 'PLEDGE_NOT_FOUND',
  INVALID_ADJUSTMENT = 'INVALID_ADJUSTMENT',
  INVALID_PAID_AT = 'INVALID_PAID_AT',
  OUTSIDE_TERMS = 'OUTSIDE_TERMS',
  DUPLICATE_PAYMENT = 'DUPLICATE_PAYMENT',
  PAYMENT_NOT_FOUND = 'PAYMENT_NOT_FOUND',
  NOT_ALLOCATED = 'NOT_ALLOCATED',
  UPLOAD_NOT_FOUND = 'UPLOAD_NOT_FOUND',
  ALREADY_RECORDED = 'ALREADY_RECORDED',
  FILE_REQUIRED = 'FILE_REQUIRED',
}

export class PaymentException extends DomainException<PaymentErrorCode> {
  get httpStatus(): number {
    switch (this.code) {
      case PaymentErrorCode.PLEDGE_NOT_FOUND:
      case PaymentErrorCode.PAYMENT_NOT_FOUND:
      case PaymentErrorCode.NOT_ALLOCATED:
      case PaymentErrorCode.UPLOAD_NOT_FOUND:
        return HttpStatus.NOT_FOUND;
      case PaymentErrorCode.DUPLICATE_PAYMENT:
      case PaymentErrorCode.ALREADY_RECORDED:
        return HttpStatus.CONFLICT;
      case PaymentErrorCode.INVALID_ADJUSTMENT:
      case PaymentErrorCode.INVALID_PAID_AT:
      case PaymentErrorCode.OUTSIDE_TERMS:
      case PaymentErrorCode.FILE_REQUIRED:
        return HttpStatus.BAD_REQUEST;
      default:
        return assertNever(this.code);
    }
  }

  /** A payment sheet upload without a file (the BPJS uploads' words). */
  static fileRequired(): PaymentException {
    return new PaymentException(PaymentErrorCode.FILE_REQUIRED, 'Berkas wajib diunggah pada kolom "file" (.xlsx atau .csv).');
  }

  static uploadNotFound(id: string): PaymentException {
    return new PaymentException(PaymentErrorCode.UPLOAD_NOT_FOUND, `Unggahan lembar pembayaran "${clip(id)}" tidak ditemukan.`, { id: clip(id) });
  }

  /** `similar`: the stored code that differs only in upper/lower case (storedPledgeCode), named as what was meant. */
  static pledgeNotFound(code: string, similar?: string): PaymentException {
    const next = similar ? '' : ' Periksa kode komitmen atau daftarkan komitmennya terlebih dahulu.';
    return new PaymentException(PaymentErrorCode.PLEDGE_NOT_FOUND, `${pledgeNotFoundMessage(code, similar)}${next}`, { code: clip(code), ...(similar ? { similar } : {}) });
  }

  /** In the words of the console's payment form (Koreksi untuk bulan, Bulan iuran), shown beside `adjustsMonth`. */
  static invalidAdjustment(month: string, adjustsMonth: string): PaymentException {
    return new PaymentException(
      PaymentErrorCode.INVALID_ADJUSTMENT,
      `Koreksi untuk bulan (${monthName(adjustsMonth)}) harus lebih awal dari bulan iuran (${monthName(month)}): ` +
        'koreksi dicatat pada bulan yang masih terbuka untuk bulan sebelumnya yang sudah difinalisasi.',
      { field: 'adjustsMonth', month, adjustsMonth },
    );
  }

  /** §8's due is the month's splits: a month never allocated has none yet, and every payment would read as OVERPAID. */
  static notAllocated(month: string): PaymentException {
    return new PaymentException(
      PaymentErrorCode.NOT_ALLOCATED,
      `Bulan ${monthName(month)} belum dialokasikan, jadi kewajiban tiap komitmen belum ada dan status pembayarannya belum dapat dihitung. ` +
        'Alokasi dihitung otomatis tanggal 1 pukul 02.00 WIB, atau petugas keuangan dapat menjalankannya.',
      { month },
    );
  }

  static invalidPaidAt(value: string): PaymentException {
    return new PaymentException(PaymentErrorCode.INVALID_PAID_AT, `Tanggal bayar "${value}" tidak valid. Gunakan format YYYY-MM-DD.`, { paidAt: value });
  }

  /**
   * A month outside the pledge's fiscal year, a payment date still to come, a correction of a month
   * still open: every one found, each with its field. `field` is the first's, as before there were several.
   */
  static outsideTerms(problems: { field: 'month' | 'adjustsMonth' | 'paidAt'; message: string }[]): PaymentException {
    const message = problems.map((p) => p.message).join(' ');
    return new PaymentException(PaymentErrorCode.OUTSIDE_TERMS, message, {
      field: problems[0].field,
      problems: problems.map((p) => ({ field: p.field, messages: [p.message] })),
    });
  }

  /**
   * The payment `sent` is one recorded already (same pledge, month and reference; or a correction carrying the reference
   * of the payment of the month it corrects, or of another correction of it: RECORDED_ALREADY): said as a sheet row
   * repeating it is (repeatOfRecorded), so the officer hears whether the recorded one has the same amount, paid day and
   * Koreksi untuk bulan (nothing to do) or which differ and how to replace it (QA: the 409 said only "sudah tercatat").
   * Told before MONTH_CLOSED (`closed`: the month is closed, nothing of it can be removed), so a recorded payment sent
   * again is never advised to be recorded as a correction (QA: it then counted twice). `details`: the recorded payment,
   * its `id` as before, and the `differences` (none for an identical repeat); `field` `reference`, as a sheet reports
   * it on REFERENSI, so the console's form shows it beside Referensi.
   */
  static duplicate(sent: PaymentKey & PaymentFigures, recorded: RecordedPayment, closed = false): PaymentException {
    const reference = clip(sent.reference);
    return new PaymentException(PaymentErrorCode.DUPLICATE_PAYMENT, repeatOfRecorded({ ...sent, reference }, recorded, 'request', closed), {
      field: 'reference',
      pledgeCode: sent.pledgeCode,
      month: sent.month,
      reference,
      id: recorded.id,
      recorded: { id: recorded.id, month: recorded.month, amount: recorded.amount, paidAt: recorded.paidAt, adjustsMonth: recorded.adjustsMonth },
      differences: figureDifferences(sent, recorded),
    });
  }

  /**
   * A payment sheet whose every row is a payment recorded already, and of no earlier upload of the same file (else
   * it is recognised as that upload): said so, not "fix the rejected rows" (QA), naming the uploads (file, officer, time) or
   * officers that recorded them (`recordedBy`, recorded-by.ts) as the same file's recognition does. The rows' findings in `details`.
   */
  static alreadyRecorded(report: UploadReport, recordedBy = ''): PaymentException {
    return new PaymentException(
      PaymentErrorCode.ALREADY_RECORDED,
      `Semua pembayaran di berkas ini (${report.rejected}) sudah tercatat${recordedBy ? ` (${recordedBy})` : ''}, sehingga tidak ada yang disimpan.`,
      report,
    );
  }

  /**
   * A DELETE of a payment deleted already (by another officer, or the same one twice): still 404 PAYMENT_NOT_FOUND, as
   * the API promised, but naming the payment, who deleted it, when and why, and that nothing is left to do.
   */
  static alreadyDeleted(id: string, deletion: PaymentDeletion): PaymentException {
    const { pledgeCode, month, amount, reference } = deletion.payment;
    const what = [
      pledgeCode ? `Pembayaran ${pledgeCode}` : 'Pembayaran ini',
      month ? ` bulan ${monthName(month)}` : '',
      typeof amount === 'number' ? ` sebesar ${rupiah(amount)}` : '',
      reference ? ` dengan referensi "${reference}"` : '',
    ].join('');
    const why = deletion.reason ? ` (alasan: ${deletion.reason})` : '';
    return new PaymentException(
      PaymentErrorCode.PAYMENT_NOT_FOUND,
      `${what} sudah dihapus oleh ${deletion.deletedBy} pada ${wibTimestamp(deletion.deletedAt)}${why}; tidak ada yang perlu dilakukan lagi.`,
      { id, deleted: { by: deletion.deletedBy, at: deletion.deletedAt.toISOString(), reason: deletion.reason, pledgeCode, month, amount, reference } },
    );
  }

  static notFound(id: string): PaymentException {
    return new PaymentException(PaymentErrorCode.PAYMENT_NOT_FOUND, `Pembayaran "${clip(id)}" tidak ditemukan.`, { id: clip(id) });
  }
}
