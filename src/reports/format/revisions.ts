/**
 * Which pledge revision a month was allocated under, as the workbooks say it (QA: after an APBD-P
 * revision July showed one pagu and August another with nothing saying why). Every split keeps the
 * revision of its pledge at allocation; pledge_revision keeps who/when/why of each.
 */
import type { PledgeRevisions, RevisionRange } from '../data/report-queries.js';
import { revisionLabel, type RevisionFacts } from './labels.js';

/** A revision's recorded facts; just its number when none are recorded (data loaded without them). */
export function revisionFacts(revisions: PledgeRevisions, code: string, revision: number): RevisionFacts {
  return revisions.get(code)?.get(revision) ?? { revision, reason: null, changedAt: null };
}

/** True when a month's splits of one pledge carry more than one revision (one allocation never writes that). */
export const mixedRevisions = (range: RevisionRange): boolean => range.min !== range.max;

/** "Revisi 3"; "Revisi 2 s.d. 3" for a month whose splits carry several. */
export function revisionNumbers(range: RevisionRange): string {
  return mixedRevisions(range) ? `Revisi ${range.min} s.d. ${range.max}` : `Revisi ${range.max}`;
}

/**
 * "Revisi 3 — 2026-11-20: APBD-P 2026: pengurangan pagu"; for splits under several revisions,
 * that it is so and what to do.
 */
export function usedRevisionText(revisions: PledgeRevisions, code: string, range: RevisionRange): string {
  if (!mixedRevisions(range)) return revisionLabel(revisionFacts(revisions, code, range.max));
  return `${revisionNumbers(range)}: alokasi bulan ini memakai lebih dari satu revisi komitmen (seharusnya satu); alokasikan ulang bulan ini. Terakhir: ${revisionLabel(revisionFacts(revisions, code, range.max))}`;
}

/**
 * The revision cell of a pledge for a month: the revision its splits were allocated under, and the
 * revision whose terms (pagu) the sheet shows when that is another one or the month has no splits.
 */
export function monthRevisionText(revisions: PledgeRevisions, code: string, used: RevisionRange | undefined, shown: number | undefined): string | null {
  if (!used) return shown === undefined ? null : `Tidak ada alokasi bulan ini; pagu dari ${revisionLabel(revisionFacts(revisions, code, shown))}`;
  const text = usedRevisionText(revisions, code, used);
  return shown === undefined || mixedRevisions(used) || shown === used.max ? text : `${text} (pagu di sheet ini dari Revisi ${shown})`;
}
