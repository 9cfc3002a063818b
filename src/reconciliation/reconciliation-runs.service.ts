import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, dayInWib, monthInWib } from '../common/clock/clock.js';
import { frozenUnreconciled } from '../periods/sql/frozen-unreconciled.sql.js';
import { dueDate } from '../payments/payment-status.js';
import { ReconciliationRun } from './entities/reconciliation-run.entity.js';
import { ReconciliationException } from './reconciliation.exception.js';
import { correctionsView } from './closed-month-corrections.js';
import { changedSince, newerRun } from './run-inputs.js';
import { runComplianceWarnings } from './run-compliance.js';
import type { Category, RunInputs } from './reconciliation.types.js';

/** Reads of runs and their findings for the routes (and the reports module). */
@Injectable()
export class ReconciliationRuns {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async get(id: string) {
    return this.view(await this.runOf(id));
  }

  /** The run as the routes answer it: its `warnings` with the Dana Desa rule's of the pledges it used (run-compliance.ts). */
  private async view(run: ReconciliationRun) {
    const view = toView(run);
    const compliance = run.summary ? await runComplianceWarnings(this.dataSource, run) : [];
    return compliance.length ? { ...view, warnings: [...(run.summary?.warnings ?? []), ...compliance] } : view;
  }

  /**
   * One run for its page: with `changes`, for a DONE run, what changed in its month since it ran,
   * in the words finalize would refuse it with (changedSince): a newer bill, payments recorded since,
   * a re-allocation waiting. Empty when the run still holds; null for a run that is not DONE.
   */
  async getWithChanges(id: string) {
    const run = await this.runOf(id);
    // the Dasbor reads it here: the frozen months never reconciled (QA, year end: said nowhere)
    const month = { ...this.monthFacts(run.month), frozenUnreconciled: await frozenUnreconciled(this.dataSource.manager) };
    // a DONE run has its inputs (RUNNING and FAILED ones hold {})
    const view = await this.view(run);
    if (run.status !== 'DONE') return { ...view, ...month, changes: null };
    const newer = await newerRun(this.dataSource, run.month, run.version);
    return { ...view, ...month, changes: [...(newer ? [newer] : []), ...(await changedSince(this.dataSource, run.month, run.inputs as RunInputs))] };
  }

  /**
   * When the run's month's premiums are due (§8, the 10th) and whether the month has ended today (WIB, the injected
   * Clock): a month may be finalized before either (QA: December finalized on 6 December, its on-time SP2D then refused
   * MONTH_CLOSED), so the console warns before it is confirmed.
   */
  private monthFacts(month: string): { dueDate: string; dueDatePassed: boolean; monthEnded: boolean } {
    const now = this.clock.now();
    return { dueDate: dueDate(month), dueDatePassed: dayInWib(now) > dueDate(month), monthEnded: monthInWib(now) > month };
  }

  private async runOf(id: string): Promise<ReconciliationRun> {
    const run = await this.dataSource.getRepository(ReconciliationRun).findOne({ where: { id } });
    if (!run) throw ReconciliationException.runNotFound(id);
    return run;
  }

  /** Runs of a month, newest version first. */
  async list(month: string) {
    const runs = await this.dataSource.getRepository(ReconciliationRun).find({ where: { month }, order: { version: 'DESC' } });
    return Promise.all(runs.map((run) => this.view(run)));
  }

  async findings(id: string, query: { category?: Category; page: number; pageSize: number }) {
    await this.runOf(id);
    const params: unknown[] = [id];
    let where = 'run_id = $1';
    if (query.category) {
      params.push(query.category);
      where += ' AND category = $2';
    }
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM finding WHERE ${where}`, params);
    const rows: { category: string; nik: string | null; noka: string | null; registerNoka: string | null; name: string | null; rowNumber: number | null; billedAmount: string | null; expectedAmount: string | null; action: string }[] =
      await this.dataSource.query(
        `SELECT seq, category, nik, noka, register_noka AS "registerNoka", name, row_number AS "rowNumber", billed_amount AS "billedAmount", expected_amount AS "expectedAmount", action
         FROM finding WHERE ${where} ORDER BY seq LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
        params,
      );
    const money = (v: string | null) => (v === null ? null : Number(v));
    return {
      items: rows.map((r) => ({ ...r, billedAmount: money(r.billedAmount), expectedAmount: money(r.expectedAmount) })),
      total: Number(total),
    };
  }
}

function toView(run: ReconciliationRun) {
  return {
    id: run.id,
    month: run.month,
    version: run.version,
    status: run.status,
    ...(run.summary ?? {}),
    // the figures; the participant-months are the workbook's (Koreksi Peserta Bulan Tertutup)
    ...(run.summary?.closedMonthCorrections ? { closedMonthCorrections: correctionsView(run.summary.closedMonthCorrections) } : {}),
    trigger: run.trigger,
    inputs: run.inputs,
    error: run.error,
    startedBy: run.startedBy,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    finalizedBy: run.finalizedBy,
    finalizedAt: run.finalizedAt,
  };
}
