import { Worker } from 'node:worker_threads';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Clock, FixedClock } from '../../common/clock/clock.js';
import { APP_CONFIG, type AppConfig } from '../../common/config/app-config.js';
import type { AllocationDetail } from '../allocations/allocation-summary.js';
import type { YearProjection } from '../projections/projection-summary.js';
import { ProjectYear } from '../projections/project-year.use-case.js';
import { AllocateMonth, type AllocateMonthCommand, type StaleRead } from '../use-cases/allocate-month.use-case.js';
import type { JobTime } from './job-clock.js';
import { type ErrorMessage, relayedError } from './relayed-error.js';

/** A job the worker thread runs (funding-worker.thread.ts). */
export type FundingJob =
  | { kind: 'allocate'; command: AllocateMonthCommand }
  | { kind: 'project'; fiscalYear: number }
  | { kind: 'recompute-stale'; actor: string; read: StaleRead }
  | { kind: 'ensure-current'; month: string; actor: string };
/**
 * A `recompute-stale` job's answer: the months written or found STALE, and its error if it failed (then the months are
 * those of the years it finished first, which reads waiting for it still count: AllocateMonth.refreshStale).
 */
export interface StaleRecomputes {
  months: string[];
  error?: ErrorMessage;
}
export interface JobRequest {
  id: number;
  job: FundingJob;
  /** The service's clock when it sent the job: the worker's time for it (job-clock.ts). */
  time: JobTime;
}
type ThreadMessage = 'ready' | { id: number; value?: unknown; error?: ErrorMessage } | { startFailed: ErrorMessage };

interface Thread {
  worker: Worker;
  ready: Promise<void>;
  /** Its jobs not answered yet, by id. */
  jobs: Map<number, { resolve: (value: unknown) => void; reject: (err: Error) => void }>;
}

/**
 * Runs the heavy funding work a user asks for: a month's allocation by hand (POST /api/v1/allocations), the
 * year's projection (GET /api/v1/projections), and the recomputes of STALE months a read waits for (GET /splits, the
 * summaries, statements and the other reads that call AllocateMonth.refreshStale), and the allocation a reconciliation
 * run needs, done ahead of its transaction (bringCurrent). On PostgreSQL these run in a worker thread with its own Nest
 * context, pools and V8 heap, so that neither blocks the requests this process answers meanwhile (the allocation
 * runs DOMAIN §6 in memory, ~0.3–0.5 s of one thread a month at a million participants), nor leaves this process's
 * garbage collector tuned to their large heaps (after a year's allocation its split lookups answered 20–30 % slower
 * at the tail: docs/figures/allocation.md, sessions 46 and 47). Same answers, same domain errors (codes and Indonesian
 * messages), same advisory lock and audit events: the thread runs the same use cases on the same database.
 *
 * The thread starts with the first job and ends after IDLE_MS without one (its heap goes back to the system);
 * one that dies fails the jobs it had, and the next job starts another. On the embedded database (one connection
 * holder: this process) and with ALLOCATION_WORKER=false the use cases run here. Not moved: the monthly schedule's
 * allocation, inside its one transaction (a failed step changes nothing, as its message says).
 */
@Injectable()
export class FundingWorker implements OnApplicationShutdown {
  static readonly IDLE_MS = 10 * 60_000;
  private readonly logger = new Logger(FundingWorker.name);
  private thread?: Thread;
  private lastId = 0;
  private idle?: NodeJS.Timeout;
  private closing = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(Clock) private readonly clock: Clock,
    private readonly allocateMonth: AllocateMonth,
    private readonly projectYear: ProjectYear,
  ) {
    if (this.inThread) allocateMonth.recomputeStaleWith((actor, read, recomputed) => this.recomputeStale(actor, read, recomputed));
  }

  /** Whether the jobs run in a worker thread (PostgreSQL, ALLOCATION_WORKER not false). */
  get inThread(): boolean {
    return Boolean(this.config.databaseUrl) && this.config.allocationWorker;
  }

  /** The worker thread's id while it runs (tests, the bench). */
  get threadId(): number | undefined {
    return this.thread?.worker.threadId;
  }

  allocate(command: AllocateMonthCommand): Promise<AllocationDetail> {
    return this.inThread ? this.send<AllocationDetail>({ kind: 'allocate', command }) : this.allocateMonth.execute(command);
  }

  project(fiscalYear: number): Promise<YearProjection> {
    return this.inThread ? this.send<YearProjection>({ kind: 'project', fiscalYear }) : this.projectYear.execute(fiscalYear);
  }

  /**
   * The recomputes of STALE months that reads ask for (AllocateMonth.refreshStale, outside a caller's transaction: one
   * at a time, queued there), in the thread. `recomputed` gets the months written or found STALE.
   */
  private async recomputeStale(actor: string, read: StaleRead, recomputed: Set<string>): Promise<void> {
    const { months, error } = await this.send<StaleRecomputes>({ kind: 'recompute-stale', actor, read });
    for (const month of months) recomputed.add(month);
    if (error) throw relayedError(error);
  }

  /**
   * Brings `month` and the earlier months of its year up to date in a transaction of its own, in the thread: what a
   * reconciliation run asks first (MONTH_ALLOCATOR.bringCurrent), so that the allocation inside the run's own
   * transaction finds nothing left to recompute and this process's thread allocates nothing. Where the jobs run in
   * this process it does nothing: the run's transaction allocates, as it always did.
   */
  async bringCurrent(month: string, actor: string): Promise<void> {
    if (this.inThread) await this.send<void>({ kind: 'ensure-current', month, actor });
  }

  /** Starts the thread now, if it runs jobs and is not running (the bench: its allocation timed without the start). */
  async start(): Promise<void> {
    if (this.inThread) await this.started().ready;
  }

  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    await this.stop();
  }

  /** Ends the thread (closing its Nest context, at most 10 s); its jobs still running fail, the next job starts another. */
  async stop(): Promise<void> {
    const thread = this.thread;
    if (!thread) return;
    this.thread = undefined;
    clearTimeout(this.idle);
    const exited = new Promise<void>((done) => thread.worker.once('exit', () => done()));
    thread.worker.postMessage('close');
    const timer = setTimeout(() => void thread.worker.terminate(), 10_000);
    await exited;
    clearTimeout(timer);
  }

  private async send<T>(job: FundingJob): Promise<T> {
    if (this.closing) throw new Error('the service is shutting down');
    const thread = this.started();
    clearTimeout(this.idle);
    const id = ++this.lastId;
    const answer = new Promise<unknown>((resolve, reject) => thread.jobs.set(id, { resolve, reject }));
    // a thread that ends while starting rejects `answer` before it is awaited below: not an unhandled rejection
    answer.catch(() => undefined);
    try {
      await thread.ready;
    } catch (err) {
      thread.jobs.delete(id);
      throw err;
    }
    const time = { sentAt: this.clock.now().getTime(), fixed: this.clock instanceof FixedClock };
    thread.worker.postMessage({ id, job, time } satisfies JobRequest);
    try {
      return (await answer) as T;
    } finally {
      if (!thread.jobs.size && this.thread === thread) this.idle = setTimeout(() => void this.stop(), FundingWorker.IDLE_MS).unref();
    }
  }

  private started(): Thread {
    if (this.thread) return this.thread;
    const { pgliteLoadDataDir: _dump, workerImport, ...config } = this.config;
    const startedAt = performance.now();
    const worker = new Worker(workerScript(workerImport), { workerData: { config: { ...config, schedulerEnabled: false } } });
    const { threadId } = worker; // -1 once it has ended
    const jobs: Thread['jobs'] = new Map();
    const thread: Thread = {
      worker,
      jobs,
      ready: new Promise<void>((resolve, reject) => {
        worker.on('message', (message: ThreadMessage) => {
          if (message === 'ready') return resolve();
          if ('startFailed' in message) return reject(relayedError(message.startFailed));
          const job = jobs.get(message.id);
          jobs.delete(message.id);
          if (message.error) job?.reject(relayedError(message.error));
          else job?.resolve(message.value);
        });
        worker.on('error', (err) => reject(err));
        // ended before it was ready without an error (terminated while starting): the jobs waiting for it fail, not hang
        worker.on('exit', (code) => reject(new Error(`funding worker ended (exit code ${code}) before it was ready`)));
      }),
    };
    thread.ready.then(
      () => this.logger.log(`funding worker thread ${threadId} started in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`),
      () => undefined,
    );
    worker.on('error', (err) => this.logger.error(`funding worker failed: ${err.message}`));
    worker.on('exit', (code) => {
      if (this.thread === thread) {
        this.thread = undefined;
        clearTimeout(this.idle);
      }
      this.logger.log(`funding worker thread ${threadId} ended (exit code ${code})`);
      const lost = new Error(`funding worker ended (exit code ${code}) before answering`);
      for (const job of jobs.values()) job.reject(lost);
      jobs.clear();
    });
    this.thread = thread;
    return thread;
  }
}

/**
 * The thread's script: the built funding-worker.thread.js beside this file; under the specs (this file is TypeScript
 * there), a script that imports `workerImport` (the TypeScript hooks) and then the .ts source.
 */
function workerScript(workerImport: string | undefined): URL {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new URL('./funding-worker.thread.js', here);
  if (!workerImport) throw new Error('ALLOCATION_WORKER from TypeScript sources needs workerImport (the specs\' TypeScript hooks)');
  const source = `await import(${JSON.stringify(workerImport)}); await import(${JSON.stringify(new URL('./funding-worker.thread.ts', here).href)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(source)}`);
}
