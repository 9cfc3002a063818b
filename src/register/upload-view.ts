import type { SheetWarning } from '../common/spreadsheet/hidden-rows.js';
import type { EnrollmentUpload } from './entities/enrollment-upload.entity.js';

/** The API shape of an upload (API.md "Register"), plus its details. */
export interface UploadView {
  id: string;
  status: EnrollmentUpload['status'];
  rowsRead: number;
  accepted: number;
  rejected: number;
  warnings: number;
  /** Warnings about the file as a whole, not one row: the rows Excel hid, read all the same (HIDDEN_ROWS, hidden-rows.ts). */
  sheetWarnings: SheetWarning[];
  /** 0..1; 1 once done. */
  progress: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Participants whose ended coverage was brought back by an empty TAT (REINSTATED), and of them those recorded dead (MENINGGAL). */
  reinstated: number;
  reinstatedDeaths: number;
  /** Accepted rows warned with a change of what is owed in allocated or closed months (COVERAGE_CHANGED, CLOSED_MONTH_UNCHANGED). */
  owedChanged: number;
  filename: string;
  checksum: string;
  sizeBytes: number;
  error: string | null;
  /** A FAILED upload's stable code (the one the same file read within the request answers), and the refusal's details. */
  errorCode: string | null;
  errorDetails: Record<string, unknown> | null;
  uploadedBy: string;
  uploadedAt: Date;
  finishedAt: Date | null;
  /** True when this response is an earlier upload of the same content (nothing was changed). */
  recognised?: boolean;
}

export function toUploadView(u: EnrollmentUpload, recognised = false): UploadView {
  return {
    id: u.id,
    status: u.status,
    rowsRead: u.rowsRead,
    accepted: u.accepted,
    rejected: u.rejected,
    warnings: u.warnings,
    sheetWarnings: u.sheetWarnings ?? [],
    progress: u.status === 'DONE' ? 1 : Math.round(u.progress * 1000) / 1000,
    created: u.created,
    updated: u.updated,
    unchanged: u.unchanged,
    reinstated: u.reinstated,
    reinstatedDeaths: u.reinstatedDeaths,
    owedChanged: u.owedChanged,
    filename: u.filename,
    checksum: u.checksum,
    sizeBytes: Number(u.sizeBytes),
    error: u.error,
    errorCode: u.errorCode,
    errorDetails: u.errorDetails,
    uploadedBy: u.uploadedBy,
    uploadedAt: u.uploadedAt,
    finishedAt: u.finishedAt,
    ...(recognised && { recognised }),
  };
}
