/**
 * Why an enrollment upload ended FAILED, as its row keeps it: the message (`error`), a stable code
 * (`errorCode`) and, for a refusal, its details. A background upload's refusal used to keep the
 * message only, while the same file sent small enough to be read within the request answered e.g.
 * 413 INFLATES_TOO_LARGE with `details.part` (QA): programs read the code, not the Indonesian text.
 */
import { DomainException } from '../common/errors/domain.exception.js';
import { systemFailureMessage } from '../common/errors/system-failure.js';

export interface UploadFailure {
  message: string;
  /** A refusal's own code (the one the HTTP answer carries), else one of UPLOAD_FAILURE_CODES. */
  code: string;
  details: Record<string, unknown> | null;
}

/** The codes of failures that are not refusals of the file. */
export const UPLOAD_FAILURE_CODES = {
  /** Two active participants would have had the same NOKA (UQ_participant_active_noka). */
  noka: 'ACTIVE_NOKA_CONFLICT',
  /** Writing to the register failed otherwise; nothing was changed. */
  write: 'REGISTER_WRITE_FAILED',
  /** The service stopped while the upload was processed. */
  interrupted: 'PROCESSING_INTERRUPTED',
} as const;

export const INTERRUPTED: UploadFailure = {
  message: 'Pemrosesan terhenti karena layanan dimulai ulang. Unggah ulang berkas.',
  code: UPLOAD_FAILURE_CODES.interrupted,
  details: null,
};

/**
 * `now`: when it failed, said in an unexpected error's message for the admin to find it in the server log, where the
 * caller logs the error itself (its text, usually the database's English, is not shown).
 */
export function uploadFailure(err: unknown, now: Date): UploadFailure {
  if (err instanceof DomainException) {
    const details = err.details && typeof err.details === 'object' && !Array.isArray(err.details) ? (err.details as Record<string, unknown>) : null;
    return { message: err.message, code: err.code, details };
  }
  const e = err as { constraint?: string };
  if (e.constraint === 'UQ_participant_active_noka') {
    return {
      message: 'Penyimpanan dibatalkan: dua peserta aktif akan memiliki NOKA yang sama. Periksa kolom NOKA lalu unggah ulang. Daftar peserta tidak berubah.',
      code: UPLOAD_FAILURE_CODES.noka,
      details: null,
    };
  }
  return {
    message: systemFailureMessage('Penyimpanan', 'data peserta tidak berubah', 'Unggah ulang', now),
    code: UPLOAD_FAILURE_CODES.write,
    details: null,
  };
}
