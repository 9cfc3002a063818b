import { HttpStatus } from '@nestjs/common';
import { assertNever, clip, DomainException } from '../common/errors/domain.exception.js';

export enum RegionsErrorCode {
  VILLAGE_NOT_FOUND = 'VILLAGE_NOT_FOUND',
}

/** Errors of the village master data (Kepmendagri 300.2.2-2138/2025), for any route that filters by village. */
export class RegionsException extends DomainException<RegionsErrorCode> {
  get httpStatus(): number {
    switch (this.code) {
      case RegionsErrorCode.VILLAGE_NOT_FOUND:
        return HttpStatus.NOT_FOUND;
      default:
        return assertNever(this.code);
    }
  }

  /**
   * A filter naming a village the regency does not have: answered as such, not as an empty list
   * that reads as "nobody there" (QA: a typo in the code looked like a village without funding).
   */
  static villageNotFound(code: string): RegionsException {
    return new RegionsException(
      RegionsErrorCode.VILLAGE_NOT_FOUND,
      `Desa/kelurahan dengan kode "${clip(code)}" tidak ada di Kabupaten Bengkulu Utara. Periksa kembali kodenya (daftar desa/kelurahan dan kodenya ada di konsol).`,
      { code: clip(code) },
    );
  }
}
