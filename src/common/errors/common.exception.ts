import { HttpStatus } from '@nestjs/common';
import { assertNever, clip, DomainException } from './domain.exception.js';

/** Errors any module may raise: missing records, closed months, conflicting writes. */
export enum CommonErrorCode {
  NOT_FOUND = 'NOT_FOUND',
  INVALID_INPUT = 'INVALID_INPUT',
  CONFLICT = 'CONFLICT',
  MONTH_CLOSED = 'MONTH_CLOSED',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
}

export class CommonException extends DomainException<CommonErrorCode> {
  get httpStatus(): number {
    switch (this.code) {
      case CommonErrorCode.NOT_FOUND:
        return HttpStatus.NOT_FOUND;
      case CommonErrorCode.INVALID_INPUT:
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

  static monthClosed(month: string): CommonException {
    return new CommonException(
      CommonErrorCode.MONTH_CLOSED,
      `Bulan ${month} sudah difinalisasi dan tidak dapat diubah. Catat koreksi sebagai penyesuaian pada bulan yang masih terbuka.`,
      { month },
    );
  }
}
