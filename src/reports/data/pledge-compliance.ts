/**
 * The compliance warnings of a pledge as workbooks show them: the funding module's §5 rule (Dana
 * Desa may not pay PBI premiums since 2024), computed from the pledge row, so every workbook that
 * uses such a pledge carries the same message as the API; and, for the months it funded, by the
 * revision each was allocated under (a fund corrected later does not unsay the months paid before).
 */
import { earlierRevisionsWarnings, fundingName, pledgeWarnings, type RevisionUse } from '../../funding/domain/pledge-warnings.js';
import { monthsSaid } from '../../common/month.js';
import type { PledgeRow, RevisionRange, RevisionTerms } from './report-queries.js';

export interface PledgeFundFacts {
  code: string;
  sourceType: string;
  fund: string | null;
  fiscalYear: number;
}

export function pledgeComplianceWarnings(pledge: PledgeFundFacts): string[] {
  return pledgeWarnings(pledge).map((w) => w.message);
}

/**
 * Each month of pledge `code` with the revisions its splits carry (the lowest and the highest of a month's range, as
 * the revision lines say them) at those revisions' terms; a revision without recorded terms is left out.
 */
export function revisionUses(code: string, months: Iterable<readonly [string, RevisionRange]>, terms: RevisionTerms): RevisionUse[] {
  const of = terms.get(code);
  const uses: RevisionUse[] = [];
  for (const [month, range] of months) {
    for (const revision of new Set([range.min, range.max])) {
      const t = of?.get(revision);
      if (t) uses.push({ month, revision, terms: t });
    }
  }
  return uses;
}

/** A pledge's warnings on a workbook: its own as it stands, then those of the months `uses` funded under an earlier revision that broke §5. */
export function warningsAsAllocated(p: PledgeRow, uses: readonly RevisionUse[]): string[] {
  return [...p.warnings, ...earlierRevisionsWarnings(p, uses).map((w) => w.message)];
}

/**
 * "Januari–Maret 2026 (revisi 1): APBDes (Dana Desa); April 2026 (revisi 2): APBDes (Alokasi Dana Desa)": the source
 * each revision used by `uses` had, when one of them is not the pledge's as it stands (`p`); null when all are.
 */
export function fundsAsAllocated(p: PledgeFundFacts, uses: readonly RevisionUse[]): string | null {
  const current = fundingName(p);
  if (uses.every((u) => fundingName(u.terms) === current)) return null;
  const byRevision = new Map<number, RevisionUse[]>();
  for (const u of uses) byRevision.set(u.revision, [...(byRevision.get(u.revision) ?? []), u]);
  return [...byRevision]
    .sort(([a], [b]) => a - b)
    .map(([revision, of]) => `${monthsSaid(of.map((u) => u.month))} (revisi ${revision}): ${fundingName(of[0].terms)}`)
    .join('; ');
}
