/**
 * The §5 warning of the months a pledge funded under an earlier revision that broke the Dana Desa rule, once its terms
 * as they stand no longer do (QA: after DANA_DESA was corrected to ADD, GET /pledges/:code said `warnings: []` and the
 * Komitmen page nothing of the months already paid from Dana Desa), added to each pledge's own warnings. One query for
 * any number of pledges (GET /pledges's list, a pledge, a revision's answer), reading splits only of the revisions whose
 * funding differs from the pledge's as it stands (MONTHS_OF_OTHER_FUNDING_REVISIONS).
 */
import type { EntityManager } from 'typeorm';
import { earlierRevisionsWarnings, pledgeWarnings, type PledgeWarning, type RevisionUse, termsOf, type TermsRow } from '../domain/pledge-warnings.js';
import { MONTHS_OF_OTHER_FUNDING_REVISIONS } from '../sql/pledges.sql.js';

interface PledgeWithWarnings {
  code: string;
  sourceType: string;
  fund: string | null;
  fiscalYear: number;
  warnings: PledgeWarning[];
}

/** `pledges` (stored, read on `m`), each with the earlier revisions' warning after its own warnings, in their order. */
export async function withEarlierRevisionWarnings<P extends PledgeWithWarnings>(m: EntityManager, pledges: readonly P[]): Promise<P[]> {
  // a pledge warned as it stands is told the rule of the whole pledge (earlierRevisionsWarnings says nothing more)
  const codes = pledges.filter((p) => !pledgeWarnings(p).length).map((p) => p.code);
  if (!codes.length) return [...pledges];
  const rows: (TermsRow & { code: string; month: string; revision: number | string })[] = await m.query(MONTHS_OF_OTHER_FUNDING_REVISIONS, [codes]);
  const uses = new Map<string, RevisionUse[]>();
  for (const r of rows) {
    let of = uses.get(r.code);
    if (!of) uses.set(r.code, (of = []));
    of.push({ month: r.month, revision: Number(r.revision), terms: termsOf(r) });
  }
  return pledges.map((p) => {
    const earlier = earlierRevisionsWarnings(p, uses.get(p.code) ?? []);
    return earlier.length ? { ...p, warnings: [...p.warnings, ...earlier] } : p;
  });
}
