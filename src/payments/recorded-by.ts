/**
 * Who recorded payments a sheet repeats, in the words the same file's recognition uses ("unggahan pembayaran.csv oleh
 * keuangan2 pada 15 November 2026 10.00 WIB"): ALREADY_RECORDED of another file with the same payments names them (QA:
 * two officers uploading the same rows as two files at once, the second was told only "sudah tercatat").
 */
import type { EntityManager } from 'typeorm';
import { wibTimestamp } from '../common/clock/clock.js';

/** An upload as its recognition names it. */
export function uploadLabel(upload: { filename: string; uploadedBy: string; uploadedAt: Date | string }): string {
  return `unggahan ${upload.filename} oleh ${upload.uploadedBy} pada ${wibTimestamp(new Date(upload.uploadedAt))}`;
}

/** The sheets (or officers, for payments recorded one by one) of the payments `ids`, the latest first; at most LISTED. */
const RECORDED_BY = `
  SELECT u.filename, COALESCE(u.uploaded_by, p.created_by) AS "uploadedBy", max(COALESCE(u.uploaded_at, p.created_at)) AS "uploadedAt", count(*)::int AS payments
  FROM payment p LEFT JOIN payment_upload u ON u.id = p.upload_id
  WHERE p.id = ANY($1::uuid[])
  GROUP BY p.upload_id, u.filename, u.uploaded_by, p.created_by
  ORDER BY 3 DESC, 1
  LIMIT 4`;
const LISTED = 3;

/**
 * "unggahan a.csv oleh keuangan2 pada …", or for several sources each with its count ("2 pembayaran: unggahan …; 1
 * pembayaran: dicatat satu per satu oleh … pada …"); empty when none is found.
 */
export async function recordedBy(m: EntityManager, ids: readonly string[]): Promise<string> {
  if (!ids.length) return '';
  const rows: { filename: string | null; uploadedBy: string; uploadedAt: Date; payments: number }[] = await m.query(RECORDED_BY, [[...new Set(ids)]]);
  const label = (r: (typeof rows)[number]) => (r.filename ? uploadLabel({ ...r, filename: r.filename }) : `dicatat satu per satu oleh ${r.uploadedBy}, terakhir pada ${wibTimestamp(new Date(r.uploadedAt))}`);
  if (rows.length === 1) return label(rows[0]);
  const listed = rows.slice(0, LISTED).map((r) => `${r.payments} pembayaran: ${label(r)}`);
  return rows.length > LISTED ? `${listed.join('; ')}; dan lainnya` : listed.join('; ');
}
