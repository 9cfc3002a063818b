/**
 * A payment is recorded once: the same pledge, month and reference (SP2D number; compared without
 * case, surrounding spaces or repeated inner ones) is the same payment entered again.
 */

/** Serialises payments of the same pledges ($1 text[] of codes) until the transaction ends. */
export const LOCK_PLEDGES_FOR_PAYMENT = `SELECT code FROM pledge WHERE code = ANY($1::text[]) ORDER BY code COLLATE "C" FOR UPDATE`;

/**
 * Of the candidate payments ($1 pledge codes, $2 months, $3 references, in parallel), the 1-based
 * positions of those already recorded, with the id of the recorded one. One probe of
 * IDX_payment_reference_key per candidate (its expression is the one compared here: keep them equal).
 */
export const RECORDED_ALREADY = `
  SELECT t.i::int AS position, x.id
  FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS t(pledge_code, month, reference, i)
  JOIN LATERAL (
    SELECT id FROM payment x
    WHERE x.month = t.month AND x.pledge_code = t.pledge_code
      AND lower(regexp_replace(btrim(x.reference), '[[:space:]]+', ' ', 'g')) = lower(regexp_replace(btrim(t.reference), '[[:space:]]+', ' ', 'g'))
    LIMIT 1
  ) x ON true`;
