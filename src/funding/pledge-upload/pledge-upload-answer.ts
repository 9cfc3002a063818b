/**
 * What a pledge sheet upload is asked and answers (POST /pledge-uploads): the command (file, actor, dry run), the
 * report (counts, pledges saved with their warnings, refused rows by sheet, file warnings) and its issues, and the
 * answer for a file recognised as an earlier upload whose pledges still stand (`recognised`). Stored and read
 * back by PledgeUploads; built by ImportPledgeSheet (import-pledge-sheet.use-case.ts).
 */
import { wibTimestamp } from '../../common/clock/clock.js';
import type { SheetWarning } from '../../common/spreadsheet/hidden-rows.js';
import type { PledgeWarning } from '../domain/pledge-warnings.js';
import type { PledgeUploads } from './pledge-uploads.service.js';

export interface ImportPledgeSheetCommand {
  path: string;
  filename: string;
  actor: string;
  /** Check every row and report, save nothing. */
  dryRun: boolean;
}

export interface PledgeUploadIssue {
  sheet: 'Komitmen' | 'Daftar';
  rowNumber: number;
  column: string | null;
  message: string;
}

export interface PledgeUploadReport {
  /** The stored upload (GET /pledge-uploads/:id, its row report); none for a dry run, which is not stored. */
  id?: string;
  filename: string;
  dryRun: boolean;
  rowsRead: number;
  accepted: number;
  /** Pledge rows (`Komitmen`) refused. */
  rejected: number;
  /** `Daftar` rows refused (a code no pledge row has, a bad NIK or village code, …): not counted in `rejected`. */
  listRowsRejected: number;
  pledges: { rowNumber: number; code: string; warnings: PledgeWarning[] }[];
  issues: PledgeUploadIssue[];
  /** Warnings about the file as a whole: the rows Excel hid on `Komitmen` or `Daftar`, read all the same (HIDDEN_ROWS, hidden-rows.ts). */
  sheetWarnings: SheetWarning[];
  /**
   * The same file as an earlier upload whose pledges all still stand as it saved them: the answer is that upload
   * (`id`, its counts, pledges and refused rows), nothing is stored, and `message` says so, naming it.
   */
  recognised?: true;
  message?: string;
}

/**
 * The same file as an earlier upload whose pledges all stand as it saved them: that upload's answer (its id, counts,
 * pledges and refused rows), `recognised`, and a message naming it; nothing is stored (a check says so too).
 */
export function recognised(earlier: NonNullable<Awaited<ReturnType<PledgeUploads['ofFile']>>>, dryRun: boolean): PledgeUploadReport {
  const { id, filename, uploadedBy, uploadedAt, rowsRead, accepted, rejected, listRowsRejected, pledges, issues, sheetWarnings } = earlier;
  const then = `unggahan ${filename} oleh ${uploadedBy} pada ${wibTimestamp(uploadedAt)}`;
  const message = dryRun
    ? `Berkas ini sama dengan ${then}, yang komitmennya masih tersimpan seperti diunggah; mengunggahnya tidak akan menyimpan apa pun.`
    : `Berkas ini sama dengan ${then}, yang komitmennya masih tersimpan seperti diunggah; tidak ada yang disimpan.`;
  return { id, filename, dryRun, rowsRead, accepted, rejected, listRowsRejected, pledges, issues, sheetWarnings, recognised: true, message };
}
