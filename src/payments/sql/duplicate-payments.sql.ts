/**
 * A payment is recorded once: the same pledge, month and reference (SP2D number; compared without
 * case or any space) is the same payment entered again.
 */

/** Serialises payments of the same pledges ($1 text[] of codes) until the transaction ends. */
export const LOCK_PLEDGES_FOR_PAYMENT = `SELECT code FROM pledge WHERE code = ANY($1::text[]) ORDER BY code COLLATE "C" FOR UPDATE`;

/** A reference as compared: without case or any space (referenceKey in duplicate-payments.ts; stored references are visibleText already). */
const key = (column: string) => `lower(regexp_replace(${column}, '[[:space:]]+', '', 'g'))`;

/**
 * Of the candidate payments ($1 pledge codes, $2 months, $3 references, in parallel), the 1-based
 * positions of those already recorded, with the id, amount (text: bigint) and paid day of the recorded one (a sheet
 * row repeating it with another amount or date says so, QA). Set-based, whatever the count:
 * the payments of the pledge-months asked are read once (IDX_payment_month_pledge), each one's key
 * computed once, and joined to the candidates' keys. A probe per candidate (LATERAL … LIMIT 1) was
 * planned on PGlite, which has no autovacuum and so no statistics, through IDX_payment_month_pledge
 * with the key as a filter: every candidate compared with every payment of its pledge-month, so a
 * sheet's cost grew with what was stored (QA: 20,000 rows in one pledge-month 572 s, 500 more 39 s).
 */
export const RECORDED_ALREADY = `
  WITH candidate AS (
    SELECT t.pledge_code, t.month, ${key('t.reference')} AS key, t.i
    FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS t(pledge_code, month, reference, i)
  ), stored AS MATERIALIZED (
    SELECT x.id, x.pledge_code, x.month, x.amount, x.paid_at, ${key('x.reference')} AS key
    FROM (SELECT DISTINCT pledge_code, month FROM candidate) asked
    JOIN payment x ON x.month = asked.month AND x.pledge_code = asked.pledge_code
  )
  SELECT DISTINCT ON (c.i) c.i::int AS position, s.id, s.amount::text AS amount, s.paid_at::text AS "paidAt"
  FROM candidate c
  JOIN stored s ON s.key = c.key AND s.month = c.month AND s.pledge_code = c.pledge_code
  ORDER BY c.i, s.id`;
