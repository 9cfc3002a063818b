/**
 * A user deactivated while an upload of theirs is still processing in the background (an enrollment sheet larger than
 * `uploadBackgroundBytes`): the upload finishes under their name, and the admin is told so in the PATCH answer (QA:
 * nothing said). Read from the register's `enrollment_upload`, the one kind of upload processed after its request.
 */
import type { EntityManager } from 'typeorm';
import { wibTimestamp } from '../common/clock/clock.js';

export interface ProcessingUpload {
  id: string;
  /** `ENROLLMENT`: an enrollment (kepesertaan) sheet, POST /enrollment-uploads. */
  kind: 'ENROLLMENT';
  filename: string;
  startedAt: Date;
}

/** A warning of PATCH /users/:id; `uploads`: the uploads it names. */
export interface UserWarning {
  code: 'UPLOADS_STILL_PROCESSING';
  message: string;
  uploads: ProcessingUpload[];
}

const KIND_LABELS: Record<ProcessingUpload['kind'], string> = { ENROLLMENT: 'lembar kepesertaan' };

/** $1 username. The oldest first. */
export const PROCESSING_UPLOADS_OF = `
  SELECT id, filename, uploaded_at AS "startedAt" FROM enrollment_upload
  WHERE uploaded_by = $1 AND status = 'PROCESSING'
  ORDER BY uploaded_at, id`;

/** The uploads of `username` still processing. */
export async function processingUploadsOf(m: EntityManager, username: string): Promise<ProcessingUpload[]> {
  const rows: { id: string; filename: string; startedAt: Date }[] = await m.query(PROCESSING_UPLOADS_OF, [username]);
  return rows.map((r) => ({ id: r.id, kind: 'ENROLLMENT', filename: r.filename, startedAt: new Date(r.startedAt) }));
}

/** UPLOADS_STILL_PROCESSING of a user just deactivated, none when no upload of theirs is processing. */
export function processingUploadsWarnings(username: string, uploads: readonly ProcessingUpload[]): UserWarning[] {
  if (!uploads.length) return [];
  const listed = uploads.map((u) => `${KIND_LABELS[u.kind]} ${u.filename} (mulai ${wibTimestamp(u.startedAt)})`).join('; ');
  const one = uploads.length === 1;
  return [
    {
      code: 'UPLOADS_STILL_PROCESSING',
      message:
        `${username} dinonaktifkan, tetapi ${one ? 'unggahannya' : `${uploads.length} unggahannya`} masih diproses: ${listed}. ` +
        `Unggahan itu tetap diselesaikan dan dicatat atas nama ${username}; periksa hasilnya di riwayat unggahan setelah selesai.`,
      uploads: [...uploads],
    },
  ];
}
