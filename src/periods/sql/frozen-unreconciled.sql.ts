import type { EntityManager } from 'typeorm';
import { CLOSED_MONTHS_BY } from './frozen-allocations.sql.js';

/**
 * The months frozen by a later finalized month of their year (§9) that were never reconciled: not finalized
 * themselves, no DONE or FINAL run (so no Berita Acara), and something owed (an allocation with participants). QA, year
 * end: December 2026 finalized froze February–June, never reconciled, and nothing said so. A frozen month can still take
 * its bill, be run and be finalized (only its payments are closed, MONTH_CLOSED).
 */
export const FROZEN_UNRECONCILED = `
  SELECT f.month, f.frozen_by AS "frozenBy"
    FROM (${CLOSED_MONTHS_BY}) f
    JOIN allocation_month a ON a.month = f.month AND a.participants > 0
   WHERE f.frozen_by <> f.month
     AND NOT EXISTS (SELECT 1 FROM reconciliation_run r WHERE r.month = f.month AND r.status IN ('DONE', 'FINAL'))
   ORDER BY f.month`;

export interface FrozenUnreconciled {
  month: string;
  /** The finalized month whose finalization froze it. */
  frozenBy: string;
}

/** FROZEN_UNRECONCILED: one query, a dozen closed months a year at most. */
export function frozenUnreconciled(m: EntityManager): Promise<FrozenUnreconciled[]> {
  return m.query(FROZEN_UNRECONCILED);
}
