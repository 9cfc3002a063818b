/**
 * A month's obligation table (§4) built by PostgreSQL from the register while the service reads the
 * candidates and allocates (PostgreSQL only, on the month-build pool).
 *
 * Why: the obligations are the register's covered rows with the month's amount; only their unfunded
 * remainder (§6 step 3) comes from the allocation, and in most months there is almost none (the regency's
 * APBD pledge pays whatever is left, until its pagu runs out). Written from the service after the
 * allocation, a million obligation rows were encoded, sent and loaded beside the month's splits, two
 * `COPY`s contending for the write-ahead log, and their key built beside the split key. Built here, the
 * table is written by set-based SQL on the second core during the candidates' read and the allocation
 * in memory (when PostgreSQL is otherwise idle), so after the allocation only the splits are left to load.
 *
 * Then, once the allocation is known:
 * - the table must hold exactly the candidates the allocation read: the same rule and order, under
 *   the allocation's `SHARE` lock on the register, so nobody else can change it in between. The one
 *   thing this build cannot see is a change to the register made by the allocation's own transaction,
 *   not yet committed: nothing in the service does that, and a count that differs falls back;
 * - the few unfunded remainders are set in place (SET_UNFUNDED); a month with many (once a pagu is spent)
 *   writes its obligations from memory as before (`usable` is false), this build then wasted. So it is
 *   started only when the month before had few (`worthStarting`): in a year whose pagu runs out in
 *   August, only August wastes it.
 *
 * Unlike a `COPY FREEZE`, rows inserted here are not frozen: the first read sets their hint bits, and
 * autovacuum (inserts count toward it) marks the pages all-visible later.
 */
import type pg from 'pg';
import type { EntityManager } from 'typeorm';
import {
  ANALYZE_MONTH_TABLE,
  BUILD_INDEXES,
  BUILD_OBLIGATIONS,
  BUILD_TABLE,
  DROP_BUILD,
  fill,
  partitionOf,
  SET_UNFUNDED,
} from '../sql/month-partitions.sql.js';
import { MONTH_BEFORE_UNFUNDED, SORT_MEMORY } from '../sql/allocate.sql.js';
import { addMonths, firstDay, lastDay } from '../../common/month.js';
import { buildIndex, inTransaction, type PrebuiltTable } from './month-partitions.js';

/**
 * How many unfunded remainders are set in place at most: the larger of `atLeast` and `share` of the
 * month's obligations (an UPDATE writes a new row version and key entry for each; beyond this,
 * writing the table from memory is cheaper). Tests lower it to take the other way.
 */
export const UNFUNDED_IN_PLACE = { atLeast: 1_000, share: 0.05 };

const fewUnfunded = (unfunded: number, count: number) => unfunded <= Math.max(UNFUNDED_IN_PLACE.atLeast, count * UNFUNDED_IN_PLACE.share);

export class ObligationBuild {
  private readonly values: { part: string; month: string };
  /** the rows inserted, once committed */
  private readonly inserted: Promise<number>;
  /** committed with its key */
  private readonly indexed: Promise<void>;

  private constructor(
    private readonly builds: pg.Pool,
    month: string,
    amount: number,
  ) {
    this.values = { part: partitionOf('obligation', month), month };
    let rows = 0;
    this.inserted = inTransaction(builds, async (client) => {
      await client.query(fill(DROP_BUILD, this.values));
      await client.query(fill(BUILD_TABLE.obligation, this.values));
      await client.query(SORT_MEMORY);
      rows = (await client.query(fill(BUILD_OBLIGATIONS, this.values), [firstDay(month), lastDay(month), month, amount])).rowCount ?? 0;
      await client.query(fill(ANALYZE_MONTH_TABLE.obligation, { ...this.values, schema: 'month_build' }));
    }).then(() => rows);
    const keys = BUILD_INDEXES.filter(([table]) => table === 'obligation');
    this.indexed = this.inserted.then(async () => {
      for (const [, sql, workers] of keys) await inTransaction(builds, (client) => buildIndex(client, fill(sql, this.values), workers));
    });
    this.indexed.catch(() => undefined); // awaited by `ready` or `settled`
  }

  /** Starts building `month`'s obligations at `amount` rupiah each. The caller holds the register's SHARE lock. */
  static start(builds: pg.Pool, month: string, amount: number): ObligationBuild {
    return new ObligationBuild(builds, month, amount);
  }

  /** Whether the month before `month` in its fiscal year (just allocated, or stored) left few unfunded; January always. */
  static async worthStarting(m: EntityManager, month: string): Promise<boolean> {
    if (month.endsWith('-01')) return true;
    const [before]: { participants: number; unfunded: number }[] = await m.query(MONTH_BEFORE_UNFUNDED, [addMonths(month, -1)]);
    return !before || fewUnfunded(before.unfunded, before.participants);
  }

  /** Whether the build holds the `count` candidates and `unfunded` remainders are few enough to set in place. Throws if the build failed. */
  async usable(count: number, unfunded: number): Promise<boolean> {
    return (await this.inserted) === count && fewUnfunded(unfunded, count);
  }

  /** The table, ready once its key is built and the remainders `niks` / `amounts` are set. */
  withUnfunded(niks: string[], amounts: number[]): PrebuiltTable {
    const ready = this.indexed.then(async () => {
      if (!niks.length) return;
      await inTransaction(this.builds, async (client) => {
        const { rowCount } = await client.query(fill(SET_UNFUNDED, this.values), [niks, amounts]);
        if (rowCount !== niks.length) throw new Error(`${this.values.part}: ${rowCount} of ${niks.length} unfunded remainders set`);
      });
    });
    return { table: 'obligation', ready };
  }

  /** Waits for the build's work to end, whatever its outcome (no connection is left working). */
  async settled(): Promise<void> {
    await Promise.allSettled([this.inserted, this.indexed]);
  }
}
