import { HttpStatus } from '@nestjs/common';
import { wibTimestamp } from '../common/clock/clock.js';
import { assertNever, clip, DomainException } from '../common/errors/domain.exception.js';
import { monthsSaid } from '../common/month.js';

export enum RegisterErrorCode {
  UPLOAD_NOT_FOUND = 'UPLOAD_NOT_FOUND',
  PARTICIPANT_NOT_FOUND = 'PARTICIPANT_NOT_FOUND',
  FILE_REQUIRED = 'FILE_REQUIRED',
  REPORT_NOT_READY = 'REPORT_NOT_READY',
  PARTICIPANT_VOIDED = 'PARTICIPANT_VOIDED',
  VOID_IN_CLOSED_MONTH = 'VOID_IN_CLOSED_MONTH',
  NOKA_NOT_HELD = 'NOKA_NOT_HELD',
}

export class RegisterException extends DomainException<RegisterErrorCode> {
  get httpStatus(): number {
    switch (this.code) {
      case RegisterErrorCode.UPLOAD_NOT_FOUND:
      case RegisterErrorCode.PARTICIPANT_NOT_FOUND:
      case RegisterErrorCode.PARTICIPANT_VOIDED:
        return HttpStatus.NOT_FOUND;
      case RegisterErrorCode.FILE_REQUIRED:
        return HttpStatus.BAD_REQUEST;
      case RegisterErrorCode.REPORT_NOT_READY:
      case RegisterErrorCode.VOID_IN_CLOSED_MONTH:
      case RegisterErrorCode.NOKA_NOT_HELD:
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

  /** The NIK's registration was voided (use-cases/void-registration.use-case.ts) and the NIK not registered again. */
  static participantVoided(nik: string, by: string, at: Date, reason: string): RegisterException {
    return new RegisterException(
      RegisterErrorCode.PARTICIPANT_VOIDED,
      `Pendaftaran peserta dengan NIK ${nik} dibatalkan oleh ${by} pada ${wibTimestamp(at)}: ${clip(reason, 200)}. NIK ini tidak terdaftar lagi; unggah barisnya bila ia memang peserta.`,
      { nik, voidedBy: by, voidedAt: at.toISOString(), reason },
    );
  }

  /**
   * A void of a participant whose premium a closed month (finalized, or frozen by a later finalized month) already
   * counted: those months' signed figures cannot change (§9), so the registration is ended instead.
   */
  static voidInClosedMonth(nik: string, months: string[]): RegisterException {
    return new RegisterException(
      RegisterErrorCode.VOID_IN_CLOSED_MONTH,
      `Pendaftaran NIK ${nik} tidak dapat dibatalkan: iurannya sudah dihitung pada bulan yang ditutup (${monthsSaid(months)}). ` +
        'Akhiri kepesertaannya: unggah barisnya dengan TAT sama dengan TMT dan ALASAN_BERAKHIR LAINNYA; bulan tertutup sesudah bulan TMT ' +
        'muncul sebagai koreksi pada rekonsiliasi berikutnya (lembar Koreksi Peserta Bulan Tertutup).',
      { nik, months },
    );
  }

  /** A card taken away (use-cases/clear-noka.use-case.ts) from a participant who has none recorded. */
  static nokaNotHeld(nik: string): RegisterException {
    return new RegisterException(RegisterErrorCode.NOKA_NOT_HELD, `Peserta dengan NIK ${nik} tidak mempunyai NOKA tercatat: tidak ada kartu yang dapat dihapus.`, { nik });
  }

  static fileRequired(): RegisterException {
    return new RegisterException(RegisterErrorCode.FILE_REQUIRED, 'Lampirkan berkas .xlsx atau .csv pada kolom "file".');
  }

  static reportNotReady(id: string): RegisterException {
    return new RegisterException(RegisterErrorCode.REPORT_NOT_READY, `Unggahan "${id}" masih diproses; laporan tersedia setelah selesai.`);
  }
}
