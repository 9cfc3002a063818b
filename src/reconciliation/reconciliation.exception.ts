import { HttpStatus } from '@nestjs/common';
import { monthInFuture, monthInWib, wibTimestamp } from '../common/clock/clock.js';
import { assertNever, clip, DomainException } from '../common/errors/domain.exception.js';
import { dayName, firstDay, monthName } from '../common/month.js';
import { label, RUN_STATUS_LABELS } from '../reports/format/labels.js';

export enum ReconciliationErrorCode {
  RUN_NOT_FOUND = 'RUN_NOT_FOUND',
  RUN_IN_PROGRESS = 'RUN_IN_PROGRESS',
  FINALIZE_IN_PROGRESS = 'FINALIZE_IN_PROGRESS',
  RUN_FAILED = 'RUN_FAILED',
  NOT_FINALIZABLE = 'NOT_FINALIZABLE',
  NOT_LATEST_VERSION = 'NOT_LATEST_VERSION',
  SAME_PERSON = 'SAME_PERSON',
  ALREADY_FINAL = 'ALREADY_FINAL',
  INPUTS_CHANGED = 'INPUTS_CHANGED',
  MONTH_IN_FUTURE = 'MONTH_IN_FUTURE',
  MONTH_NOT_STARTED = 'MONTH_NOT_STARTED',
  BILL_MISSING = 'BILL_MISSING',
}

export class ReconciliationException extends DomainException<ReconciliationErrorCode> {
  get httpStatus(): number {
    switch (this.code) {
      case ReconciliationErrorCode.RUN_NOT_FOUND:
        return HttpStatus.NOT_FOUND;
      case ReconciliationErrorCode.RUN_IN_PROGRESS:
      case ReconciliationErrorCode.FINALIZE_IN_PROGRESS:
      case ReconciliationErrorCode.NOT_FINALIZABLE:
      case ReconciliationErrorCode.NOT_LATEST_VERSION:
      case ReconciliationErrorCode.ALREADY_FINAL:
      case ReconciliationErrorCode.INPUTS_CHANGED:
      case ReconciliationErrorCode.MONTH_NOT_STARTED:
      case ReconciliationErrorCode.BILL_MISSING:
        return HttpStatus.CONFLICT;
      case ReconciliationErrorCode.MONTH_IN_FUTURE:
        return HttpStatus.BAD_REQUEST;
      case ReconciliationErrorCode.SAME_PERSON:
        return HttpStatus.FORBIDDEN;
      case ReconciliationErrorCode.RUN_FAILED:
        return HttpStatus.INTERNAL_SERVER_ERROR;
      default:
        return assertNever(this.code);
    }
  }

  static runNotFound(id: string): ReconciliationException {
    return new ReconciliationException(ReconciliationErrorCode.RUN_NOT_FOUND, `Rekonsiliasi "${clip(id)}" tidak ditemukan.`, { id: clip(id) });
  }

  /** A run of a month past next month (WIB): its bill cannot exist yet (bills stop there too), so the month is a typo. */
  static assertRunnable(month: string, now: Date): void {
    const refusal = monthInFuture(month, now, 'rekonsiliasi');
    if (refusal) throw new ReconciliationException(ReconciliationErrorCode.MONTH_IN_FUTURE, refusal.message, refusal.details);
  }

  /** Finalizing closes the month for good (and freezes the months before it): not before the month has begun (WIB). */
  static assertStarted(month: string, now: Date): void {
    if (month <= monthInWib(now)) return;
    // freezing is within a fiscal year: January has no earlier month to close with it (QA: the message said so all the same)
    const closes = month.endsWith('-01') ? 'menutup bulan itu untuk selamanya' : 'menutup bulan itu dan bulan-bulan sebelumnya pada tahun yang sama untuk selamanya';
    throw new ReconciliationException(
      ReconciliationErrorCode.MONTH_NOT_STARTED,
      `Bulan ${monthName(month)} belum berjalan, sehingga belum dapat difinalisasi (finalisasi ${closes}). Finalisasi paling cepat pada ${dayName(firstDay(month))}.`,
      { month },
    );
  }

  /**
   * A run without a bill has nothing to agree with BPJS: its Berita Acara would be signed with every
   * figure at nol rupiah and, once final, the month's bill could never be uploaded (QA).
   */
  static billMissing(month: string, billNow: boolean): ReconciliationException {
    const next = billNow
      ? `Tagihan bulan ${monthName(month)} sudah diunggah sesudahnya: jalankan ulang rekonsiliasi, lalu finalisasi versi terbaru.`
      : `Unggah tagihan bulan ${monthName(month)}, jalankan ulang rekonsiliasi, lalu finalisasi versi terbaru.`;
    return new ReconciliationException(
      ReconciliationErrorCode.BILL_MISSING,
      `Rekonsiliasi bulan ${monthName(month)} dijalankan tanpa tagihan BPJS Kesehatan, sehingga tidak dapat difinalisasi: setelah difinalisasi, tagihan bulan itu tidak dapat diunggah lagi. ${next}`,
      { month, billNow },
    );
  }

  static inProgress(month: string): ReconciliationException {
    return new ReconciliationException(
      ReconciliationErrorCode.RUN_IN_PROGRESS,
      `Rekonsiliasi bulan ${monthName(month)} sedang berjalan. Tunggu sampai selesai lalu lihat hasilnya.`,
      { month },
    );
  }

  /** Another finalize of the month held it longer than a finalize waits (run-lock.ts FINALIZE_WAIT_MS): no run is going on. */
  static finalizeInProgress(month: string): ReconciliationException {
    return new ReconciliationException(
      ReconciliationErrorCode.FINALIZE_IN_PROGRESS,
      `Finalisasi bulan ${monthName(month)} sedang diproses oleh permintaan lain. Tunggu sebentar lalu lihat status rekonsiliasinya.`,
      { month },
    );
  }

  static failed(month: string, runId: string): ReconciliationException {
    return new ReconciliationException(
      ReconciliationErrorCode.RUN_FAILED,
      `Rekonsiliasi bulan ${monthName(month)} gagal dan tidak menyimpan hasil apa pun. Coba lagi; bila tetap gagal, hubungi admin.`,
      { month, runId },
    );
  }

  static notFinalizable(status: string): ReconciliationException {
    return new ReconciliationException(
      ReconciliationErrorCode.NOT_FINALIZABLE,
      `Hanya rekonsiliasi berstatus Selesai (draf) yang dapat difinalisasi (status saat ini: ${label(RUN_STATUS_LABELS, status)}).`,
      { status },
    );
  }

  static notLatest(month: string, latest: number): ReconciliationException {
    return new ReconciliationException(
      ReconciliationErrorCode.NOT_LATEST_VERSION,
      `Ada rekonsiliasi yang lebih baru untuk bulan ${monthName(month)} (versi ${latest}). Finalisasi versi terbaru.`,
      { month, latestVersion: latest },
    );
  }

  static samePerson(): ReconciliationException {
    return new ReconciliationException(
      ReconciliationErrorCode.SAME_PERSON,
      'Rekonsiliasi harus difinalisasi oleh petugas keuangan lain, bukan yang menjalankannya (prinsip empat mata).',
    );
  }

  /**
   * A finalize of a month finalized already (the second of two at once, or a stale page): who finalized it, when and by
   * which run version (`closed`, the month's closed_month row), and that nothing is left to do (QA: only "sudah difinalisasi").
   */
  static alreadyFinal(month: string, closed?: { closedBy: string; closedAt: Date; version: number | null }): ReconciliationException {
    if (!closed) return new ReconciliationException(ReconciliationErrorCode.ALREADY_FINAL, `Bulan ${monthName(month)} sudah difinalisasi.`, { month });
    const version = closed.version === null ? '' : ` (rekonsiliasi versi ${closed.version})`;
    return new ReconciliationException(
      ReconciliationErrorCode.ALREADY_FINAL,
      `Bulan ${monthName(month)} sudah difinalisasi oleh ${closed.closedBy} pada ${wibTimestamp(closed.closedAt)}${version}; tidak ada yang perlu dilakukan lagi.`,
      { month, finalizedBy: closed.closedBy, finalizedAt: closed.closedAt.toISOString(), version: closed.version },
    );
  }

  /** `changes`: everything that changed (run-inputs.ts changedSince), as the DONE run's workbook lists it. */
  static inputsChanged(month: string, changes: string[]): ReconciliationException {
    const what = changes.join('; ');
    return new ReconciliationException(
      ReconciliationErrorCode.INPUTS_CHANGED,
      `Data masukan bulan ${monthName(month)} berubah sejak rekonsiliasi ini dijalankan (${what}). Jalankan rekonsiliasi ulang lalu finalisasi versi terbaru.`,
      { month, changed: what, changes },
    );
  }
}
