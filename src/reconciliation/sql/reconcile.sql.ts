/**
 * The set-based reconciliation of one month (DOMAIN §7). Read these with the spec open.
 *
 * RECONCILE_BILL, one statement:
 *   $1 run id, $2 month 'YYYY-MM', $3 bill id (NULL: no bill), $4 PBI-APBN list id (NULL: none),
 *   $5 first day of the month (date), $6 actions (jsonb: category -> Indonesian text with
 *   {noka}/{expected} placeholders), $7 categories (jsonb array, index = rank - 1).
 *
 *   billed           the bill's lines, each with its position among the lines of its NIK, lines
 *                    ordered by NOKA as text in plain code-point order (COLLATE "C": '' first), then row
 *   classified       ONE full join of the lines with the month's obligations (the covered
 *                    participant-months of §4, computed by the allocation), plus the participant:
 *                    each line, and each obligation on no line, gets its rank 1..8 = category:
 *                    1 DUPLICATE_BILLING  not the first line of its NIK
 *                    2 NOT_REGISTERED     no participant with the NIK
 *                    3 BILLED_AFTER_DEATH MENINGGAL and TAT before the first day of the month, and no
 *                                         obligation: in an open month a death before it leaves none;
 *                                         a month frozen before a finalized one (§9) keeps the obligation
 *                                         it had, and the line is judged against it, like its funders
 *                    4 NOT_COVERED        no obligation in the month
 *                    5 AMOUNT_MISMATCH    billed amount <> obligation
 *                    6 NOKA_MISMATCH      participant has a NOKA and it differs from the line's
 *                    7 MATCHED
 *                    8 NOT_BILLED         an obligation whose NIK is on no line (only when there is a bill)
 *                    `expected` is what the regency owes: the obligation for ranks 5..8, 0 for 1..4.
 *   total_mismatch   (rank 9) one row when the invoice total differs from the sum of the lines
 *                    (`bill.lines_total`, summed when the bill was stored; its lines never change)
 *   double_coverage  (rank 10) covered participants (obligation in the month) on the PBI-APBN list,
 *                    with what the bill's lines charge for them (0 when none, or no bill);
 *                    list NIKs not in the register match no obligation and are ignored
 *   inserted         every finding except MATCHED lines into `finding`, seq numbered by
 *                    (rank, file row, NIK in code-point order): a stable order for reports;
 *                    a NOKA_MISMATCH's action by its line's NOKA: none (NOKA_MISMATCH_NOT_BILLED),
 *                    not 13 digits (NOKA_MISMATCH_MALFORMED: the bill keeps such a NOKA as written),
 *                    else the billed NOKA to record
 *   final SELECT     per rank: count, payable (obligation of ranks 5..7), overbilled (billed amount
 *                    of ranks 1..4, plus billed - obligation of rank 5 where positive), underbilled
 *                    (obligations of rank 8 plus obligation - billed of rank 5 where positive), the
 *                    billed sum, and a hash-sum of the register fields the ranks read (checksum).
 */
import { TERMS_OF_SPLIT } from '../../funding/sql/pledges.sql.js';
import { monthFrozen } from '../../periods/frozen-allocations.sql.js';
export const RECONCILE_BILL = `
  WITH billed AS (
    SELECT row_number, nik, noka, name, amount,
           row_number() OVER (PARTITION BY nik ORDER BY noka COLLATE "C", row_number) AS nth
    FROM bill_line WHERE bill_id = $3::uuid
  ), classified AS MATERIALIZED (
    SELECT q.*, CASE WHEN q.rank >= 5 THEN q.obligation ELSE 0 END AS expected FROM (
      SELECT b.row_number, coalesce(b.nik, o.nik) AS nik,
             CASE WHEN b.nik IS NULL THEN p.noka ELSE b.noka END AS noka,
             CASE WHEN b.nik IS NULL THEN p.name ELSE b.name END AS name,
             p.noka AS register_noka,
             coalesce(b.amount, 0) AS billed,
             coalesce(o.amount, 0) AS obligation,
             CASE
               WHEN b.nik IS NULL THEN 8
               WHEN b.nth > 1 THEN 1
               WHEN p.nik IS NULL THEN 2
               WHEN p.end_reason = 'MENINGGAL' AND p.tat < $5::date AND o.nik IS NULL THEN 3
               WHEN o.nik IS NULL THEN 4
               WHEN b.amount <> o.amount THEN 5
               WHEN coalesce(p.noka, '') <> '' AND p.noka <> b.noka THEN 6
               ELSE 7
             END AS rank,
             CASE WHEN p.nik IS NULL OR b.nik IS NULL THEN 0
                  ELSE hashtextextended(concat_ws('|', p.nik, p.noka, p.tat, p.end_reason), 0) END AS register_hash
      FROM billed b
      FULL JOIN (SELECT nik, amount FROM obligation WHERE month = $2 AND $3::uuid IS NOT NULL) o ON o.nik = b.nik
      LEFT JOIN participant p ON p.nik = coalesce(b.nik, o.nik)
    ) q
  ), total_mismatch AS MATERIALIZED (
    SELECT invoice_total, lines_total FROM bill WHERE id = $3::uuid AND invoice_total <> lines_total
  ), double_coverage AS MATERIALIZED (
    SELECT o.nik, p.noka, p.name, o.amount, coalesce(b.billed, 0) AS billed
    FROM pbi_apbn_entry e
    JOIN obligation o ON o.month = $2 AND o.nik = e.nik
    LEFT JOIN participant p ON p.nik = o.nik
    LEFT JOIN (SELECT c.nik, sum(c.billed) AS billed FROM classified c
               WHERE c.rank < 8 AND c.nik IN (SELECT nik FROM pbi_apbn_entry WHERE list_id = $4::uuid)
               GROUP BY c.nik) b ON b.nik = o.nik
    WHERE e.list_id = $4::uuid
  ), all_findings AS (
    SELECT rank, row_number, nik, noka, register_noka, name, billed, expected FROM classified WHERE rank <> 7
    UNION ALL SELECT 9, NULL, NULL, NULL, NULL, NULL, invoice_total, lines_total FROM total_mismatch
    UNION ALL SELECT 10, NULL, nik, noka, noka, name, billed, amount FROM double_coverage
  ), inserted AS (
    INSERT INTO finding (run_id, seq, category, nik, noka, register_noka, name, row_number, billed_amount, expected_amount, action)
    SELECT $1::uuid,
           row_number() OVER (ORDER BY f.rank, f.row_number, f.nik COLLATE "C"),
           f.category, f.nik, f.noka, f.register_noka, f.name, f.row_number, f.billed, f.expected,
           replace(replace($6::jsonb ->> (CASE WHEN f.category <> 'NOKA_MISMATCH' THEN f.category
                                               WHEN coalesce(f.noka, '') = '' THEN 'NOKA_MISMATCH_NOT_BILLED'
                                               WHEN f.noka !~ '^[0-9]{13}$' THEN 'NOKA_MISMATCH_MALFORMED'
                                               ELSE f.category END),
                           '{noka}', coalesce(f.noka, '')),
                   '{expected}', 'Rp' || replace(to_char(coalesce(f.expected, 0), 'FM999,999,999,999,990'), ',', '.'))
    FROM (SELECT a.*, ($7::jsonb ->> (a.rank - 1)) AS category FROM all_findings a) f
    RETURNING 1
  )
  SELECT x.rank,
         count(*)::int AS count,
         coalesce(sum(x.payable), 0)::text AS payable,
         coalesce(sum(x.overbilled), 0)::text AS overbilled,
         coalesce(sum(x.underbilled), 0)::text AS underbilled,
         coalesce(sum(x.billed), 0)::text AS billed,
         coalesce(sum(x.register_hash::numeric), 0)::text AS register_hash,
         (SELECT count(*) FROM inserted)::int AS inserted
  FROM (
    SELECT rank, register_hash, billed,
           CASE WHEN rank BETWEEN 5 AND 7 THEN expected ELSE 0 END AS payable,
           CASE WHEN rank <= 4 THEN billed WHEN rank = 5 THEN greatest(billed - expected, 0) ELSE 0 END AS overbilled,
           CASE WHEN rank = 5 THEN greatest(expected - billed, 0) WHEN rank = 8 THEN expected ELSE 0 END AS underbilled
    FROM classified
    UNION ALL SELECT 9, 0, 0, 0, 0, 0 FROM total_mismatch
    UNION ALL SELECT 10, 0, 0, 0, 0, 0 FROM double_coverage
  ) x
  GROUP BY x.rank
  ORDER BY x.rank`;

/** The month's obligation totals, unfunded remainders (§6) and an order-independent checksum. $1 = month. */
export const OBLIGATION_TOTALS = `
  SELECT count(*)::int AS participants,
         coalesce(sum(amount), 0)::text AS obligation,
         (count(*) FILTER (WHERE unfunded > 0))::int AS "unfundedParticipants",
         coalesce(sum(unfunded), 0)::text AS "unfundedAmount",
         count(*) || ':' || coalesce(sum(hashtextextended(concat_ws('|', nik, amount, unfunded, tmt, village_code), 0)::numeric), 0) AS checksum,
         coalesce(sum(hashtextextended(nik, 0)::numeric), 0)::text AS "nikChecksum"
  FROM obligation WHERE month = $1`;

/**
 * What each pledge funds in the month: participants (= its splits), rupiah, an order-independent
 * hash-sum of its splits (for the splits checksum) and the revisions they were allocated under. $1 = month.
 */
export const FUNDED_BY_PLEDGE = `
  SELECT s.pledge_code AS "pledgeCode", p.source_type AS "sourceType",
         count(*)::int AS participants, sum(s.amount)::text AS amount,
         sum(hashtextextended(concat_ws('|', s.nik, s.pledge_code, s.pledge_revision, s.amount), 0)::numeric)::text AS hash,
         min(s.pledge_revision)::int AS "revisionFrom", max(s.pledge_revision)::int AS "revisionTo"
  FROM split s JOIN ${TERMS_OF_SPLIT()}
  WHERE s.month = $1
  GROUP BY s.pledge_code, p.source_type
  ORDER BY s.pledge_code COLLATE "C"`;

/** Order-independent checksum of the payments recorded for the month. $1 = month. */
export const PAYMENTS_CHECKSUM = `
  SELECT count(*) || ':' || coalesce(sum(hashtextextended(concat_ws('|', id, pledge_code, amount, paid_at, reference, adjusts_month), 0)::numeric), 0) AS checksum
  FROM payment WHERE month = $1`;

/** The month's bill and PBI-APBN list: the highest version of each. $1 = month. */
export const LATEST_INPUTS = `
  SELECT (SELECT json_build_object('id', id, 'version', version, 'checksum', checksum, 'invoiceTotal', invoice_total::text, 'rejected', rejected)
          FROM bill WHERE month = $1 ORDER BY version DESC LIMIT 1) AS bill,
         (SELECT json_build_object('id', id, 'version', version, 'checksum', checksum)
          FROM pbi_apbn_list WHERE month = $1 ORDER BY version DESC LIMIT 1) AS pbi`;

/** §4 coverage of the participant `p` in the month of $2 (first day) and $3 (last day). */
const COVERED = `p.tmt <= $3::date AND (p.tat IS NULL OR p.tat >= $2::date)`;
const NOT_COVERED_NOW = `NOT EXISTS (SELECT 1 FROM participant p WHERE p.nik = o.nik AND ${COVERED})`;
const COVERED_NOT_OWED = `${COVERED} AND NOT EXISTS (SELECT 1 FROM obligation o WHERE o.month = $1 AND o.nik = p.nik)`;

/**
 * A frozen month (a finalized month's earlier months of the year; §9) keeps the obligations it had when frozen, and
 * its bill is judged against them. The register may have moved on since: this compares the month's obligations with
 * the §4 coverage of the register as it is now. `ended`: owed but no longer covered (a death or end recorded after
 * the freeze), with their rupiah; `added`: covered but not owed (registered after the freeze with an earlier TMT).
 * Each with up to five NIKs. No rows when the month is not frozen.
 * $1 month 'YYYY-MM', $2 first day (date), $3 last day (date).
 */
export const FROZEN_MONTH_DRIFT = `
  SELECT (SELECT count(*) FROM obligation o WHERE o.month = $1 AND ${NOT_COVERED_NOW}) AS ended,
         (SELECT coalesce(sum(o.amount), 0) FROM obligation o WHERE o.month = $1 AND ${NOT_COVERED_NOW}) AS ended_amount,
         ARRAY(SELECT o.nik FROM obligation o WHERE o.month = $1 AND ${NOT_COVERED_NOW} ORDER BY o.nik COLLATE "C" LIMIT 5) AS ended_niks,
         (SELECT count(*) FROM participant p WHERE ${COVERED_NOT_OWED}) AS added,
         ARRAY(SELECT p.nik FROM participant p WHERE ${COVERED_NOT_OWED} ORDER BY p.nik COLLATE "C" LIMIT 5) AS added_niks
   WHERE ${monthFrozen('$1::text')}`;
