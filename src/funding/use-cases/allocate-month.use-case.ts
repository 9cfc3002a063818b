import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import { Clock } from '../../common/clock/clock.js';
import { addMonths, isMonth, monthName, monthsBetween } from '../../common/month.js';
import { ClosedMonths } from '../../periods/closed-months.service.js';
import { AllocationSummaries, type AllocationDetail } from '../allocations/allocation-summary.js';
import { allocate } from '../domain/allocate.js';
import { fundedByPledge, unfundedOf } from './allocation-totals.js';
import { FundingException } from '../funding.exception.js';
import * as SQL from '../sql/allocate.sql.js';
import { noteRecomputedMonths, type RefreshRun, type RequestRecomputes } from '../recomputed-months.js';
import { MonthBuildPool } from './month-build-pool.js';
import { writeMonthTables } from './month-partitions.js';
import { readCandidates } from './candidates.js';
import { pledgesOfMonth, tariffOfMonth } from './month-inputs.js';
import { orderByDay } from './month-order.js';
import { OUTDATED, recomputedOnRead, staleReadEvent, type StaleRead, type StaleReadEvent } from './stale-reads.js';

export type { AllocationSummary } from '../allocations/allocation-summary.js';
export { recomputedOnRead, staleReadEvent, type StaleRead, type StaleReadEvent } from './stale-reads.js';

export interface AllocateMonthCommand {
  month: string;
  actor: string;
}

/** Recomputes a read's STALE months (AllocateMonth.recomputeStale), adding those it wrote or found STALE to `recomputed`. */
export type StaleRecomputer = (actor: string, read: StaleRead, recomputed: Set<string>) => Promise<void>;

/**
 * Computes the obligations and the allocation of DOMAIN §6 for a month, and first for every
 * earlier month of its fiscal year that has none or is STALE; afterwards the later months of the
 * year are STALE. Closed months (§9) are never recomputed, nor the months of their year before them
 * (the closed month's allocation used the budgets they left); their stored splits count toward budgets.
 *
 * How: the candidates are read with one set-based query in NIK order, the exact algorithm runs in
 * memory (`allocate`, the pure function the tests exercise), and the splits and the obligations
 * (with their unfunded remainders) are written in bulk as the month's partitions; on PostgreSQL
 * both are built at once on connections of their own (month-partitions.ts).
 *
 * Pass `manager` to run inside the caller's transaction (on PGlite: the only connection).
 */
@Injectable()
export class AllocateMonth {
  private readonly logger = new Logger(AllocateMonth.name);
  /** The last refreshStale of this process outside a caller's transaction (the next waits for it). */
  private refreshing: Promise<void> = Promise.resolve();
  /** Each refreshStale of this process running or queued, with the months it recomputed so far (refreshStale's answer). */
  private readonly unfinished = new Set<RefreshRun>();
  /** Where refreshStale recomputes outside a caller's transaction: here, unless handed to the funding worker's thread. */
  private recomputeOutside: StaleRecomputer = (actor, read, recomputed) => this.recomputeStale(actor, read, recomputed);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly closedMonths: ClosedMonths,
    private readonly summaries: AllocationSummaries,
    @Inject(Clock) private readonly clock: Clock,
    private readonly builds: MonthBuildPool,
    private readonly audit: AuditService,
  ) {}

  /**
   * Allocates `month` (again), after any outdated earlier month of its year. Refuses a month past
   * next month (MONTH_IN_FUTURE, as reconciliations: the scheduler's current month and a
   * reconciliation's month, which go through ensureCurrent, stay within it), a closed month, and
   * one before a closed month of its year (MONTH_FROZEN).
   */
  execute(command: AllocateMonthCommand, manager?: EntityManager): Promise<AllocationDetail> {
    const { month, actor } = command;
    assertMonth(month);
    FundingException.assertNotInFuture(month, this.clock.now());
    return this.inTransaction(manager, async (m) => {
      await m.query(SQL.TAKE_ALLOCATION_LOCK);
      await this.closedMonths.assertOpen([month], m);
      await this.recompute(m, month, actor, true);
      return this.summaries.of(month, m);
    });
  }

  /**
   * Allocates only when `month` or an earlier month of its year is not CURRENT; a closed month is reported as stored.
   * `read`: set by refreshStale, what the read asked for (recompute).
   */
  ensureCurrent(month: string, actor: string, manager?: EntityManager, read?: StaleReadEvent & { written?: Set<string> }): Promise<AllocationDetail> {
    assertMonth(month);
    return this.inTransaction(manager, async (m) => {
      await m.query(SQL.TAKE_ALLOCATION_LOCK);
      if (!(await this.closedMonths.isClosed(month, m))) for (const k of await this.recompute(m, month, actor, false, read)) read?.written?.add(k);
      return this.summaries.of(month, m);
    });
  }

  /**
   * Recomputes every STALE (not closed) month, so that reads never report an outdated allocation.
   * Outside a caller's transaction, the calls of this process run one after the other: each waits
   * here, holding no connection, instead of in its own transaction on the allocation lock. Fifty
   * auditors' lookups that found a month STALE used to take all ten connections of the pool while
   * one recomputed, and every other request, `/health` included, waited for the recompute.
   *
   * → the months recomputed for this read, sorted, which its answer says (recomputed-months.ts): the months whose
   * allocation was STALE (a change since it was computed, or emptied by a crash and so marked STALE) when this
   * read came, and that it waited for before reading on. That is, the months rewritten or found STALE by
   *  - the refreshStale calls of this process running or queued when this one was called (another read's recompute
   *    that this one waited for: it then finds nothing left to do itself; for the answer, those running or queued when
   *    the request came and over when it answers: refreshesUnderway), and
   *  - its own turn: the STALE months it found, and every month its recomputes wrote (for a STALE month, the
   *    months from the year's first STALE one on), a month found STALE that another process recomputed while this
   *    one waited on the allocation lock included.
   * A month a read of another process recomputed before this read came is not among them, nor one recomputed by a
   * run (a reconciliation, the schedule, a manual allocation): this read did not wait for it. `[]` when none.
   * `recomputes`: the request's (`@RecomputesOf()`), whose answer says them.
   */
  refreshStale(reader: string, read: StaleRead, recomputes?: RequestRecomputes, manager?: EntityManager): Promise<string[]> {
    const said = (months: string[]) => {
      noteRecomputedMonths(recomputes, months);
      return months;
    };
    const actor = recomputedOnRead(reader);
    const own: RefreshRun = { months: new Set(), finished: false };
    if (manager) return this.recomputeStale(actor, read, own.months, manager).then(() => said(answered([own])));
    const waitedFor = [...this.unfinished, own];
    this.unfinished.add(own);
    const run = this.refreshing.then(() => this.recomputeOutside(actor, read, own.months)).finally(() => {
      own.finished = true;
      this.unfinished.delete(own);
    });
    this.refreshing = run.catch(() => undefined);
    return run.then(() => said(answered(waitedFor)));
  }

  /**
   * The refreshStale calls of this process running or queued now: a request's answer counts those over by the time it
   * answers as waited for (recomputed-months.ts), a read that found its months CURRENT because one of them rewrote them
   * (it waited on the allocation lock, or on PGlite's one connection, without calling refreshStale) included.
   */
  refreshesUnderway(): RefreshRun[] {
    return [...this.unfinished];
  }

  /**
   * Hands the recomputes refreshStale makes outside a caller's transaction to `recomputer`: the funding worker's thread
   * (FundingWorker), so that a read finding a year STALE does not hold this process's thread for seconds. The queue,
   * and what each read's answer says, stay here.
   */
  recomputeStaleWith(recomputer: StaleRecomputer): void {
    this.recomputeOutside = recomputer;
  }

  /**
   * Each year's STALE months, up to its latest, recomputed for `read`: their events name the month
   * the read asked for (QA: they named the year's latest STALE month, 2026-12, for a read of 2026-09).
   * `recomputed` gets each year's STALE months and the months written, once the year's recompute is done.
   * The work of refreshStale; in the funding worker's thread, its `recompute-stale` job.
   */
  async recomputeStale(actor: string, read: StaleRead, recomputed: Set<string>, manager?: EntityManager): Promise<void> {
    const m = manager ?? this.dataSource.manager;
    const stale: { month: string; months: string[] }[] = await m.query(SQL.STALE_PER_YEAR);
    for (const { month, months } of stale) {
      const written = new Set<string>();
      await this.ensureCurrent(month, actor, manager, { ...staleReadEvent(read), written });
      for (const k of [...months, ...written]) recomputed.add(k);
    }
  }

  /**
   * `read`: for a recompute a read caused (refreshStale), the month it asked for and why STALE months
   * were written; otherwise the month asked is `month`. → the months written, in order.
   */
  private async recompute(m: EntityManager, month: string, actor: string, force: boolean, read?: StaleReadEvent): Promise<string[]> {
    const year = month.slice(0, 4);
    const months = monthsBetween(`${year}-01`, month);
    const lastClosed = await this.closedMonths.lastClosedOfYear(year, m);
    const open = (k: string) => lastClosed === undefined || k > lastClosed;
    if (force && !open(month)) throw FundingException.monthFrozen(month, lastClosed!);
    const statuses = new Map<string, string>((await m.query(SQL.MONTH_STATUSES, [Number(year)])).map((r: { month: string; status: string }) => [r.month, r.status]));
    const outdated = months.find((k) => open(k) && statuses.get(k) !== 'CURRENT');
    const from = outdated ?? (force ? month : undefined);
    if (!from) return [];
    await m.query(SQL.LOCK_REGISTER);
    const written = months.filter((k) => k >= from && open(k));
    for (const k of written) await this.allocateOne(m, k, actor, month);
    if (month < `${year}-12`) await m.query(SQL.MARK_STALE_FROM, [addMonths(month, 1), Number(year)]);
    const asked = read ? read.asked : month;
    for (const k of written) await this.recordWritten(m, k, asked, actor, force && k === month, statuses.get(k), read?.why);
    return written;
  }

  /**
   * Every rewrite of a month's allocation is in the audit trail, whoever caused it: a finance officer,
   * the schedule, a reconciliation, or a read that found it STALE (QA: an auditor's read rewrote August to
   * December, and only the manual runs were recorded, without their month). One event per month
   * written, under that month, in the same transaction, saying why and which request it came with
   * (`asked`: a month, a read's period as `2026-01..2026-03`, null for a read of every month).
   * `requested`: this month is the one a run asked for.
   */
  private recordWritten(m: EntityManager, written: string, asked: string | null, actor: string, requested: boolean, was: string | undefined, staleWhy?: string): Promise<void> {
    // without staleWhy the month was recomputed by a run (reconciliation, schedule) of `asked`, a month
    const why =
      requested ? 'diminta'
      : was === undefined ? 'belum pernah dialokasikan'
      : was === 'CURRENT' ? 'ikut dihitung ulang: bulan sebelumnya dihitung ulang, dan sisa anggaran terbawa ke bulan berikutnya'
      : (staleWhy ?? `${OUTDATED}: dihitung ulang sebelum rekonsiliasi atau alokasi terjadwal bulan ${monthName(asked ?? written)}`);
    return this.audit.record({ actor, action: 'allocation.compute', entity: 'allocation', entityId: written, summary: { month: written, asked, why } }, m);
  }

  /** Allocates `month`, part of the allocation of `asked` (itself or a later month of its year). */
  private async allocateOne(m: EntityManager, month: string, actor: string, asked: string): Promise<void> {
    const lap = stopwatch();
    const year = Number(month.slice(0, 4));
    const tariff = await tariffOfMonth(m, month);
    // a month without IURAN is refused, not allocated at part of the premium (QA: Rp2.800)
    if (!tariff.premium) throw FundingException.tariffMissing(month, asked);
    const amount = tariff.amount;
    const pledges = await pledgesOfMonth(m, month);
    const used: { pledge_code: string; used: string }[] = pledges.length
      ? await m.query(SQL.BUDGET_USED_BEFORE, [month, `${year}-01`, pledges.map((p) => p.code)])
      : [];
    lap('inputs');
    // PostgreSQL: candidates by COPY and the month built on the build pool; PGlite: neither.
    const builds = this.builds.get();
    const [{ snapshot }] = await m.query(SQL.REGISTER_SNAPSHOT);
    const covered = await readCandidates(m, month, builds !== null);
    const n = covered.nik.length;
    lap('candidates read');
    // The candidates come in NIK order; the walk (§6) goes in (TMT, NIK) order: a stable sort by
    // TMT. Results are indexed in NIK order.
    const result = allocate(
      { nik: covered.nik, villageCode: covered.village, tmt: [], amount: new Float64Array(n).fill(amount) },
      pledges,
      new Map(used.map((u) => [u.pledge_code, Number(u.used)])),
      { walkOrder: orderByDay(covered.tmtDay) },
    );
    lap('allocated in memory');

    // Obligations are written in NIK order (their primary key), splits in the order allocate gives
    // them: a pledge's together (for the block-range IDX_split_pledge), each in NIK order (sorted
    // runs for PK_split's sort).
    const { splitObligation, splitPledge, splitAmount, unfunded } = result;

    await writeMonthTables(
      m,
      month,
      {
        split: {
          columns: [
            { name: 'nik', type: 'text', values: covered.nik, index: splitObligation },
            { name: 'pledge_code', type: 'text', values: pledges.map((p) => p.code), index: splitPledge },
            { name: 'pledge_revision', type: 'int', values: pledges.map((p) => p.revision), index: splitPledge },
            { name: 'amount', type: 'bigint', values: splitAmount },
          ],
          count: result.splitCount,
          constants: [{ name: 'month', type: 'text', value: month }],
        },
        obligation: {
          columns: [
            { name: 'nik', type: 'text', values: covered.nik },
            { name: 'unfunded', type: 'bigint', values: unfunded },
            { name: 'tmt', type: 'date', values: covered.tmtDay },
            { name: 'village_code', type: 'text', values: covered.village.codes, index: covered.village.of },
          ],
          count: n,
          constants: [
            { name: 'month', type: 'text', value: month },
            { name: 'amount', type: 'bigint', value: amount },
          ],
        },
      },
      builds,
      lap,
    );

    const { participants: unfundedParticipants, amount: unfundedAmount } = unfundedOf(unfunded);
    await m.query(SQL.UPSERT_ALLOCATION_MONTH, [
      month,
      year,
      n,
      n * amount,
      unfundedParticipants,
      unfundedAmount,
      tariff.ids,
      JSON.stringify(Object.fromEntries(pledges.map((p) => [p.code, p.revision]))),
      actor,
      this.clock.now(),
      snapshot,
    ]);
    const [deleteFunded, insertFunded] = SQL.REPLACE_FUNDED;
    await m.query(deleteFunded, [month]);
    await m.query(insertFunded, [month, ...fundedByPledge(pledges.map((p) => p.code), result)]);
    this.logger.debug(`${month}: ${n} obligations, ${result.splitCount} splits; ${lap.report()}`);
  }

  private inTransaction<T>(manager: EntityManager | undefined, work: (m: EntityManager) => Promise<T>): Promise<T> {
    if (manager?.queryRunner?.isTransactionActive) return work(manager);
    return (manager ?? this.dataSource.manager).transaction(work);
  }
}

/** Elapsed milliseconds per step, for the debug log (and the bench). */
function stopwatch() {
  let last = performance.now();
  const laps: string[] = [];
  const lap = (name: string) => {
    const now = performance.now();
    laps.push(`${name} ${Math.round(now - last)} ms`);
    last = now;
  };
  return Object.assign(lap, { report: () => laps.join(', ') });
}

/** The months of `runs`, once each, sorted. */
function answered(runs: readonly RefreshRun[]): string[] {
  return [...new Set(runs.flatMap((r) => [...r.months]))].sort();
}

function assertMonth(month: string): void {
  if (typeof month !== 'string' || !isMonth(month)) throw FundingException.monthInvalid(String(month));
}
