import { FROZEN_MONTHS } from '../../periods/sql/frozen-allocations.sql.js';

/**
 * The closed months (finalized, or frozen by a later finalized month of their year: FROZEN_MONTHS) in which `$1` owed a
 * premium: the obligations those months were allocated and reconciled with. A registration counted there is not
 * voided (§9: their figures are signed).
 */
export const CLOSED_MONTHS_OWED = `
  SELECT o.month
    FROM obligation o
   WHERE o.nik = $1 AND o.month IN (SELECT f.month FROM ${FROZEN_MONTHS} f)
   ORDER BY o.month`;

/** The NIK's latest VOID, for the answer to a read of a voided NIK. */
export const LATEST_VOID = `
  SELECT changed_by AS "by", changed_at AS "at", reason
    FROM participant_change
   WHERE nik = $1 AND kind = 'VOID'
   ORDER BY id DESC
   LIMIT 1`;

/** The VOID of `$1`: what the registration held (`$2`, each field `{ old, new: null }`), who, when, why. */
export const RECORD_VOID = `
  INSERT INTO participant_change (nik, upload_id, kind, changes, changed_by, changed_at, reason)
  VALUES ($1, NULL, 'VOID', $2::jsonb, $3, $4, $5)`;
