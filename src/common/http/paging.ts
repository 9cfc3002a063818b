/**
 * The highest `page` of any paged list. Far past any real list (100,000 pages of up to 1,000 rows),
 * and low enough that its offset stays a safe integer for PostgreSQL: a page of 1e20 was a 500
 * ("bigint out of range").
 */
export const MAX_PAGE = 100_000;
