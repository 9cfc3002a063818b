/** Hand-written queries of pledge revisions. */
import { monthFrozen } from '../../periods/sql/frozen-allocations.sql.js';

/**
 * What a pledge funded in months that are never allocated again ($1 pledge code): finalized months
 * and the earlier months of their year (frozen), and which months.
 */
export const USED_IN_FROZEN_MONTHS = `
  SELECT coalesce(sum(f.amount), 0)::text AS used, string_agg(f.month, ', ' ORDER BY f.month) AS months
  FROM allocation_funded f
  WHERE f.pledge_code = $1 AND f.amount > 0 AND ${monthFrozen('f.month')}`;

/**
 * The terms of a pledge at one revision, as columns named like `pledge`'s (view `pledge_terms` over
 * `pledge_revision.data`, migration 1767700000000). Reads of splits join it at the split's revision,
 * `p.code = s.pledge_code AND p.revision = s.pledge_revision`: a closed month keeps describing its
 * splits by the terms they were allocated under, whatever the pledge became since.
 */
export const TERMS_OF_SPLIT = (split = 's', terms = 'p') =>
  `pledge_terms ${terms} ON ${terms}.code = ${split}.pledge_code AND ${terms}.revision = ${split}.pledge_revision`;

/**
 * Other pledges ($3: the pledge's own code, left out) of fiscal year $1 and source type $2 paying in some of the months
 * $4..$5: for APBD and APBD_PROV any (one regency, one province), for DESA those of the same fund ($6) over one of the
 * same villages ($7, dotted as stored); not a withdrawn one, which pays nothing. A second one is most often the first entered again (QA: a sheet saved a second
 * province pledge, and the projection counted money that does not exist).
 */
export const SAME_FUNDING = `
  SELECT code, from_month, to_month
    FROM pledge
   WHERE fiscal_year = $1 AND source_type = $2 AND code <> $3 AND from_month <= $5 AND to_month >= $4 AND withdrawn_at IS NULL
     AND ($2 IN ('APBD', 'APBD_PROV') OR ($2 = 'DESA' AND fund IS NOT DISTINCT FROM $6 AND village_codes && $7::text[]))
   ORDER BY code COLLATE "C"`;

/**
 * The standing pledges of fiscal year $1 other than $2 paying in some of the months $3..$4 that may shadow it or be
 * shadowed by it (priorityShadowWarnings in pledge-warnings.ts): those taking the whole premium of everyone (scope ALL,
 * 100 %, no quota), or any when $5 (the pledge itself takes the whole premium). In allocation order (§6).
 */
export const PLEDGES_THAT_MAY_SHADOW = `
  SELECT code, fiscal_year AS "fiscalYear", scope, from_month AS "fromMonth", to_month AS "toMonth", share_percent AS "sharePercent",
         quota, budget::text AS budget, priority
    FROM pledge
   WHERE fiscal_year = $1 AND code <> $2 AND from_month <= $4 AND to_month >= $3 AND withdrawn_at IS NULL
     AND ((scope = 'ALL' AND share_percent = 100 AND quota IS NULL) OR $5::boolean)
   ORDER BY priority, code COLLATE "C"`;

/** The payments recorded for the months $1 (`YYYY-MM`), summed per pledge and month (§8's paid), by pledge code and month. */
export const PAID_IN_MONTHS = `
  SELECT pledge_code, month, sum(amount)::text AS paid
    FROM payment
   WHERE month = ANY($1::text[])
   GROUP BY pledge_code, month
   ORDER BY pledge_code COLLATE "C", month`;

/**
 * The source type, fund and fiscal year of every revision of the pledges $1 (text[] codes; view pledge_terms), for §5 by
 * revision: earlier-revision-warnings.ts, and the statements and year recap (ReportQueries.revisionTerms).
 */
export const TERMS_OF_REVISIONS = `
  SELECT code, revision, source_type, fund, fiscal_year FROM pledge_terms
  WHERE code = ANY($1::text[]) ORDER BY code COLLATE "C", revision`;

/**
 * The months the pledges $1 (text[] codes) funded under a revision whose source type, fund or fiscal year is not the
 * pledge's as it stands, each month and revision once, with that revision's terms: §5 of the months paid under an
 * earlier revision (earlier-revision-warnings.ts), for a whole list of pledges in one query. Only such revisions' splits
 * are read (IDX_split_pledge_month), and most pledges have none: a revision the Dana Desa rule warns, of a pledge it no
 * longer warns, always is one.
 */
export const MONTHS_OF_OTHER_FUNDING_REVISIONS = `
  SELECT t.code, s.month, t.revision, t.source_type, t.fund, t.fiscal_year
    FROM pledge p
    JOIN pledge_terms t ON t.code = p.code AND (t.source_type, t.fund, t.fiscal_year) IS DISTINCT FROM (p.source_type, p.fund, p.fiscal_year)
    JOIN LATERAL (SELECT DISTINCT month FROM split WHERE pledge_code = t.code AND pledge_revision = t.revision) s ON true
   WHERE p.code = ANY($1::text[])
   ORDER BY t.code COLLATE "C", s.month, t.revision`;
