import { HttpStatus } from '@nestjs/common';
import { monthInFuture } from '../common/clock/clock.js';
import { monthName } from '../common/month.js';
import { assertNever, clip, DomainException } from '../common/errors/domain.exception.js';
import type { UploadReport } from '../common/uploads/row-issue.js';

export enum BpjsInputErrorCode {
  FILE_REQUIRED = 'FILE_REQUIRED',
  NO_ACCEPTED_ROWS = 'NO_ACCEPTED_ROWS',
  MONTH_IN_FUTURE = 'MONTH_IN_FUTURE',
  BILL_NOT_FOUND = 'BILL_NOT_FOUND',
  PBI_LIST_NOT_FOUND = 'PBI_LIST_NOT_FOUND',
  ROW_REPORT_UPLOADED = 'ROW_REPORT_UPLOADED',
}

/** Errors of the BPJS bill and PBI-APBN list uploads. */
export class BpjsInputException extends DomainException<BpjsInputErrorCode> {
  get httpStatus(): number {
    switch (this.code) {
      case BpjsInputErrorCode.FILE_REQUIRED:
      case BpjsInputErrorCode.NO_ACCEPTED_ROWS:
      case BpjsInputErrorCode.MONTH_IN_FUTURE:
      case BpjsInputErrorCode.ROW_REPORT_UPLOADED:
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
      `Tidak ada baris yang dapat diterima (${report.rejected} baris ditolak), sehingga tidak ada yang disimpan. Perbaiki baris yang ditolak (alasannya di laporan baris bermasalah) lalu unggah ulang.`,
      report,
    );
  }

  /**
   * The upload is the service's row report (row-report-upload.ts), not the month's whole bill or list: refused, nothing stored.
   * `replaces`: the month's latest version it would have replaced and its lines (NIKs), null when none; `count`: what the
   * report would have left in the month's place; `empty`: the report has no row (its upload refused and warned nothing).
   */
  static rowReportUploaded(kind: 'bill' | 'pbi', month: string, replaces: { version: number; count: number } | null, count: number, empty = false): BpjsInputException {
    const [list, unit, original] = kind === 'bill' ? ['tagihan', 'baris', 'berkas tagihan asli'] : ['daftar PBI APBN', 'NIK', 'berkas daftar PBI APBN asli'];
    if (empty) {
      const kept = replaces ? `${list} ${monthName(month)} (versi ${replaces.version}, ${replaces.count} ${unit}) tetap berlaku` : `tidak ada ${list} yang diganti`;
      return new BpjsInputException(
        BpjsInputErrorCode.ROW_REPORT_UPLOADED,
        `Berkas ini adalah laporan unggahan tanpa baris (unggahannya tidak menolak apa pun), bukan ${list} lengkap: ${kept}. Bila ada yang perlu diubah, ubah di ${original}, lalu unggah seluruh berkas itu. Tidak ada yang disimpan.`,
        { month, replaces, count },
      );
    }
    const instead = count > 0 ? `dengan ${count} ${unit} saja` : 'dengan isi laporan ini';
    const effect = replaces
      ? `mengunggahnya akan mengganti ${list} ${monthName(month)} (versi ${replaces.version}, ${replaces.count} ${unit}) ${instead}`
      : 'laporan hanya memuat baris yang ditolak atau diberi peringatan';
    return new BpjsInputException(
      BpjsInputErrorCode.ROW_REPORT_UPLOADED,
      `Berkas ini adalah laporan unggahan, bukan ${list} lengkap: ${effect}. Perbaiki baris yang ditolak di ${original}, lalu unggah seluruh berkas itu. Tidak ada yang disimpan.`,
      { month, replaces, count },
    );
  }

  static billNotFound(id: string): BpjsInputException {
    return new BpjsInputException(BpjsInputErrorCode.BILL_NOT_FOUND, `Tagihan BPJS "${clip(id)}" tidak ditemukan.`, { id: clip(id) });
  }

  static pbiListNotFound(id: string): BpjsInputException {
    return new BpjsInputException(BpjsInputErrorCode.PBI_LIST_NOT_FOUND, `Daftar PBI APBN "${clip(id)}" tidak ditemukan.`, { id: clip(id) });
  }
}
