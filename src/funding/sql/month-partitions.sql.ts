/**
 * A month's splits and obligations live in their own partitions, `split_YYYY_MM` and
 * `obligation_YYYY_MM` (migration 1764600000000). A month is (re)computed into a fresh, unindexed
 * table, which is indexed in one sort per index (far cheaper than maintaining b-trees row by row)
 * and then attached. `{part}` is the validated month's table name, never user text; `{month}` the
 * validated month.
 *
 * Two ways, by database (use-cases/month-partitions.ts):
 * - PostgreSQL: the table is built in schema `month_build` on connections of their own, committed
 *   there (split and obligation at once, then their indexes two at a time), then moved and attached
 *   in the allocation's transaction, which adopts its indexes instead of building them. An open
 *   month's tables are UNLOGGED (see DURABLE_MONTHS below);
 * - PGlite (one connection): created, filled and attached in the allocation's transaction, the
 *   attach building the indexes.
 */
export type MonthTable = 'split' | 'obligation';

export const partitionOf = (table: MonthTable, month: string) => `${table}_${month.replace('-', '_')}`;

/** Fills `{part}` and `{month}` of the statements below. Only for validated months. */
export function fill(sql: string, values: Record<string, string>): string {
  return sql.replace(/\{(\w+)\}/g, (_, key: string) => values[key]);
}

/** Rows of the month written straight into the DEFAULT partition (tests, older data) and the old partition. */
export const DROP_MONTH = (table: MonthTable) => [
  `DELETE FROM ${table}_default WHERE month = $1`,
  `DROP TABLE IF EXISTS public.{part}`,
];

/**
 * Index builds of a month get enough memory to sort in one pass, and as many parallel workers as
 * BUILD_INDEXES gives each (none on PGlite, which attaches the indexes).
 */
export const indexBuildSettings = (workers = 0) =>
  `SET LOCAL maintenance_work_mem = '256MB'; SET LOCAL max_parallel_maintenance_workers = ${workers}`;

/**
 * Planner statistics of a freshly written `{schema}.{part}`, taken before it is read. Without them a
 * new month is planned with default guesses (a NIK matching 0.5 % of the rows) until autovacuum
 * analyzes it, if it runs at all: the split lookup by NIK then planned over every partition on each
 * request and took several times longer. The partition is never changed after it is attached (a
 * re-allocation builds a new one), so these statistics stay right.
 *
 * Only the columns that reads filter on are sampled (the row count is taken either way), and from
 * 3,000 rows (statistics target 10) instead of 30,000: what the plans need is that a NIK matches
 * about one row and which pledges or villages are common, and the tenfold sample cost a tenth of a
 * second of each month's build (80 ms against 14 ms for a million rows).
 */
const SAMPLE_3000_ROWS = `SET LOCAL default_statistics_target = 10`;
export const ANALYZE_MONTH_TABLE: Record<MonthTable, string> = {
  split: `${SAMPLE_3000_ROWS}; ANALYZE {schema}.{part} (nik, pledge_code)`,
  obligation: `${SAMPLE_3000_ROWS}; ANALYZE {schema}.{part} (nik, village_code)`,
};

/** Attaches `{part}` as the month's partition: builds the parent's indexes on it, or adopts matching ones. */
export const ATTACH_MONTH_TABLE = (table: MonthTable) => `ALTER TABLE ${table} ATTACH PARTITION public.{part} FOR VALUES IN ('{month}')`;

// ---- PGlite: in the allocation's transaction ----

/** A fresh table shaped like the parent; the CHECK on month lets ATTACH skip its validation scan. */
export const CREATE_MONTH_TABLE = (table: MonthTable) => [
  `CREATE TABLE public.{part} (LIKE ${table} INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`,
  `ALTER TABLE public.{part} ADD CONSTRAINT "CHK_{part}_month" CHECK (month = '{month}')`,
];

// ---- PostgreSQL: built on a connection of its own ----

/** A build of the month left behind by a run that failed after committing it. */
export const DROP_BUILD = `DROP TABLE IF EXISTS month_build.{part}`;

/**
 * Each build transaction's settings:
 * - a build never waits for a lock: nothing else touches `month_build`, except the allocation's own
 *   transaction, which waits for the build; a build that has to wait (the same month built twice in
 *   one transaction, whose first build that transaction moved but has not committed) fails instead
 *   of waiting for ever;
 * - its commit does not wait for the disk: a build counts only once the allocation's transaction,
 *   which commits after it, attaches it, and that commit flushes all the log written before it.
 *   A build lost to a crash is a table nobody reads, rebuilt by the next allocation of its month.
 */
export const BUILD_SETTINGS = `SET LOCAL lock_timeout = '5s'; SET LOCAL synchronous_commit = off`;

/**
 * UNLOGGED: an open month's splits and obligations are derived data, computed again from the register,
 * pledges and tariffs whenever they are outdated, so they are not written to PostgreSQL's write-ahead
 * log: that log was a quarter of a month's build (at a million participants about 300 MB of log per
 * month written, measured: the two tables' COPY and key builds took 3.6–3.8 s logged and 2.7 s
 * unlogged). The price: a server crash empties them (PostgreSQL resets unlogged tables in its crash
 * recovery), which MARK_EMPTIED_MONTHS_STALE notices, and a closed month, which is never recomputed,
 * is made durable when it closes (DURABLE_MONTHS).
 *
 * The parent's columns, NOT NULLs and CHECKs exactly (ATTACH requires the same, CHECKs by name),
 * plus the CHECK on the month that lets ATTACH skip its validation scan. Written out rather than
 * `LIKE split`: the build's connection must never wait for a lock on the parent, which the
 * allocation's transaction holds once it has swapped in an earlier month, while it waits for the
 * build (a deadlock PostgreSQL could not see). If the parent changes, ATTACH refuses the table and
 * every allocation test on PostgreSQL fails.
 */
export const BUILD_TABLE: Record<MonthTable, string> = {
  split: `
    CREATE UNLOGGED TABLE month_build.{part} (
      month text COLLATE "C" NOT NULL,
      nik text COLLATE "C" NOT NULL,
      pledge_code text COLLATE "C" NOT NULL,
      pledge_revision integer NOT NULL,
      amount bigint NOT NULL,
      CONSTRAINT "CHK_split_amount" CHECK (amount > 0),
      CONSTRAINT "CHK_{part}_month" CHECK (month = '{month}')
    )`,
  obligation: `
    CREATE UNLOGGED TABLE month_build.{part} (
      month text COLLATE "C" NOT NULL,
      nik text COLLATE "C" NOT NULL,
      amount bigint NOT NULL,
      unfunded bigint NOT NULL,
      tmt date NOT NULL,
      village_code text COLLATE "C" NOT NULL,
      CONSTRAINT "CHK_{part}_month" CHECK (month = '{month}')
    )`,
};

/**
 * The parent's indexes (migrations 1764800000000 and 1765400000000), named as ATTACH would name
 * them; ATTACH adopts them. A test compares them with the parent's
 * (test/funding/allocation.month-partitions.spec.ts). Each is built in a transaction of its own
 * once its table is committed, two at a time; when both tables are ready at once, in this order.
 * A primary key is first a unique index, which BUILD_PRIMARY_KEY then makes the key.
 *
 * Parallel workers: only the split key gets one. It is the longest build (a sort of 1.2 million
 * keys at a million participants), and ends alone once the obligation's indexes are built, when a
 * core would otherwise idle: over 8 re-allocations of January, medians 2.66 and 2.74 s with the
 * worker against 2.70 and 2.96 s without. The other builds run beside it and get none: with two
 * builds at once on two cores, their workers only contended with each other.
 */
export const BUILD_INDEXES: [MonthTable, string, workers: number][] = [
  ['split', `CREATE UNIQUE INDEX "{part}_pkey" ON month_build.{part} (nik, month, pledge_code) INCLUDE (pledge_revision, amount)`, 1],
  ['obligation', `CREATE UNIQUE INDEX "{part}_pkey" ON month_build.{part} (month, nik)`, 0],
  ['split', `CREATE INDEX "{part}_pledge_code_idx" ON month_build.{part} USING brin (pledge_code) WITH (pages_per_range = 32)`, 0],
];

/** The primary key of a built table, from its unique index (a catalog change: the columns are NOT NULL). */
export const BUILD_PRIMARY_KEY = `ALTER TABLE month_build.{part} ADD CONSTRAINT "{part}_pkey" PRIMARY KEY USING INDEX "{part}_pkey"`;

/** In the allocation's transaction, after DROP_MONTH: the built table becomes the month's partition. */
export const MOVE_BUILD = `ALTER TABLE month_build.{part} SET SCHEMA public`;

// ---- PostgreSQL: what survives a crash ----

/**
 * The UNLOGGED partitions of months `$1` ('YYYY-01') to `$2`: those a finalization freezes (the closed
 * month and the earlier months of its year, frozen-allocations.sql.ts), each then SET LOGGED (a
 * rewrite of the table and its indexes into the log, a few seconds at a million participants, once).
 * A month that is never recomputed must not be lost to a crash.
 */
export const UNLOGGED_MONTHS = `
  SELECT c.relname AS part
    FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
   WHERE i.inhparent IN ('split'::regclass, 'obligation'::regclass) AND c.relpersistence = 'u'
     AND right(c.relname, 7) BETWEEN replace($1, '-', '_') AND replace($2, '-', '_')
   ORDER BY 1`;

export const SET_LOGGED = `ALTER TABLE public.{part} SET LOGGED`;

/**
 * Months whose partitions a server crash emptied: PostgreSQL's crash recovery resets every UNLOGGED
 * table to empty, while `allocation_month` (logged) still says CURRENT. An allocated month with
 * participants always has obligation rows, so an empty UNLOGGED obligation partition means the month
 * was lost; it is marked STALE and recomputed, from the same logged inputs, before anyone reads it.
 * Run on every new connection of the service (a crash ends them all), before its first query.
 */
export const MARK_EMPTIED_MONTHS_STALE = `
  UPDATE allocation_month a SET status = 'STALE'
    FROM pg_class c
   WHERE c.oid = to_regclass('public.obligation_' || replace(a.month, '-', '_'))
     AND c.relpersistence = 'u' AND pg_relation_size(c.oid) = 0
     AND a.status = 'CURRENT' AND a.participants > 0
  RETURNING a.month`;
