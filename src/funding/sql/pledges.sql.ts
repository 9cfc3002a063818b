/** Hand-written queries of pledge revisions. */

/** What a pledge funded in finalized months ($1 pledge code), and which months. */
export const USED_IN_CLOSED_MONTHS = `
  SELECT coalesce(sum(f.amount), 0)::text AS used, string_agg(f.month, ', ' ORDER BY f.month) AS months
  FROM allocation_funded f
  JOIN closed_month c ON c.month = f.month
  WHERE f.pledge_code = $1 AND f.amount > 0`;
