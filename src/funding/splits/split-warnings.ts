/**
 * The §5 compliance warnings (the Dana Desa rule) per row of a split summary by source type or by village, as the
 * summary by pledge gives them on each pledge's row (QA: by source type the DESA row carried none). A row's warnings
 * are those of the pledges whose splits it sums, by the terms of the revisions those splits were allocated under, each
 * once, in code order.
 *
 * Read in two steps so that a month or range with no such pledge (the usual case) costs one small read: the pledges
 * funded in the months (allocation_funded, a row per pledge and month) whose terms at any revision are warned; then,
 * only for those, their splits' revisions and villages (IDX_split_pledge_month).
 */
import type { DataSource } from 'typeorm';
import { pledgeWarnings, type PledgeWarning, termsOf, warningsOfTerms } from '../domain/pledge-warnings.js';
import { TERMS_OF_SPLIT } from '../sql/pledges.sql.js';

type Terms = { code: string; source_type: string; fund: string | null; fiscal_year: number };

/** Every revision's terms of the pledges that funded something in the months $1..$2. */
const TERMS_OF_FUNDED = `
  SELECT DISTINCT p.code, p.source_type, p.fund, p.fiscal_year
    FROM allocation_funded f JOIN pledge_terms p ON p.code = f.pledge_code
   WHERE f.month BETWEEN $1 AND $2 AND f.amount > 0`;

/** The source type, village and terms of the splits of the pledges $3 in the months $1..$2, each combination once. */
const GROUPS_OF_PLEDGES = `
  SELECT DISTINCT s.pledge_code AS code, p.source_type, p.fund, p.fiscal_year, o.village_code
    FROM split s
    JOIN ${TERMS_OF_SPLIT()}
    JOIN obligation o ON o.month = s.month AND o.nik = s.nik
   WHERE s.month BETWEEN $1 AND $2 AND s.pledge_code = ANY($3::text[])`;


/** Row key (a source type, or a village code as stored) → its warnings, for the months `from`..`to` (one month: both the same). */
export async function groupWarnings(dataSource: DataSource, from: string, to: string, groupBy: 'sourceType' | 'village'): Promise<Map<string, PledgeWarning[]>> {
  const funded: Terms[] = await dataSource.query(TERMS_OF_FUNDED, [from, to]);
  const warned = [...new Set(funded.filter((r) => pledgeWarnings({ code: r.code, ...termsOf(r) }).length > 0).map((r) => r.code))];
  const byKey = new Map<string, PledgeWarning[]>();
  if (!warned.length) return byKey;
  const rows: (Terms & { village_code: string })[] = await dataSource.query(GROUPS_OF_PLEDGES, [from, to, warned]);
  const keyOf = (r: Terms & { village_code: string }) => (groupBy === 'sourceType' ? r.source_type : r.village_code);
  for (const key of new Set(rows.map(keyOf))) {
    const inRow = rows.filter((r) => keyOf(r) === key);
    const codes = [...new Set(inRow.map((r) => r.code))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const warnings = warningsOfTerms(codes, inRow, (r) => r.code);
    if (warnings.length) byKey.set(key, warnings);
  }
  return byKey;
}
