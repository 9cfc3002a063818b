import type { EntityManager } from 'typeorm';
import { monthFrozen } from './frozen-allocations.sql.js';

/**
 * The months finalizing `$1` would freeze (§9, frozen-allocations.sql.ts): the earlier months of its fiscal year that
 * are not closed yet (neither finalized nor frozen) and owe something (an allocation with participants, as
 * FROZEN_UNRECONCILED lists them afterwards). Each with the latest DONE version of its reconciliation, the draft (null:
 * never reconciled), and what each funder still owes of it by its own payments (splits − payments recorded for the month
 * that correct no other month; a pledge owing nothing is left out), as text (bigint). QA: finalizing November closed
 * August–October, only reconciled as drafts, October Rp18.445.300 unpaid, and the answer said nothing.
 */
export const MONTHS_FROZEN_BY_FINALIZE = `
  WITH months AS (
    SELECT a.month FROM allocation_month a
     WHERE a.month < $1 AND left(a.month, 4) = left($1, 4) AND a.participants > 0 AND NOT ${monthFrozen('a.month')}
  ), due AS (
    SELECT s.month, s.pledge_code, sum(s.amount) AS due FROM split s JOIN months USING (month) GROUP BY s.month, s.pledge_code
  ), paid AS (
    SELECT p.month, p.pledge_code, sum(p.amount) AS paid FROM payment p JOIN months USING (month)
     WHERE p.adjusts_month IS NULL GROUP BY p.month, p.pledge_code
  )
  SELECT k.month,
         (SELECT max(r.version) FROM reconciliation_run r WHERE r.month = k.month AND r.status = 'DONE') AS "draftVersion",
         coalesce((SELECT json_agg(json_build_object('pledgeCode', d.pledge_code, 'funder', pl.funder, 'owed', (d.due - coalesce(pd.paid, 0))::text)
                                   ORDER BY d.pledge_code COLLATE "C")
                     FROM due d
                     JOIN pledge pl ON pl.code = d.pledge_code
                     LEFT JOIN paid pd ON pd.month = d.month AND pd.pledge_code = d.pledge_code
                    WHERE d.month = k.month AND d.due > coalesce(pd.paid, 0)), '[]'::json) AS funders
    FROM months k
   ORDER BY k.month`;

export interface OwedByFunder {
  pledgeCode: string;
  funder: string;
  /** Rupiah still owed of the month by the pledge's own payments. */
  owed: number;
}

export interface MonthToFreeze {
  month: string;
  /** The latest DONE (draft) reconciliation version of the month; null when it was never reconciled. */
  draftVersion: number | null;
  /** What the month's funders still owe, summed over `funders`. */
  owed: number;
  funders: OwedByFunder[];
}

/** MONTHS_FROZEN_BY_FINALIZE for `month`: at most eleven months, one query. */
export async function monthsFrozenByFinalize(m: EntityManager, month: string): Promise<MonthToFreeze[]> {
  const rows: { month: string; draftVersion: number | string | null; funders: { pledgeCode: string; funder: string; owed: string }[] | string }[] = await m.query(MONTHS_FROZEN_BY_FINALIZE, [month]);
  return rows.map((r) => {
    const list = (typeof r.funders === 'string' ? JSON.parse(r.funders) : r.funders) as { pledgeCode: string; funder: string; owed: string }[];
    const funders = list.map((f) => ({ pledgeCode: f.pledgeCode, funder: f.funder, owed: Number(f.owed) }));
    return { month: r.month, draftVersion: r.draftVersion === null ? null : Number(r.draftVersion), owed: funders.reduce((a, f) => a + f.owed, 0), funders };
  });
}
