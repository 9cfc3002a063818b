import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import { Clock, monthInWib } from '../../common/clock/clock.js';
import { DomainException } from '../../common/errors/domain.exception.js';
import { systemFailureMessage } from '../../common/errors/system-failure.js';
import { addMonths, monthName, monthsBetween } from '../../common/month.js';
import { ClosedMonths } from '../../periods/closed-months.service.js';
import { MONTH_ALLOCATOR, type MonthAllocator } from '../month-allocator.js';
import { tryLockSchedule } from '../run-lock.js';
import { ReconcileMonth, type RunHeader } from '../use-cases/reconcile-month.use-case.js';

/** Who the audit trail names for scheduled work. */
export const SCHEDULER_ACTOR = 'system:jadwal-bulanan';

export type ScheduleOutcome =
  | { month: string; status: 'DONE'; allocated: boolean; reconciliation: (RunHeader & { month: string }) | null }
  | { month: string; status: 'SKIPPED'; reason: 'LOCKED_BY_OTHER_INSTANCE' | 'ALREADY_DONE' }
  | { month: string; status: 'FAILED'; error: string };

/**
 * The monthly job (DOMAIN §10), callable by the cron, the start-up catch-up and tests, always with
 * an explicit time. For month M: compute the obligations and allocation of M, and re-run the
 * reconciliation of M-1 if its bill has arrived and M-1 is not finalized, all in one transaction.
 *
 * Exactly once per month across instances: a transaction-scoped advisory lock on M, plus the
 * `scheduled_month` row (primary key M) written in the same transaction. A failure rolls the whole
 * step back, is recorded (FAILED outcome, FAILED reconciliation run, audit) separately, and the month
 * is retried on the next trigger because only DONE months count as handled.
 */
@Injectable()
export class MonthlySchedule {
  private readonly logger = new Logger(MonthlySchedule.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(ClosedMonths) private readonly closedMonths: ClosedMonths,
    @Inject(MONTH_ALLOCATOR) private readonly allocator: MonthAllocator,
    @Inject(ReconcileMonth) private readonly reconcileMonth: ReconcileMonth,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  /**
   * Months to handle at `now`, oldest first: every month after the last DONE one up to the current
   * WIB month, plus earlier FAILED ones (retries). Before the first outcome ever: from the earliest
   * month with a bill or a payment (else the current month).
   */
  async dueMonths(now: Date): Promise<string[]> {
    const current = monthInWib(now);
    const [{ lastDone, earliest }] = await this.dataSource.query(`
      SELECT (SELECT max(month) FROM scheduled_month WHERE status = 'DONE') AS "lastDone",
             least((SELECT min(month) FROM bill), (SELECT min(month) FROM payment)) AS earliest`);
    const failed: { month: string }[] = await this.dataSource.query(`SELECT month FROM scheduled_month WHERE status = 'FAILED' AND month <= $1 ORDER BY month`, [current]);
    const from: string = lastDone ? addMonths(lastDone, 1) : earliest && earliest < current ? earliest : current;
    const due = new Set([...failed.map((f) => f.month), ...(from <= current ? monthsBetween(from, current) : [])]);
    return [...due].sort();
  }

  /** Handles every due month, oldest first; stops when another instance holds a month (it is catching up). */
  async runDue(now: Date = this.clock.now()): Promise<ScheduleOutcome[]> {
    const outcomes: ScheduleOutcome[] = [];
    for (const month of await this.dueMonths(now)) {
      const outcome = await this.runMonth(month);
      outcomes.push(outcome);
      if (outcome.status === 'SKIPPED' && outcome.reason === 'LOCKED_BY_OTHER_INSTANCE') break;
    }
    return outcomes;
  }

  async runMonth(month: string): Promise<ScheduleOutcome> {
    const previous = addMonths(month, -1);
    let reconciling = false;
    try {
      return await this.dataSource.transaction(async (m) => {
        if (!(await tryLockSchedule(m, month))) return { month, status: 'SKIPPED', reason: 'LOCKED_BY_OTHER_INSTANCE' } as const;
        const [row] = await m.query('SELECT status FROM scheduled_month WHERE month = $1', [month]);
        if (row?.status === 'DONE') return { month, status: 'SKIPPED', reason: 'ALREADY_DONE' } as const;

        const allocated = !(await this.closedMonths.isClosed(month, m));
        if (allocated) await this.allocator.ensureCurrent(month, SCHEDULER_ACTOR, m);
        let reconciliation: RunHeader | null = null;
        if (!(await this.closedMonths.isClosed(previous, m)) && (await this.hasBill(previous, m))) {
          reconciling = true;
          reconciliation = await this.reconcileMonth.runInTransaction({ month: previous, actor: SCHEDULER_ACTOR, trigger: 'SCHEDULE' }, m);
        }
        const outcome = { month, status: 'DONE', allocated, reconciliation } as const;
        await this.saveOutcome(m, month, 'DONE', outcome, null);
        await this.audit.record({ actor: SCHEDULER_ACTOR, action: 'schedule.run', entity: 'scheduled_month', entityId: month, summary: outcome }, m);
        return outcome;
      });
    } catch (err) {
      this.logger.error(`Scheduled run of ${month} failed: ${err instanceof Error ? err.message : String(err)}`);
      // what users read (the audit trail, the answer): a domain error's own message; any other, that the system failed
      // and when, the raw error (the database's English) being in the log only (as a failed upload or run)
      const error =
        err instanceof DomainException
          ? err.message
          : systemFailureMessage(`Proses terjadwal bulan ${monthName(month)}`, 'alokasi dan rekonsiliasi bulan itu tidak berubah', 'Proses ini diulang otomatis pada jadwal berikutnya', this.clock.now());
      if (reconciling && !(err instanceof DomainException)) {
        await this.reconcileMonth.recordFailure({ month: previous, actor: SCHEDULER_ACTOR, trigger: 'SCHEDULE' }, err);
      }
      await this.dataSource.transaction(async (m) => {
        await this.saveOutcome(m, month, 'FAILED', {}, error);
        await this.audit.record({ actor: SCHEDULER_ACTOR, action: 'schedule.fail', entity: 'scheduled_month', entityId: month, summary: { month, error } }, m);
      });
      return { month, status: 'FAILED', error };
    }
  }

  private async hasBill(month: string, m: EntityManager): Promise<boolean> {
    const [row] = await m.query('SELECT 1 FROM bill WHERE month = $1 LIMIT 1', [month]);
    return Boolean(row);
  }

  private async saveOutcome(m: EntityManager, month: string, status: 'DONE' | 'FAILED', outcome: object, error: string | null): Promise<void> {
    await m.query(
      `INSERT INTO scheduled_month (month, status, attempts, outcome, error, ran_at) VALUES ($1, $2, 1, $3, $4, $5)
       ON CONFLICT (month) DO UPDATE SET status = EXCLUDED.status, attempts = scheduled_month.attempts + 1,
         outcome = EXCLUDED.outcome, error = EXCLUDED.error, ran_at = EXCLUDED.ran_at`,
      [month, status, JSON.stringify(outcome), error, this.clock.now()],
    );
  }
}
