import type { EntityManager } from 'typeorm';
import { CLOSED_MONTHS_BY } from './frozen-allocations.sql.js';

/**
 * The months frozen by a later finalized month of their year (§9) without a finalized reconciliation of their own: not
 * finalized themselves (so no signed Berita Acara), and something owed (an allocation with participants), with the
 * latest DONE version of their reconciliation, the draft, when there is one. QA, year end: December 2026 finalized
 * froze February–June, never reconciled, and nothing said so; then November froze August–October, reconciled as
 * drafts only, and they were left out (an unsigned draft counted as reconciled). A frozen month can still take its
 * bill, be run and be finalized (only its payments are closed, MONTH_CLOSED).
 */
export const FROZEN_UNRECONCILED = `
  SELECT f.month, f.frozen_by AS "frozenBy",
         (SELECT max(r.version) FROM reconciliation_run r WHERE r.month = f.month AND r.status = 'DONE') AS "draftVersion"
    FROM (${CLOSED_MONTHS_BY}) f
    JOIN allocation_month a ON a.month = f.month AND a.participants > 0
   WHERE f.frozen_by <> f.month
   ORDER BY f.month`;

export interface FrozenUnreconciled {
  month: string;
  /** The finalized month whose finalization froze it. */
  frozenBy: string;
  /** The latest DONE (draft, not finalized) reconciliation version of the month; null when it was never reconciled. */
  draftVersion: number | null;
}

/** FROZEN_UNRECONCILED: one query, a dozen closed months a year at most. */
export async function frozenUnreconciled(m: EntityManager): Promise<FrozenUnreconciled[]> {
  const rows: { month: string; frozenBy: string; draftVersion: number | string | null }[] = await m.query(FROZEN_UNRECONCILED);
  return rows.map((r) => ({ month: r.month, frozenBy: r.frozenBy, draftVersion: r.draftVersion === null ? null : Number(r.draftVersion) }));
}
