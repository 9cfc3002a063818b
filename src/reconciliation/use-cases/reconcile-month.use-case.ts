import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import { Clock } from '../../common/clock/clock.js';
import { DomainException } from '../../common/errors/domain.exception.js';
import { systemFailureMessage } from '../../common/errors/system-failure.js';
import { NO_JIT } from '../../common/database/no-jit.js';
import { firstDay, lastDay } from '../../common/month.js';
import { PaymentStatuses } from '../../payments/payment-statuses.service.js';
import { ClosedMonths } from '../../periods/closed-months.service.js';
import { FINDING_ACTIONS } from '../finding-actions.js';
import { MONTH_ALLOCATOR, type MonthAllocator } from '../month-allocator.js';
import { ReconciliationException } from '../reconciliation.exception.js';
import { CATEGORIES, type Category, type RunInputs, type RunSummary } from '../reconciliation.types.js';
import { reconciliationUnderway, tryLockReconciliation } from '../run-lock.js';
import { noPledgesFor } from '../../funding/allocations/allocation-summary.js';
import { pledgesNotRenewed } from '../../funding/allocations/pledges-not-renewed.js';
import { billRowsRejectedWarning, frozenDriftWarning, noBillWarning, noPbiListWarning, type RunWarning } from '../run-warnings.js';
import { correctionsDigest, readClosedMonthCorrections } from '../closed-month-corrections.js';
import { digest, monthDigests, readMonthInputs } from '../run-inputs.js';
import { FROZEN_MONTH_DRIFT, LATEST_INPUTS, RECONCILE_BILL } from '../sql/reconcile.sql.js';

export interface ReconcileMonthCommand {
  month: string;
  actor: string;
  trigger?: 'MANUAL' | 'SCHEDULE';
}

export interface RunHeader {
  id: string;
  month: string;
  version: number;
  status: 'DONE' | 'FAILED';
}

/** The answer of a manual start (POST /reconciliations): the header, and what the officer should hear (run-warnings.ts). */
export interface StartedRun extends RunHeader {
  warnings: RunWarning[];
}

interface VersionedInput {
  id: string;
  version: number;
  checksum: string;
  invoiceTotal?: string;
  /** bills: the rows the upload refused (null for bills stored before the counts were kept) */
  rejected?: number | null;
}

interface BillRankRow {
  rank: number;
  count: number;
  payable: string;
  overbilled: string;
  underbilled: string;
  billed: string;
  register_hash: string;
}

/**
 * Reconciles one month (DOMAIN §7, §8, §9) as a versioned snapshot, in ONE transaction: bring the
 * allocation up to date, categorize every bill line, write the findings and the summary. Either
 * everything is stored (status DONE) or nothing is; a failure is then recorded separately as a
 * FAILED run with the error. Exactly one session reconciles a month at a time (advisory lock,
 * plus the unique index on RUNNING runs). Within this process a second run of a month is also
 * refused at once (`reconciling`), before it waits for a connection: on the embedded database (one
 * connection) it would otherwise wait for the first run and then make the next version.
 */
@Injectable()
export class ReconcileMonth {
  private readonly logger = new Logger(ReconcileMonth.name);
  /** Months this process is reconciling now. */
  private readonly reconciling = new Set<string>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(ClosedMonths) private readonly closedMonths: ClosedMonths,
    @Inject(MONTH_ALLOCATOR) private readonly allocator: MonthAllocator,
    @Inject(PaymentStatuses) private readonly paymentStatuses: PaymentStatuses,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async execute(command: ReconcileMonthCommand): Promise<StartedRun> {
    const release = this.claim(command.month);
    try {
      ReconciliationException.assertRunnable(command.month, this.clock.now());
      // the month's allocation first, outside the run's transaction (on PostgreSQL in the funding worker's thread);
      // not while another session reconciles or finalizes the month: the run is then refused below (RUN_IN_PROGRESS)
      // at once, as ever, instead of waiting for that session's allocation lock and running after it
      if (this.allocator.bringsCurrentAhead && !(await reconciliationUnderway(this.dataSource, command.month))) {
        await this.allocator.bringCurrent(command.month, command.actor);
      }
      const { header, warnings } = await this.dataSource.transaction((m) => this.reconcile(command, m));
      return { ...header, warnings };
    } catch (err) {
      if (err instanceof DomainException) throw err;
      const runId = await this.recordFailure(command, err);
      throw ReconciliationException.failed(command.month, runId);
    } finally {
      release();
    }
  }

  /**
   * The whole run inside the caller's transaction (the schedule's); throws (and stores nothing once rolled back) on failure.
   * The header only: the schedule runs a month once its bill has arrived, and keeps the header as its outcome.
   */
  async runInTransaction(command: ReconcileMonthCommand, m: EntityManager): Promise<RunHeader> {
    const release = this.claim(command.month);
    try {
      ReconciliationException.assertRunnable(command.month, this.clock.now());
      return (await this.reconcile(command, m)).header;
    } finally {
      release();
    }
  }

  /** Marks `month` as reconciled by this process until the returned release; 409 RUN_IN_PROGRESS if it already is. */
  private claim(month: string): () => void {
    if (this.reconciling.has(month)) throw ReconciliationException.inProgress(month);
    this.reconciling.add(month);
    return () => this.reconciling.delete(month);
  }

  /** The run in `m`; its callers (execute, runInTransaction) have checked that the month can be reconciled now. */
  private async reconcile(command: ReconcileMonthCommand, m: EntityManager): Promise<{ header: RunHeader; warnings: RunWarning[] }> {
    const { month, actor } = command;
    if (!(await tryLockReconciliation(m, month))) throw ReconciliationException.inProgress(month);
    await this.closedMonths.assertOpen([month], m);
    await this.allocator.ensureCurrent(month, actor, m);

    const [{ version }] = await m.query('SELECT coalesce(max(version), 0) + 1 AS version FROM reconciliation_run WHERE month = $1', [month]);
    const [{ id }] = await m.query(
      `INSERT INTO reconciliation_run (month, version, status, trigger, started_by, started_at)
       VALUES ($1, $2, 'RUNNING', $3, $4, $5) RETURNING id`,
      [month, version, command.trigger ?? 'MANUAL', actor, this.clock.now()],
    );

    const { summary: computed, inputs, bill } = await this.compute(id, month, m);
    // what the officer should hear is kept with the run, so that whoever finalizes it (and its workbook) hears it too
    // (QA: the frozen month's warning was in the starting answer only; a scheduled run's was heard by nobody)
    // a year without any pledge, as the allocation says it (QA: such a December was finalized unwarned, and then no
    // pledge of that year could ever be recorded)
    // and the funders of the year before with no pledge this year, as the allocation says it (QA: January 2027)
    const noPledges = ((await noPledgesFor(m, month, computed.participants)) ?? (await pledgesNotRenewed(m, month, computed.participants))) as RunWarning | null;
    const noList = inputs.pbiApbnList ? null : noPbiListWarning(month); // double coverage not checked (QA: finalized unwarned)
    // rows the bill's upload refused are no lines: whoever they billed counts as NOT_BILLED (QA: finalized unwarned)
    const refused = bill ? billRowsRejectedWarning(month, { version: Number(bill.version), rejected: bill.rejected ?? null }) : null;
    const warnings = [computed.bill ? null : noBillWarning(month), refused, noList, noPledges, await this.frozenDrift(month, m)].filter(
      (w): w is RunWarning => w !== null,
    );
    const summary: RunSummary = { ...computed, warnings };
    await m.query(`UPDATE reconciliation_run SET status = 'DONE', inputs = $2, summary = $3, finished_at = $4 WHERE id = $1`, [
      id,
      JSON.stringify(inputs),
      JSON.stringify(summary),
      this.clock.now(),
    ]);
    await this.audit.record(
      {
        actor,
        action: 'reconciliation.run',
        entity: 'reconciliation_run',
        entityId: id,
        summary: { month, version, trigger: command.trigger ?? 'MANUAL', status: 'DONE', bill: summary.bill, findings: summary.findings },
      },
      m,
    );
    // allowed (a draft to look at), but said: without a bill it has no bill findings and cannot be finalized (BILL_MISSING)
    return { header: { id, month, version: Number(version), status: 'DONE' }, warnings };
  }

  /** For a frozen month, what of its obligations the register no longer agrees with (FROZEN_MONTH_DRIFT). */
  private async frozenDrift(month: string, m: EntityManager): Promise<RunWarning | null> {
    const [row] = await m.query(FROZEN_MONTH_DRIFT, [month, firstDay(month), lastDay(month)]);
    if (!row) return null;
    return frozenDriftWarning(month, { ended: Number(row.ended), endedAmount: Number(row.ended_amount), endedNiks: row.ended_niks, added: Number(row.added), addedNiks: row.added_niks });
  }

  /**
   * Records a FAILED run (its own version), in a transaction of its own. Returns its id. The error (unexpected: a
   * domain error fails no run) goes to the server log only; the run and its audit event keep what users read: a system
   * error, nothing changed, run again, the time to quote to the admin (QA: the database's English text on the run page).
   */
  async recordFailure(command: ReconcileMonthCommand, err: unknown): Promise<string> {
    const now = this.clock.now();
    this.logger.error(`Reconciliation of ${command.month} failed`, err instanceof Error ? err.stack : String(err));
    const message =
      err instanceof DomainException
        ? err.message
        : systemFailureMessage('Rekonsiliasi', 'hasil rekonsiliasi sebelumnya tidak berubah', 'Jalankan ulang rekonsiliasi', now);
    return this.dataSource.transaction(async (m) => {
      const [{ id, version }] = await m.query(
        `INSERT INTO reconciliation_run (month, version, status, trigger, started_by, started_at, finished_at, error)
         SELECT $1, coalesce(max(version), 0) + 1, 'FAILED', $2, $3, $4, $4, $5 FROM reconciliation_run WHERE month = $1
         RETURNING id, version`,
        [command.month, command.trigger ?? 'MANUAL', command.actor, now, message.slice(0, 2000)],
      );
      await this.audit.record(
        { actor: command.actor, action: 'reconciliation.fail', entity: 'reconciliation_run', entityId: id, summary: { month: command.month, version, error: message.slice(0, 500) } },
        m,
      );
      return id as string;
    });
  }

  private async compute(runId: string, month: string, m: EntityManager): Promise<{ summary: RunSummary; inputs: RunInputs; bill: VersionedInput | null }> {
    // for the rest of the run's transaction: the statements below read the month's bill lines, obligations and splits
    // in bulk, are estimated far above jit_above_cost, and JIT spent 0.7-1.4 s compiling them in a run of 5-7 s while
    // saving less than that (bench:reconcile, session 49)
    await m.query(NO_JIT);
    const [latest] = await m.query(LATEST_INPUTS, [month]);
    const bill = parseJson<VersionedInput>(latest.bill);
    const pbi = parseJson<VersionedInput>(latest.pbi);

    const monthRows = await readMonthInputs(m, month);
    const { totals, funded } = monthRows;
    const ranks: BillRankRow[] = await m.query(RECONCILE_BILL, [
      runId,
      month,
      bill?.id ?? null,
      pbi?.id ?? null,
      firstDay(month),
      JSON.stringify(FINDING_ACTIONS),
      JSON.stringify(CATEGORIES),
    ]);

    const findings = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
    let payable = 0n, overbilled = 0n, underbilled = 0n, linesTotal = 0n, registerHash = 0n, lineCount = 0;
    for (const row of ranks) {
      findings[CATEGORIES[Number(row.rank) - 1]] = Number(row.count);
      payable += BigInt(row.payable);
      overbilled += BigInt(row.overbilled);
      underbilled += BigInt(row.underbilled);
      if (Number(row.rank) <= 7) {
        linesTotal += BigInt(row.billed);
        lineCount += Number(row.count);
      }
      registerHash += BigInt(row.register_hash);
    }

    // what the register now says of the closed months before this one (its year's and the year before's), kept with the run (§9: corrected in an open month; QA: a
    // death recorded after November was finalized, November's Rp37.800 paid for him, and December said nothing of it)
    const closedMonthCorrections = await readClosedMonthCorrections(m, month);
    const summary: RunSummary = {
      participants: Number(totals.participants),
      obligation: Number(totals.obligation),
      funded: funded.map((f) => ({ pledgeCode: f.pledgeCode, sourceType: f.sourceType, participants: Number(f.participants), amount: Number(f.amount) })),
      unfunded: { participants: Number(totals.unfundedParticipants), amount: Number(totals.unfundedAmount) },
      bill: bill
        ? {
            invoiceTotal: Number(bill.invoiceTotal),
            linesTotal: Number(linesTotal),
            payable: Number(payable),
            overbilled: Number(overbilled),
            underbilled: Number(underbilled),
          }
        : null,
      findings,
      payments: await this.paymentStatuses.withDue(month, new Map(funded.map((f) => [f.pledgeCode, Number(f.amount)])), m),
      closedMonthCorrections,
    };
    const inputs: RunInputs = {
      bill: bill ? { id: bill.id, version: Number(bill.version), checksum: bill.checksum } : null,
      pbiApbnList: pbi ? { id: pbi.id, version: Number(pbi.version), checksum: pbi.checksum } : null,
      ...monthDigests(monthRows),
      register: digest(`${lineCount}:${registerHash}`),
      closedMonthCorrections: correctionsDigest(closedMonthCorrections),
    };
    return { summary, inputs, bill };
  }
}

function parseJson<T>(value: unknown): T | null {
  if (value === null || value === undefined) return null;
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

