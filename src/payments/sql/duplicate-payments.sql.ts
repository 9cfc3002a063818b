/**
 * A payment is recorded once: the same pledge, month and reference (SP2D number; compared without
 * case or any space) is the same payment entered again.
 */

/** Serialises payments of the same pledges ($1 text[] of codes) until the transaction ends. */
export const LOCK_PLEDGES_FOR_PAYMENT = `SELECT code FROM pledge WHERE code = ANY($1::text[]) ORDER BY code COLLATE "C" FOR UPDATE`;

/**
 * A reference as compared: without case or any space (referenceKey in duplicate-payments.ts). Stored references and
 * candidates are paymentReference already, their spaces one U+0020 each; the class holds the spaces JavaScript's `\s`
 * and NEL are too (U+00A0 among them, which `[[:space:]]` is not in every locale), so a value stored otherwise compares alike.
 */
const SPACES = String.raw`[[:space:]\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+`;
const key = (column: string) => `lower(regexp_replace(${column}, '${SPACES}', '', 'g'))`;

/**
 * Of the candidate payments ($1 pledge codes, $2 months, $3 references, $4 the months they correct or null, in
 * parallel), the 1-based positions of those already recorded, with the id, amount (text: bigint), paid day, month and
 * corrected month of the recorded one (a repeat with another amount, date or corrected month says so, QA).
 *
 * A payment is the same one when its pledge and reference match a recorded payment's and the two are for the same
 * month: recorded in the same month (paymentKey), or one of them is a correction (adjusts_month) of the month the
 * other is recorded in or corrects. A correction is a new transfer with its own SP2D, so one carrying the SP2D of the
 * payment of the month it corrects, or of another correction of it, is that payment again (QA: November's SP2D,
 * refused as MONTH_CLOSED, was then taken as a correction for November in December, counting Rp87.185.700 twice).
 * The recorded one in the same month is named first.
 *
 * Set-based, whatever the count: the payments of the pledge-months asked (a candidate's month and corrected month)
 * are read once (IDX_payment_month_pledge), with the corrections of them (IDX_payment_adjusts_month), each one's key
 * computed once, and joined to the candidates' keys. A probe per candidate (LATERAL … LIMIT 1) was
 * planned on PGlite, which has no autovacuum and so no statistics, through IDX_payment_month_pledge
 * with the key as a filter: every candidate compared with every payment of its pledge-month, so a
 * sheet's cost grew with what was stored (QA: 20,000 rows in one pledge-month 572 s, 500 more 39 s).
 */
export const RECORDED_ALREADY = `
  WITH candidate AS (
    SELECT t.pledge_code, t.month, t.adjusts_month, ${key('t.reference')} AS key, t.i
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS t(pledge_code, month, reference, adjusts_month, i)
  ), stored AS MATERIALIZED (
    SELECT x.id, x.pledge_code, x.month, x.adjusts_month, x.amount, x.paid_at, ${key('x.reference')} AS key
    FROM (SELECT DISTINCT pledge_code, month FROM candidate) asked
    JOIN payment x ON x.month = asked.month AND x.pledge_code = asked.pledge_code
    UNION
    SELECT z.id, z.pledge_code, z.month, z.adjusts_month, z.amount, z.paid_at, ${key('z.reference')} AS key
    FROM (SELECT DISTINCT pledge_code, adjusts_month AS month FROM candidate WHERE adjusts_month IS NOT NULL) corrected
    JOIN payment z ON z.month = corrected.month AND z.pledge_code = corrected.pledge_code
    UNION
    SELECT y.id, y.pledge_code, y.month, y.adjusts_month, y.amount, y.paid_at, ${key('y.reference')} AS key
    FROM (SELECT DISTINCT pledge_code, unnest(ARRAY[month, adjusts_month]) AS month FROM candidate) corrected
    JOIN payment y ON y.adjusts_month = corrected.month AND y.pledge_code = corrected.pledge_code
  )
  SELECT DISTINCT ON (c.i) c.i::int AS position, s.id, s.amount::text AS amount, s.paid_at::text AS "paidAt",
    s.month, s.adjusts_month AS "adjustsMonth"
  FROM candidate c
  JOIN stored s ON s.key = c.key AND s.pledge_code = c.pledge_code
    AND (s.month = c.month OR s.month = c.adjusts_month OR s.adjusts_month = c.month OR s.adjusts_month = c.adjusts_month)
  ORDER BY c.i, s.month <> c.month, s.id`;
