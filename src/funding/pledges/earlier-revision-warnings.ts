/**
 * The §5 warning of the months a pledge funded under an earlier revision that broke the Dana Desa rule, once its terms
 * as they stand no longer do (QA: after DANA_DESA was corrected to ADD, GET /pledges/:code said `warnings: []` and the
 * Komitmen page nothing of the months already paid from Dana Desa). Read in two steps, so that the usual pledge costs
 * one small read: its revisions' terms; only when one of them is warned, the months its splits carry those revisions.
 */
import type { EntityManager } from 'typeorm';
import { earlierRevisionsWarnings, pledgeWarnings, type PledgeWarning, termsOf, type TermsRow } from '../domain/pledge-warnings.js';
import { MONTHS_OF_REVISIONS, TERMS_OF_REVISIONS } from '../sql/pledges.sql.js';

export async function earlierRevisionWarnings(m: EntityManager, p: { code: string; sourceType: string; fund: string | null; fiscalYear: number }): Promise<PledgeWarning[]> {
  if (pledgeWarnings(p).length) return [];
  const revisions: (TermsRow & { revision: number })[] = await m.query(TERMS_OF_REVISIONS, [[p.code]]);
  const warned = new Map(revisions.filter((r) => pledgeWarnings({ code: p.code, ...termsOf(r) }).length).map((r) => [Number(r.revision), termsOf(r)]));
  if (!warned.size) return [];
  const months: { month: string; revision: number }[] = await m.query(MONTHS_OF_REVISIONS, [p.code, [...warned.keys()]]);
  return earlierRevisionsWarnings(p, months.map((r) => ({ month: r.month, revision: Number(r.revision), terms: warned.get(Number(r.revision))! })));
}
