import { HttpStatus } from '@nestjs/common';
import { monthInFuture } from '../common/clock/clock.js';
import { assertNever, clip, DomainException } from '../common/errors/domain.exception.js';
import type { UploadReport } from './uploads/row-issue.js';

export enum BpjsInputErrorCode {
  FILE_REQUIRED = 'FILE_REQUIRED',
  NO_ACCEPTED_ROWS = 'NO_ACCEPTED_ROWS',
  MONTH_IN_FUTURE = 'MONTH_IN_FUTURE',
  BILL_NOT_FOUND = 'BILL_NOT_FOUND',
  PBI_LIST_NOT_FOUND = 'PBI_LIST_NOT_FOUND',
}

/** Errors of the BPJS bill and PBI-APBN list uploads. */
export class BpjsInputException extends DomainException<BpjsInputErrorCode> {
  get httpStatus(): number {
    switch (this.code) {
      case BpjsInputErrorCode.FILE_REQUIRED:
      case BpjsInputErrorCode.NO_ACCEPTED_ROWS:
      case BpjsInputErrorCode.MONTH_IN_FUTURE:
        return HttpStatus.BAD_REQUEST;
      case BpjsInputErrorCode.BILL_NOT_FOUND:
      case BpjsInputErrorCode.PBI_LIST_NOT_FOUND:
        return HttpStatus.NOT_FOUND;
      default:
        return assertNever(this.code);
    }
  }

  /**
   * Refuses a bill or PBI-APBN list `month` past the month after `now` (WIB): BPJS bills a month at
   * its start at the earliest, so a later one is a typo (2099-12 for 2026-12).
   */
  static assertNotInFuture(month: string, now: Date): void {
    const refusal = monthInFuture(month, now, 'tagihan dan daftar PBI APBN');
    if (refusal) throw new BpjsInputException(BpjsInputErrorCode.MONTH_IN_FUTURE, refusal.message, refusal.details);
  }

  static fileRequired(): BpjsInputException {
    return new BpjsInputException(BpjsInputErrorCode.FILE_REQUIRED, 'Berkas wajib diunggah pada kolom "file" (.xlsx atau .csv).');
  }

  static noAcceptedRows(report: UploadReport): BpjsInputException {
    return new BpjsInputException(
      BpjsInputErrorCode.NO_ACCEPTED_ROWS,
      `Tidak ada baris yang dapat diterima (${report.rejected} baris ditolak), sehingga tidak ada yang disimpan. Perbaiki baris yang ditolak lalu unggah ulang.`,
      report,
    );
  }

  static billNotFound(id: string): BpjsInputException {
    return new BpjsInputException(BpjsInputErrorCode.BILL_NOT_FOUND, `Tagihan BPJS "${clip(id)}" tidak ditemukan.`, { id: clip(id) });
  }

  static pbiListNotFound(id: string): BpjsInputException {
    return new BpjsInputException(BpjsInputErrorCode.PBI_LIST_NOT_FOUND, `Daftar PBI APBN "${clip(id)}" tidak ditemukan.`, { id: clip(id) });
  }
}
