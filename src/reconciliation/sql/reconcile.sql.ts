/**
 * The set-based reconciliation of one month (DOMAIN §7). Read these with the spec open.
 *
 * RECONCILE_BILL, one statement:
 *   $1 run id, $2 month 'YYYY-MM', $3 bill id (NULL: no bill), $4 PBI-APBN list id (NULL: none),
 *   $5 first day of the month (date), $6 actions (jsonb: FINDING_ACTIONS, action key -> Indonesian
 *   text with placeholders), $7 categories (jsonb array, index = rank - 1).
 *
 *   classified       ONE full join of the bill's lines with the month's obligations (the covered
 *                    participant-months of §4, computed by the allocation), plus the participant. Each line
 *                    comes with its position among the lines of its NIK (`nth`: lines ordered by NOKA as text
 *                    in plain code-point order, COLLATE "C": '' first, then row; the NIKs sorted in "C" too,
 *                    which only groups them). Each line, and each obligation on no line, gets its rank
 *                    1..8 = category:
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
 *                    `expected` is what the regency owes: the obligation for ranks 5..8, 0 for 1..4; `owed`:
 *                    the NIK has an obligation in the month. `kept`: what the rest of the statement reads
 *                    of the row (every finding, every line of a NIK on several lines, every line of a NIK on
 *                    the PBI-APBN list).
 *   ranked           the classification read once, never stored: per rank its count and sums (the final
 *                    SELECT's) and the kept rows' columns as arrays. The statement's one pass over the bill's
 *                    lines: materializing 1,000,000 classified rows and reading them again for the findings
 *                    cost about 1 s of a 1,000,000-line run (bench:reconcile, session 49); `OFFSET 0` keeps
 *                    the classification's columns computed once per row, not once per array
 *   kept             the kept rows, from those arrays: some thousands in a month, not 1,000,000
 *   billed_again     NIKs on several lines (those with a DUPLICATE_BILLING line), one of which carries the
 *                    participant's NOKA: the first such line's row (`register_row`) and all the NIK's rows,
 *                    for the actions of the pair (below)
 *   total_mismatch   (rank 9) one row when the invoice total differs from the sum of the lines
 *                    (`bill.lines_total`, summed when the bill was stored; its lines never change)
 *   double_coverage  (rank 10) covered participants (obligation in the month) on the PBI-APBN list,
 *                    with what the bill's lines charge for them (0 when none, or no bill);
 *                    list NIKs not in the register match no obligation and are ignored
 *   central          the month's CENTRAL tariff components (§3: Rp4.200 from 2021), 0 when none
 *   all_findings     every finding but MATCHED lines, with `line_role` for a line of a NIK in billed_again
 *                    that is owed in the month: KEEP for the line with the register's NOKA when it is not the
 *                    NIK's first line (so it is DUPLICATE_BILLING), AGAIN for that first line (AMOUNT_MISMATCH
 *                    or NOKA_MISMATCH, with another NOKA or none)
 *   inserted         every finding into `finding`, seq numbered by
 *                    (rank, file row, NIK in code-point order): a stable order for reports;
 *                    its action by ACTION_KEY (the category, refined: the KEEP/AGAIN pair, an
 *                    AMOUNT_MISMATCH over by exactly `central`, over or under, a NOKA_MISMATCH by its
 *                    line's NOKA: none, restored from a numeric cell, not 13 digits, the participant's
 *                    former card (`former`, participant_change), else the billed NOKA to record; a
 *                    NOT_BILLED participant on a row of the bill refused at upload, `refused_rows`), its
 *                    placeholders filled in (ACTION_PLACEHOLDERS)
 *   final SELECT     per rank (ranked's, and a count of ranks 9 and 10): count, payable (obligation of
 *                    ranks 5..7), overbilled (billed amount of ranks 1..4, plus billed - obligation of rank 5
 *                    where positive), underbilled (obligations of rank 8 plus obligation - billed of rank 5
 *                    where positive), the billed sum, and a hash-sum of the register fields the ranks read
 *                    (checksum).
 */
import { TERMS_OF_SPLIT } from '../../funding/sql/pledges.sql.js';
import { monthFrozen } from '../../periods/sql/frozen-allocations.sql.js';
import { sqlDayName } from '../../common/month.js';

/**
 * The key of a finding's action in FINDING_ACTIONS (finding-actions.ts), over the row `f` of all_findings, the
 * month's CENTRAL components `c`, the participant's former card `former` and the bill's refused row `rr` naming the
 * NIK: the category, refined by what the run knows of the line.
 */
const ACTION_KEY = `CASE WHEN f.rank = 8 AND rr.row_number IS NOT NULL THEN 'NOT_BILLED_ROW_REFUSED'
       WHEN f.line_role = 'KEEP' THEN 'DUPLICATE_BILLING_KEEP'
       WHEN f.line_role = 'AGAIN' AND f.noka = '' THEN 'BILLED_AGAIN_NO_NOKA'
       WHEN f.line_role = 'AGAIN' THEN 'BILLED_AGAIN_OTHER_NOKA'
       WHEN f.category = 'AMOUNT_MISMATCH' THEN
         CASE WHEN c.amount > 0 AND f.billed - f.expected = c.amount THEN 'AMOUNT_MISMATCH_CENTRAL'
              WHEN f.billed > f.expected THEN 'AMOUNT_MISMATCH_OVER' ELSE 'AMOUNT_MISMATCH_UNDER' END
       WHEN f.category <> 'NOKA_MISMATCH' THEN f.category
       WHEN coalesce(f.noka, '') = '' THEN 'NOKA_MISMATCH_NOT_BILLED'
       WHEN f.noka_restored THEN 'NOKA_MISMATCH_NUMERIC_CELL'
       WHEN f.noka !~ '^[0-9]{13}$' THEN 'NOKA_MISMATCH_MALFORMED'
       WHEN former.changed_at IS NOT NULL THEN 'NOKA_MISMATCH_FORMER_CARD'
       ELSE 'NOKA_MISMATCH' END`;

/** A rupiah amount as `Rp37.800` (DOMAIN §2). */
const rupiah = (amount: string) => `'Rp' || replace(to_char(${amount}, 'FM999,999,999,999,990'), ',', '.')`;

/**
 * The placeholders of FINDING_ACTIONS and what each is of the finding `f` (finding-actions.ts says what they mean), in
 * the order they are replaced: the billed NOKA, as BPJS wrote it, last, so that nothing in it is taken for a placeholder.
 */
const ACTION_PLACEHOLDERS: ReadonlyArray<readonly [string, string]> = [
  ['registerNoka', `coalesce(f.register_noka, '')`],
  ['billed', rupiah('coalesce(f.billed, 0)')],
  ['expected', rupiah('coalesce(f.expected, 0)')],
  ['difference', rupiah('abs(coalesce(f.billed, 0) - coalesce(f.expected, 0))')],
  ['obligation', rupiah('coalesce(f.obligation, 0)')],
  ['registerRow', `coalesce(f.register_row::text, '')`],
  ['otherRows', `coalesce(f.other_rows, '')`],
  ['cardChanged', `coalesce(${sqlDayName(`(former.changed_at AT TIME ZONE 'Asia/Jakarta')::date`)}, '')`],
  ['refusedRow', `coalesce(rr.row_number::text, '')`],
  ['noka', `coalesce(f.noka, '')`],
];

/** The SQL of `template` (an action text) with every placeholder replaced. */
const filledIn = (template: string) => ACTION_PLACEHOLDERS.reduce((sql, [name, value]) => `replace(${sql}, '{${name}}', ${value})`, template);

export const RECONCILE_BILL = `
  WITH classified AS (
    SELECT q.*, CASE WHEN q.rank >= 5 THEN q.obligation ELSE 0 END AS expected,
           q.rank <> 7 OR q.several_lines OR q.on_pbi_list AS kept
    FROM (
      SELECT b.row_number, coalesce(b.nik, o.nik) AS nik,
             -- the billed NOKA: none for a participant on no line (NOT_BILLED), whose card is register_noka's alone (QA:
             -- Temuan's billed NOKA column held the register's number)
             b.noka AS noka,
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
                  ELSE hashtextextended(concat_ws('|', p.nik, p.noka, p.tat, p.end_reason), 0) END AS register_hash,
             b.noka_restored,
             o.nik IS NOT NULL AS owed,
             coalesce(b.nth > 1 OR b.followed, false) AS several_lines,
             coalesce(b.nik IN (SELECT nik FROM pbi_apbn_entry WHERE list_id = $4::uuid), false) AS on_pbi_list
      FROM (SELECT row_number, nik, noka, name, amount, noka_restored,
                   row_number() OVER w AS nth, lead(row_number) OVER w IS NOT NULL AS followed
              FROM bill_line WHERE bill_id = $3::uuid
            WINDOW w AS (PARTITION BY nik COLLATE "C" ORDER BY noka COLLATE "C", row_number)) b
      FULL JOIN (SELECT nik, amount FROM obligation WHERE month = $2 AND $3::uuid IS NOT NULL) o ON o.nik = b.nik
      LEFT JOIN participant p ON p.nik = coalesce(b.nik, o.nik)
      OFFSET 0 -- each column computed once per row, not once per array of ranked
    ) q
  ), ranked AS MATERIALIZED (
    SELECT rank, count(*)::int AS count,
           sum(CASE WHEN rank BETWEEN 5 AND 7 THEN expected ELSE 0 END) AS payable,
           sum(CASE WHEN rank <= 4 THEN billed WHEN rank = 5 THEN greatest(billed - expected, 0) ELSE 0 END) AS overbilled,
           sum(CASE WHEN rank = 5 THEN greatest(expected - billed, 0) WHEN rank = 8 THEN expected ELSE 0 END) AS underbilled,
           sum(billed) AS billed, sum(register_hash) AS register_hash,
           array_agg(row_number) FILTER (WHERE kept) AS row_numbers, array_agg(nik) FILTER (WHERE kept) AS niks,
           array_agg(noka) FILTER (WHERE kept) AS nokas, array_agg(name) FILTER (WHERE kept) AS names,
           array_agg(register_noka) FILTER (WHERE kept) AS register_nokas, array_agg(billed) FILTER (WHERE kept) AS billeds,
           array_agg(obligation) FILTER (WHERE kept) AS obligations, array_agg(expected) FILTER (WHERE kept) AS expecteds,
           array_agg(noka_restored) FILTER (WHERE kept) AS nokas_restored, array_agg(owed) FILTER (WHERE kept) AS oweds
    FROM classified
    GROUP BY rank
  ), kept AS MATERIALIZED (
    SELECT r.rank, k.*
    FROM ranked r,
         unnest(r.row_numbers, r.niks, r.nokas, r.names, r.register_nokas, r.billeds, r.obligations, r.expecteds, r.nokas_restored, r.oweds)
           AS k(row_number, nik, noka, name, register_noka, billed, obligation, expected, noka_restored, owed)
  ), billed_again AS MATERIALIZED (
    SELECT nik, min(row_number) FILTER (WHERE noka = register_noka) AS register_row,
           array_agg(row_number ORDER BY row_number) AS rows_of_nik
    FROM kept
    WHERE row_number IS NOT NULL AND register_noka <> '' AND nik IN (SELECT nik FROM kept WHERE rank = 1)
    GROUP BY nik
    HAVING bool_or(noka = register_noka)
  ), total_mismatch AS MATERIALIZED (
    SELECT invoice_total, lines_total FROM bill WHERE id = $3::uuid AND invoice_total <> lines_total
  ), double_coverage AS MATERIALIZED (
    SELECT o.nik, p.noka, p.name, o.amount, coalesce(b.billed, 0) AS billed
    FROM pbi_apbn_entry e
    JOIN obligation o ON o.month = $2 AND o.nik = e.nik
    LEFT JOIN participant p ON p.nik = o.nik
    LEFT JOIN (SELECT c.nik, sum(c.billed) AS billed FROM kept c
               WHERE c.rank < 8 AND c.nik IN (SELECT nik FROM pbi_apbn_entry WHERE list_id = $4::uuid)
               GROUP BY c.nik) b ON b.nik = o.nik
    WHERE e.list_id = $4::uuid
  ), refused_rows AS (
    -- the bill's rows refused at upload (upload_issue, keyed by the bill's id; the row's values on its first issue), by
    -- the NIK they name: a NOT_BILLED participant among them was billed on a row not matched (QA: told to confirm
    -- with BPJS that they were still active)
    SELECT i.raw ->> 'NIK' AS nik, min(i.row_number) AS row_number
      FROM upload_issue i
     WHERE i.upload_id = $3::uuid AND i.raw ? 'NIK'
       AND EXISTS (SELECT 1 FROM upload_issue r WHERE r.upload_id = i.upload_id AND r.row_number = i.row_number AND r.severity = 'REJECT')
     GROUP BY 1
  ), central AS (
    SELECT coalesce(sum(amount), 0) AS amount FROM tariff
     WHERE payer = 'CENTRAL' AND valid_from <= $5::date AND (valid_to IS NULL OR valid_to >= $5::date)
  ), all_findings AS (
    SELECT c.rank, c.row_number, c.nik, c.noka, c.register_noka, c.name, c.billed, c.expected, c.obligation, c.noka_restored,
           CASE WHEN NOT c.owed OR a.nik IS NULL THEN NULL
                WHEN c.rank = 1 AND c.row_number = a.register_row THEN 'KEEP'
                WHEN c.rank <> 1 AND c.row_number <> a.register_row THEN 'AGAIN' END AS line_role,
           a.register_row,
           array_to_string(array_remove(a.rows_of_nik, c.row_number), ', ') AS other_rows
      FROM kept c LEFT JOIN billed_again a ON a.nik = c.nik AND c.row_number IS NOT NULL
     WHERE c.rank <> 7
    UNION ALL SELECT 9, NULL, NULL, NULL, NULL, NULL, invoice_total, lines_total, NULL, false, NULL, NULL, NULL FROM total_mismatch
    UNION ALL SELECT 10, NULL, nik, noka, noka, name, billed, amount, amount, false, NULL, NULL, NULL FROM double_coverage
  ), inserted AS (
    INSERT INTO finding (run_id, seq, category, nik, noka, register_noka, name, row_number, billed_amount, expected_amount, action)
    SELECT $1::uuid,
           row_number() OVER (ORDER BY f.rank, f.row_number, f.nik COLLATE "C"),
           f.category, f.nik, f.noka, f.register_noka, f.name, f.row_number, f.billed, f.expected,
           ${filledIn(`$6::jsonb ->> (${ACTION_KEY})`)}
    FROM (SELECT a.*, ($7::jsonb ->> (a.rank - 1)) AS category FROM all_findings a) f CROSS JOIN central c
    -- a NOKA_MISMATCH line's NOKA the participant held before a card change (the register's history): looked up for
    -- those lines only, by IDX_participant_change_nik
    LEFT JOIN LATERAL (
      SELECT pc.changed_at FROM participant_change pc
       WHERE f.rank = 6 AND f.noka <> '' AND pc.nik = f.nik AND pc.changes -> 'noka' ->> 'old' = f.noka
       ORDER BY pc.id DESC LIMIT 1
    ) former ON true
    LEFT JOIN refused_rows rr ON f.rank = 8 AND rr.nik = f.nik
    RETURNING 1
  )
  SELECT x.rank, x.count, x.payable::text, x.overbilled::text, x.underbilled::text, x.billed::text, x.register_hash::text,
         (SELECT count(*) FROM inserted)::int AS inserted
  FROM (
    SELECT rank, count, payable, overbilled, underbilled, billed, register_hash FROM ranked
    UNION ALL SELECT 9, count(*)::int, 0, 0, 0, 0, 0 FROM total_mismatch HAVING count(*) > 0
    UNION ALL SELECT 10, count(*)::int, 0, 0, 0, 0, 0 FROM double_coverage HAVING count(*) > 0
  ) x
  ORDER BY x.rank`;

/** The month's obligation totals, unfunded remainders (§6) and an order-independent checksum. $1 = month. */
export const OBLIGATION_TOTALS = `
  SELECT count(*)::int AS participants,
         coalesce(sum(amount), 0)::text AS obligation,
         (count(*) FILTER (WHERE unfunded > 0))::int AS "unfundedParticipants",
         coalesce(sum(unfunded), 0)::text AS "unfundedAmount",
         count(*) || ':' || coalesce(sum(hashtextextended(concat_ws('|', nik, amount, unfunded, tmt, village_code), 0)), 0) AS checksum,
         coalesce(sum(hashtextextended(nik, 0)), 0)::text AS "nikChecksum"
  FROM obligation WHERE month = $1`;

/**
 * What each pledge funds in the month: participants (= its splits), rupiah, an order-independent
 * hash-sum of its splits (for the splits checksum) and the revisions they were allocated under. $1 = month.
 */
export const FUNDED_BY_PLEDGE = `
  SELECT s.pledge_code AS "pledgeCode", p.source_type AS "sourceType",
         count(*)::int AS participants, sum(s.amount)::text AS amount,
         sum(hashtextextended(concat_ws('|', s.nik, s.pledge_code, s.pledge_revision, s.amount), 0))::text AS hash,
         min(s.pledge_revision)::int AS "revisionFrom", max(s.pledge_revision)::int AS "revisionTo"
  FROM split s JOIN ${TERMS_OF_SPLIT()}
  WHERE s.month = $1
  GROUP BY s.pledge_code, p.source_type
  ORDER BY s.pledge_code COLLATE "C"`;

/** Order-independent checksum of the payments recorded for the month. $1 = month. */
export const PAYMENTS_CHECKSUM = `
  SELECT count(*) || ':' || coalesce(sum(hashtextextended(concat_ws('|', id, pledge_code, amount, paid_at, reference, adjusts_month), 0)), 0) AS checksum
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
