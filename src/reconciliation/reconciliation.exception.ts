import { HttpStatus } from '@nestjs/common';
import { assertNever, DomainException } from '../common/errors/domain.exception.js';

export enum ReconciliationErrorCode {
  RUN_NOT_FOUND = 'RUN_NOT_FOUND',
  RUN_IN_PROGRESS = 'RUN_IN_PROGRESS',
  RUN_FAILED = 'RUN_FAILED',
  NOT_FINALIZABLE = 'NOT_FINALIZABLE',
  NOT_LATEST_VERSION = 'NOT_LATEST_VERSION',
  SAME_PERSON = 'SAME_PERSON',
  ALREADY_FINAL = 'ALREADY_FINAL',
  INPUTS_CHANGED = 'INPUTS_CHANGED',
}

export class ReconciliationException extends DomainException<ReconciliationErrorCode> {
  get httpStatus(): number {
    switch (this.code) {
      case ReconciliationErrorCode.RUN_NOT_FOUND:
        return HttpStatus.NOT_FOUND;
      case ReconciliationErrorCode.RUN_IN_PROGRESS:
      case ReconciliationErrorCode.NOT_FINALIZABLE:
      case ReconciliationErrorCode.NOT_LATEST_VERSION:
      case ReconciliationErrorCode.ALREADY_FINAL:
      case ReconciliationErrorCode.INPUTS_CHANGED:
        return HttpStatus.CONFLICT;
      case ReconciliationErrorCode.SAME_PERSON:
        return HttpStatus.FORBIDDEN;
      case ReconciliationErrorCode.RUN_FAILED:
        return HttpStatus.INTERNAL_SERVER_ERROR;
      default:
        return assertNever(this.code);
    }
  }

  static runNotFound(id: string): ReconciliationException {
    return new ReconciliationException(ReconciliationErrorCode.RUN_NOT_FOUND, `Rekonsiliasi "${id}" tidak ditemukan.`, { id });
  }

  static inProgress(month: string): ReconciliationException {
    return new ReconciliationException(
      ReconciliationErrorCode.RUN_IN_PROGRESS,
      `Rekonsiliasi bulan ${month} sedang berjalan. Tunggu sampai selesai lalu lihat hasilnya.`,
      { month },
    );
  }

  static failed(month: string, runId: string): ReconciliationException {
    return new ReconciliationException(
      ReconciliationErrorCode.RUN_FAILED,
      `Rekonsiliasi bulan ${month} gagal dan tidak menyimpan hasil apa pun. Coba lagi; bila tetap gagal, hubungi admin.`,
      { month, runId },
    );
  }

  static notFinalizable(status: string): ReconciliationException {
    return new ReconciliationException(
      ReconciliationErrorCode.NOT_FINALIZABLE,
      `Hanya rekonsiliasi berstatus DONE yang dapat difinalisasi (status saat ini: ${status}).`,
      { status },
    );
  }

  static notLatest(month: string, latest: number): ReconciliationException {
    return new ReconciliationException(
      ReconciliationErrorCode.NOT_LATEST_VERSION,
      `Ada rekonsiliasi yang lebih baru untuk bulan ${month} (versi ${latest}). Finalisasi versi terbaru.`,
      { month, latestVersion: latest },
    );
  }

  static samePerson(): ReconciliationException {
    return new ReconciliationException(
      ReconciliationErrorCode.SAME_PERSON,
      'Rekonsiliasi harus difinalisasi oleh petugas keuangan lain, bukan yang menjalankannya (prinsip empat mata).',
    );
  }

  static alreadyFinal(month: string): ReconciliationException {
    return new ReconciliationException(ReconciliationErrorCode.ALREADY_FINAL, `Bulan ${month} sudah difinalisasi.`, { month });
  }

  static inputsChanged(month: string, what: string): ReconciliationException {
    return new ReconciliationException(
      ReconciliationErrorCode.INPUTS_CHANGED,
      `Data masukan bulan ${month} berubah sejak rekonsiliasi ini dijalankan (${what}). Jalankan rekonsiliasi ulang lalu finalisasi versi terbaru.`,
      { month, changed: what },
    );
  }
}
