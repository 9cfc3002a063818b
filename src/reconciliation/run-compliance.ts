/**
 * The §5 compliance warnings (the Dana Desa rule) of the pledges whose splits a run used, read with the run
 * (GET /reconciliations, /reconciliations/:id) beside what it was told when it ran (QA: the run's `warnings` were
 * empty for months a Dana Desa pledge paid, while its workbook's Ringkasan carried the warning). The same rule as
 * every other output (pledge-warnings.ts pledgeWarnings), by the terms of each revision the run's splits were allocated
 * under (`inputs.pledges`, revisionFrom–revisionTo), each warning once; a run stored before those were kept reads the
 * pledges it funded by their current terms. Not stored: the workbook's Ringkasan lists them apart from what was heard.
 */
import type { DataSource } from 'typeorm';
import { type PledgeWarning, warningsOfTerms } from '../funding/domain/pledge-warnings.js';
import type { RunInputs, RunSummary } from './reconciliation.types.js';

type TermsRow = { code: string; source_type: string; fund: string | null; fiscal_year: number };

/** The terms of the pledges $1 (codes) at revisions $2..$3 (per code), oldest first. */
const TERMS_AT_REVISIONS = `
  SELECT t.code, t.source_type, t.fund, t.fiscal_year
    FROM pledge_terms t
    JOIN unnest($1::text[], $2::int[], $3::int[]) AS u(code, low, high) ON u.code = t.code AND t.revision BETWEEN u.low AND u.high
   ORDER BY t.code COLLATE "C", t.revision`;

/** The pledges $1 (codes) as they stand. */
const CURRENT_TERMS = `SELECT code, source_type, fund, fiscal_year FROM pledge WHERE code = ANY($1::text[]) ORDER BY code COLLATE "C"`;

export async function runComplianceWarnings(dataSource: DataSource, run: { inputs: unknown; summary: RunSummary | null }): Promise<PledgeWarning[]> {
  const used = (run.inputs as Partial<RunInputs> | null)?.pledges;
  let rows: TermsRow[];
  if (used) {
    const pledges = Object.entries(used).filter(([, p]) => p.amount > 0);
    if (!pledges.length) return [];
    rows = await dataSource.query(TERMS_AT_REVISIONS, [pledges.map(([code]) => code), pledges.map(([, p]) => p.revisionFrom), pledges.map(([, p]) => p.revisionTo)]);
  } else {
    const codes = (run.summary?.funded ?? []).filter((f) => f.amount > 0).map((f) => f.pledgeCode);
    if (!codes.length) return [];
    rows = await dataSource.query(CURRENT_TERMS, [codes]);
  }
  const codes = [...new Set(rows.map((r) => r.code))];
  return warningsOfTerms(codes, rows, (r) => r.code);
}
