/**
 * The SQL behind the workbooks and statements. Every query is set-based and reads one month or
 * one fiscal year; the long lists (participant-months, findings) are read a page at a time by
 * keyset (never OFFSET, never all rows at once).
 */
import { TERMS_OF_SPLIT } from '../../funding/sql/pledges.sql.js';

/**
 * The pledges that paid a participant-month, each with its rupiah ("PROV-2026 Rp15.120, APBD-2026
 * Rp22.680"), in allocation order (§6: priority, then code in code-point order), as Rincian Peserta
 * and the village statement's Peserta both list them (QA: one said "PROV-2026, APBD-2026", the
 * other "APBD-2026, PROV-2026"; and two companies' TJSLP summed in one column said which paid what
 * nowhere in the signed sheet). Reads split `s` joined to its terms `p` (TERMS_OF_SPLIT): the
 * priority the month was allocated by, not a later one.
 */
export const PLEDGES_THAT_PAID = `string_agg(s.pledge_code || ' Rp' || replace(to_char(s.amount, 'FM999,999,999,999,990'), ',', '.'), ', ' ORDER BY p.priority, s.pledge_code COLLATE "C")`;

/** One reconciliation run with its stored summary (API.md shape). $1 run id. */
export const RUN = `
  SELECT id, month, version, status, summary, started_by, finished_at, finalized_by, finalized_at, inputs
  FROM reconciliation_run WHERE id = $1`;

/**
 * Pledges of fiscal year $1 in allocation order (§6: priority, then code in code-point order) as
 * they stood at $2 (a finalized run's finalized_at), so that a finalized month's
 * workbook does not take in pledges created or revised after it was closed: a pledge created by
 * then and not revised since, as the table holds it; one revised since, as its latest revision
 * recorded by then (its terms from pledge_terms, over the snapshots PledgesService writes). $1 year,
 * $2 timestamptz.
 */
export const PLEDGES_OF_YEAR_AS_OF = `
  SELECT * FROM (
    SELECT code, source_type, fund, funder, fiscal_year, from_month, to_month, scope, village_codes,
           share_percent, quota, budget, priority, legal_basis, revision, withdrawn_at IS NOT NULL AS withdrawn
    FROM pledge p
    WHERE fiscal_year = $1 AND created_at <= $2
      AND NOT EXISTS (SELECT 1 FROM pledge_revision x WHERE x.code = p.code AND x.changed_at > $2)
    UNION ALL
    (SELECT DISTINCT ON (r.code)
           t.code, t.source_type, t.fund, t.funder, t.fiscal_year, t.from_month, t.to_month, t.scope, t.village_codes,
           t.share_percent, t.quota, t.budget, t.priority, t.legal_basis, t.revision,
           coalesce((r.data->>'withdrawn')::boolean, false) AS withdrawn
    FROM pledge p
    JOIN pledge_revision r ON r.code = p.code AND r.changed_at <= $2
    JOIN pledge_terms t ON t.code = r.code AND t.revision = r.revision
    WHERE p.fiscal_year = $1 AND p.created_at <= $2
      AND EXISTS (SELECT 1 FROM pledge_revision x WHERE x.code = p.code AND x.changed_at > $2)
    ORDER BY r.code, r.revision DESC)
  ) pledges
  ORDER BY priority, code COLLATE "C"`;

/**
 * Pledges of fiscal year $1 in allocation order, each at the revision the jsonb (code → revision) `revisions` names, any
 * other as it stands; withdrawn as it stands now (a run not finalized: a withdrawn pledge is named so).
 */
const pledgesOfYearAt = (revisions: string) => `
  SELECT t.code, t.source_type, t.fund, t.funder, t.fiscal_year, t.from_month, t.to_month, t.scope, t.village_codes,
         t.share_percent, t.quota, t.budget, t.priority, t.legal_basis, t.revision, p.withdrawn_at IS NOT NULL AS withdrawn
  FROM pledge p
  JOIN pledge_terms t ON t.code = p.code AND t.revision = coalesce((${revisions}->>p.code)::int, p.revision)
  WHERE p.fiscal_year = $1
  ORDER BY t.priority, t.code COLLATE "C"`;

/**
 * Each pledge the month's allocation considered at the revision it used (`allocation_month.pledge_revisions`,
 * view pledge_terms), any other as it stands: a run's workbook before it is finalized, whose splits were
 * allocated under those terms (QA: a frozen month's run listed today's priority, scope and quota beside
 * "Revisi 1"). $1 year, $2 month.
 */
export const PLEDGES_OF_YEAR_AS_ALLOCATED = pledgesOfYearAt('(SELECT a.pledge_revisions FROM allocation_month a WHERE a.month = $2)');

/** Each pledge at the revision $2 names (the revisions a run's figures were allocated under, RunInputs.pledges). $1 year, $2 jsonb. */
export const PLEDGES_OF_YEAR_AT_REVISIONS = pledgesOfYearAt('$2::jsonb');

/** One pledge by code, with when and by whom it was withdrawn (null while it stands). $1 code. */
export const PLEDGE = `
  SELECT code, source_type, fund, funder, fiscal_year, from_month, to_month, scope, village_codes,
         share_percent, quota, budget, priority, legal_basis, revision, withdrawn_at IS NOT NULL AS withdrawn, withdrawn_at, withdrawn_by
  FROM pledge WHERE code = $1`;

/**
 * The recorded revisions (who/when/why, DOMAIN §5) of some pledges, without their snapshots: what
 * the workbooks cite as "Revisi 3 — 2026-11-20: <reason>". $1 text[] codes.
 */
export const PLEDGE_REVISIONS = `
  SELECT code, revision, reason, changed_at FROM pledge_revision
  WHERE code = ANY($1::text[]) ORDER BY code COLLATE "C", revision`;

/**
 * The tariff in force in each month (§3: rows valid on the first day of the month): the LOCAL
 * total (the obligation), its BANTUAN_DAERAH part and the CENTRAL part. $1 text[] of months.
 */
export const TARIFF_BY_MONTH = `
  SELECT m.month,
         coalesce(sum(t.amount) FILTER (WHERE t.payer = 'LOCAL'), 0)::bigint AS local,
         coalesce(sum(t.amount) FILTER (WHERE t.payer = 'LOCAL' AND t.component = 'BANTUAN_DAERAH'), 0)::bigint AS bantuan_daerah,
         coalesce(sum(t.amount) FILTER (WHERE t.payer = 'CENTRAL'), 0)::bigint AS central
  FROM unnest($1::text[]) AS m(month)
  LEFT JOIN tariff t ON t.valid_from <= (m.month || '-01')::date
                    AND (t.valid_to IS NULL OR t.valid_to >= (m.month || '-01')::date)
  GROUP BY m.month ORDER BY m.month`;

/**
 * Splits per pledge and month over a range of months (year to date), with the lowest and highest
 * pledge revision they were allocated under (one allocation writes a whole month with the pledge's
 * revision of the time, so the two are equal unless something else wrote splits). $1 from month,
 * $2 to month.
 */
export const SPLITS_BY_PLEDGE_MONTH = `
  SELECT pledge_code, month, count(*)::int AS participants, sum(amount)::bigint AS amount,
         min(pledge_revision)::int AS min_revision, max(pledge_revision)::int AS max_revision
  FROM split WHERE month BETWEEN $1 AND $2
  GROUP BY pledge_code, month`;

/** Payments per pledge and month over a range of months. $1 from month, $2 to month, $3 recorded by then (timestamptz) or null for all. */
export const PAYMENTS_BY_PLEDGE_MONTH = `
  SELECT pledge_code, month, adjusts_month, sum(amount)::bigint AS amount, count(*)::int AS payments
  FROM payment WHERE month BETWEEN $1 AND $2 AND ($3::timestamptz IS NULL OR created_at <= $3)
  GROUP BY pledge_code, month, adjusts_month`;

/**
 * Corrections recorded in any month for some months (adjusts_month in the range) of some pledges:
 * the months they correct say so. $1 from, $2 to, $3 text[] pledge codes.
 */
export const CORRECTIONS_OF_MONTHS = `
  SELECT pledge_code, month, amount, paid_at::text AS paid_at, reference, adjusts_month
  FROM payment
  WHERE adjusts_month BETWEEN $1 AND $2 AND pledge_code = ANY($3::text[])
  ORDER BY adjusts_month, month, paid_at, pledge_code COLLATE "C", reference COLLATE "C", id`;

/** Payments of some months, optionally of some pledges only. $1 from, $2 to, $3 text[] pledge codes or null. */
export const PAYMENTS_LIST = `
  SELECT pledge_code, month, amount, paid_at::text AS paid_at, reference, adjusts_month
  FROM payment
  WHERE month BETWEEN $1 AND $2 AND ($3::text[] IS NULL OR pledge_code = ANY($3::text[]))
  ORDER BY month, paid_at, pledge_code COLLATE "C", reference COLLATE "C", id`;

/** Total obligation and count of a month as the tables hold it now (compared with the run's snapshot). $1 month. */
export const OBLIGATION_TOTALS = `
  SELECT count(*)::int AS participants, coalesce(sum(amount), 0)::bigint AS amount FROM obligation WHERE month = $1`;

/**
 * Per village (the obligation's village, as of the month): participants owed, obligation, those
 * with any funding (GET /splits/summary?groupBy=village's \`participants\`), the amount each source
 * type paid, and those with any remainder (partly funded included) and the remainder. $1 month.
 */
export const BY_VILLAGE = `
  WITH paid AS (
    SELECT s.nik,
           sum(s.amount) FILTER (WHERE p.source_type = 'APBD') AS apbd,
           sum(s.amount) FILTER (WHERE p.source_type = 'APBD_PROV') AS apbd_prov,
           sum(s.amount) FILTER (WHERE p.source_type = 'DESA') AS desa,
           sum(s.amount) FILTER (WHERE p.source_type = 'TJSLP') AS tjslp
    FROM split s JOIN ${TERMS_OF_SPLIT()}
    WHERE s.month = $1 GROUP BY s.nik)
  SELECT o.village_code, count(*)::int AS participants, sum(o.amount)::bigint AS obligation,
         count(*) FILTER (WHERE o.unfunded < o.amount)::int AS funded_participants,
         coalesce(sum(paid.apbd), 0)::bigint AS apbd, coalesce(sum(paid.apbd_prov), 0)::bigint AS apbd_prov,
         coalesce(sum(paid.desa), 0)::bigint AS desa, coalesce(sum(paid.tjslp), 0)::bigint AS tjslp,
         count(*) FILTER (WHERE o.unfunded > 0)::int AS unfunded_participants, sum(o.unfunded)::bigint AS unfunded
  FROM obligation o LEFT JOIN paid ON paid.nik = o.nik
  WHERE o.month = $1
  GROUP BY o.village_code ORDER BY o.village_code`;

/**
 * One page of participant-months of a month (keyset on NIK) with the amount each source type
 * paid and the pledges that paid. The splits and participants of the page are read as the same
 * NIK range (index range scans on PK_split and PK_participant), never a scan of the whole month.
 * NOKA and name are as they were at $4 (when the run finished): a change made later gives back
 * the `old` value of the first later change of that field (participant_change), so a FINAL
 * workbook stays what was signed while the register moves on.
 * $1 month, $2 last NIK of the previous page ('' at the start), $3 page size, $4 as-of timestamp.
 */
export const PARTICIPANT_MONTHS_PAGE = `
  WITH page AS (
    SELECT nik, amount, unfunded, tmt, village_code FROM obligation
    WHERE month = $1 AND nik > $2 ORDER BY nik LIMIT $3),
  bounds AS (SELECT max(nik) AS last FROM page),
  paid AS (
    SELECT s.nik,
           sum(s.amount) FILTER (WHERE p.source_type = 'APBD') AS apbd,
           sum(s.amount) FILTER (WHERE p.source_type = 'APBD_PROV') AS apbd_prov,
           sum(s.amount) FILTER (WHERE p.source_type = 'DESA') AS desa,
           sum(s.amount) FILTER (WHERE p.source_type = 'TJSLP') AS tjslp,
           ${PLEDGES_THAT_PAID} AS pledges
    FROM split s JOIN ${TERMS_OF_SPLIT()}
    WHERE s.month = $1 AND s.nik > $2 AND s.nik <= (SELECT last FROM bounds)
    GROUP BY s.nik),
  people AS (
    SELECT nik, noka, name FROM participant
    WHERE nik > $2 AND nik <= (SELECT last FROM bounds)),
  later AS (
    SELECT c.nik,
           bool_or(c.changes ? 'noka') AS noka_changed,
           (array_agg(c.changes -> 'noka' ->> 'old' ORDER BY c.id) FILTER (WHERE c.changes ? 'noka'))[1] AS noka,
           bool_or(c.changes ? 'name') AS name_changed,
           (array_agg(c.changes -> 'name' ->> 'old' ORDER BY c.id) FILTER (WHERE c.changes ? 'name'))[1] AS name
    FROM participant_change c
    WHERE c.changed_at > $4 AND c.nik > $2 AND c.nik <= (SELECT last FROM bounds)
    GROUP BY c.nik)
  SELECT page.nik,
         CASE WHEN later.noka_changed THEN later.noka ELSE people.noka END AS noka,
         CASE WHEN later.name_changed THEN later.name ELSE people.name END AS name,
         page.village_code, page.tmt::text AS tmt, page.amount, page.unfunded,
         coalesce(paid.apbd, 0)::bigint AS apbd, coalesce(paid.apbd_prov, 0)::bigint AS apbd_prov,
         coalesce(paid.desa, 0)::bigint AS desa, coalesce(paid.tjslp, 0)::bigint AS tjslp, paid.pledges
  FROM page
  LEFT JOIN people ON people.nik = page.nik
  LEFT JOIN later ON later.nik = page.nik
  LEFT JOIN paid ON paid.nik = page.nik
  ORDER BY page.nik`;

/** One page of a run's findings (keyset on seq). $1 run id, $2 last seq, $3 page size. */
export const FINDINGS_PAGE = `
  SELECT seq, category, nik, noka, register_noka, name, row_number, billed_amount, expected_amount, action
  FROM finding WHERE run_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`;
