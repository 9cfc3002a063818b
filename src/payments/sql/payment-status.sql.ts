/**
 * Per pledge and month (DOMAIN §8): what is due (the pledge's splits) and the payments recorded
 * for that month. Every pledge with something due or some payment appears once. Payments come
 * back as a JSON list (amount as text: bigint; the month a correction adjusts, else null) for the
 * pure status functions.
 * $1 = month.
 */
export const PLEDGE_MONTH_DUE_AND_PAYMENTS = `
  WITH due AS (
    SELECT pledge_code, sum(amount) AS due
    FROM split WHERE month = $1 GROUP BY pledge_code
  ), paid AS (
    SELECT pledge_code,
           json_agg(json_build_object('amount', amount::text, 'paidAt', paid_at::text, 'adjustsMonth', adjusts_month) ORDER BY paid_at, reference, id) AS payments
    FROM payment WHERE month = $1 GROUP BY pledge_code
  )
  SELECT coalesce(d.pledge_code, p.pledge_code) AS "pledgeCode",
         coalesce(d.due, 0)::text AS due,
         coalesce(p.payments, '[]'::json) AS payments
  FROM due d FULL JOIN paid p ON p.pledge_code = d.pledge_code
  ORDER BY coalesce(d.pledge_code, p.pledge_code) COLLATE "C"`;

/** The payments recorded for a month, per pledge, as a JSON list (amount as text). $1 = month. */
export const PAYMENTS_OF_MONTH = `
  SELECT pledge_code AS "pledgeCode",
         json_agg(json_build_object('amount', amount::text, 'paidAt', paid_at::text) ORDER BY paid_at, reference, id) AS payments
  FROM payment WHERE month = $1 GROUP BY pledge_code`;

/**
 * Bulk insert of payments from a sheet. $1 pledge codes, $2 months, $3 amounts, $4 paid dates, $5 references, $6 adjusted
 * months, $7 actor, $8 created at, $9 ids (made by the caller, so the audit event can name each row's payment), $10 the
 * sheet's `payment_upload` id (its row is written last, in the same transaction: FK_payment_upload is deferred).
 */
export const INSERT_PAYMENTS = `
  INSERT INTO payment (id, pledge_code, month, amount, paid_at, reference, adjusts_month, created_by, created_at, upload_id)
  SELECT id, p, m, a, d, r, adj, $7, $8, $10
  FROM unnest($9::uuid[], $1::text[], $2::text[], $3::bigint[], $4::date[], $5::text[], $6::text[]) AS t(id, p, m, a, d, r, adj)`;
