import { HttpStatus } from '@nestjs/common';
import { assertNever, clip, DomainException } from '../common/errors/domain.exception.js';
import { label, RUN_STATUS_LABELS } from './format/labels.js';

export enum ReportsErrorCode {
  RUN_NOT_FOUND = 'RUN_NOT_FOUND',
  RUN_NOT_READY = 'RUN_NOT_READY',
  INVALID_PERIOD = 'INVALID_PERIOD',
  OUTSIDE_FISCAL_YEAR = 'OUTSIDE_FISCAL_YEAR',
}

/**
 * Errors of the workbooks and statements (Indonesian messages for the person downloading). An
 * unknown village, an unknown pledge and a month never allocated are answered by the exceptions of
 * their modules (RegionsException, FundingException), so each reads the same on every route.
 */
export class ReportsException extends DomainException<ReportsErrorCode> {
  get httpStatus(): number {
    switch (this.code) {
      case ReportsErrorCode.RUN_NOT_FOUND:
        return HttpStatus.NOT_FOUND;
      case ReportsErrorCode.RUN_NOT_READY:
        return HttpStatus.CONFLICT;
      case ReportsErrorCode.INVALID_PERIOD:
      case ReportsErrorCode.OUTSIDE_FISCAL_YEAR:
        return HttpStatus.BAD_REQUEST;
      default:
        return assertNever(this.code);
    }
  }

  static runNotFound(id: string): ReportsException {
    return new ReportsException(ReportsErrorCode.RUN_NOT_FOUND, `Rekonsiliasi "${clip(id)}" tidak ditemukan.`, { id: clip(id) });
  }

  static runNotReady(id: string, status: string): ReportsException {
    return new ReportsException(
      ReportsErrorCode.RUN_NOT_READY,
      `Rekonsiliasi berstatus ${label(RUN_STATUS_LABELS, status)}: buku kerja hanya tersedia untuk rekonsiliasi berstatus Selesai (draf) atau Final.`,
      { id, status },
    );
  }

  static invalidPeriod(): ReportsException {
    return new ReportsException(
      ReportsErrorCode.INVALID_PERIOD,
      'Isi tepat satu: month (bulan, format YYYY-MM) atau year (tahun anggaran, YYYY), dan quarter (triwulan 1–4) hanya bersama year. Keduanya kosong atau keduanya diisi tidak dapat diproses.',
    );
  }

  /** The recap's year in the path is not a fiscal year 2000–2099 (`GET /reports/year/:year.xlsx`). */
  static invalidYear(value: string): ReportsException {
    return new ReportsException(ReportsErrorCode.INVALID_PERIOD, `Tahun "${clip(value)}" tidak dapat diproses: isi tahun anggaran empat angka, 2000–2099, misalnya 2026.`, {
      field: 'year',
      value: clip(value),
    });
  }

  /** A pledge statement for a period of another year: every figure would be 0 and its remaining budget the whole budget. */
  static outsideFiscalYear(code: string, fiscalYear: number, period: string): ReportsException {
    return new ReportsException(
      ReportsErrorCode.OUTSIDE_FISCAL_YEAR,
      `Komitmen ${clip(code)} berlaku untuk tahun anggaran ${fiscalYear}, sedangkan periode yang diminta ${period}. Pilih bulan atau tahun ${fiscalYear}.`,
      { code: clip(code), fiscalYear },
    );
  }
}
