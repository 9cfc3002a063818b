/** Hand-written queries of pledge revisions. */
import { monthFrozen } from '../../periods/frozen-allocations.sql.js';

/**
 * What a pledge funded in months that are never allocated again ($1 pledge code): finalized months
 * and the earlier months of their year (frozen), and which months.
 */
export const USED_IN_FROZEN_MONTHS = `
  SELECT coalesce(sum(f.amount), 0)::text AS used, string_agg(f.month, ', ' ORDER BY f.month) AS months
  FROM allocation_funded f
  WHERE f.pledge_code = $1 AND f.amount > 0 AND ${monthFrozen('f.month')}`;
