import { HttpStatus } from '@nestjs/common';
import { assertNever, clip, DomainException } from '../common/errors/domain.exception.js';

export enum RegisterErrorCode {
  UPLOAD_NOT_FOUND = 'UPLOAD_NOT_FOUND',
  PARTICIPANT_NOT_FOUND = 'PARTICIPANT_NOT_FOUND',
  FILE_REQUIRED = 'FILE_REQUIRED',
  REPORT_NOT_READY = 'REPORT_NOT_READY',
}

export class RegisterException extends DomainException<RegisterErrorCode> {
  get httpStatus(): number {
    switch (this.code) {
      case RegisterErrorCode.UPLOAD_NOT_FOUND:
      case RegisterErrorCode.PARTICIPANT_NOT_FOUND:
        return HttpStatus.NOT_FOUND;
      case RegisterErrorCode.FILE_REQUIRED:
        return HttpStatus.BAD_REQUEST;
      case RegisterErrorCode.REPORT_NOT_READY:
        return HttpStatus.CONFLICT;
      default:
        return assertNever(this.code);
    }
  }

  static uploadNotFound(id: string): RegisterException {
    return new RegisterException(RegisterErrorCode.UPLOAD_NOT_FOUND, `Unggahan "${clip(id)}" tidak ditemukan.`, { id: clip(id) });
  }

  static participantNotFound(nik: string): RegisterException {
    return new RegisterException(RegisterErrorCode.PARTICIPANT_NOT_FOUND, `Peserta dengan NIK ${nik} tidak terdaftar.`, { nik });
  }

  static fileRequired(): RegisterException {
    return new RegisterException(RegisterErrorCode.FILE_REQUIRED, 'Lampirkan berkas .xlsx atau .csv pada kolom "file".');
  }

  static reportNotReady(id: string): RegisterException {
    return new RegisterException(RegisterErrorCode.REPORT_NOT_READY, `Unggahan "${id}" masih diproses; laporan tersedia setelah selesai.`);
  }
}
