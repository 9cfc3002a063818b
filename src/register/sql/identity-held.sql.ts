/**
 * The new registrations kept out of early promotion (PROMOTE_NEW_BATCH, StagingWriter's COPY) so that promotion can warn
 * them (new-registration-warnings.sql.ts). Imports nothing of promote.sql.ts, which uses it.
 */
import { NAME_KEY } from './names.sql.js';

/**
 * A new registration `r` (columns nik, name, birth_date, noka) that new-registration-warnings.sql.ts may warn: its NIK voided
 * before, its NOKA an active participant's, or an active participant of its name and birth date; `upload` the upload id.
 * An index probe each (IDX_participant_change_nik, UQ_participant_active_noka, IDX_participant_active_birth_date).
 */
export const HELD_FOR_IDENTITY = (r: string, upload: string) => `(
      EXISTS (SELECT 1 FROM participant_change c WHERE c.nik = ${r}.nik AND c.kind = 'VOID')
      OR (${r}.noka IS NOT NULL AND EXISTS (SELECT 1 FROM participant p WHERE p.noka = ${r}.noka AND p.noka IS NOT NULL AND p.tat IS NULL AND p.nik <> ${r}.nik))
      OR EXISTS (SELECT 1 FROM participant p WHERE p.birth_date = ${r}.birth_date AND p.tat IS NULL AND p.nik <> ${r}.nik
                 AND p.created_upload_id IS DISTINCT FROM ${upload} AND ${NAME_KEY('p.name')} = ${NAME_KEY(`${r}.name`)}))`;

/**
 * The NIKs of a batch (arrays $2 NIK, $3 name, $4 birth date, $5 NOKA) that are HELD_FOR_IDENTITY: StagingWriter stages
 * them instead of copying them into the register early. $1 upload id.
 */
export const HELD_FOR_IDENTITY_NIKS = `
  SELECT r.nik FROM unnest($2::text[], $3::text[], $4::date[], $5::text[]) AS r(nik, name, birth_date, noka)
  WHERE ${HELD_FOR_IDENTITY('r', '$1::uuid')}`;
