import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, dayInWib } from '../../common/clock/clock.js';
import { makeMonthsDurable } from '../../funding/use-cases/month-partitions.js';
import { dueDate } from '../../payments/payment-status.js';
import { PaymentStatuses } from '../../payments/payment-statuses.service.js';
import { CLOSED_MONTHS_BY } from '../../periods/sql/frozen-allocations.sql.js';
import { openMonthToRecordIn } from '../../periods/open-month.js';
import { monthsFrozenByFinalize, type MonthToFreeze } from '../../periods/sql/months-frozen-by-finalize.sql.js';
import { monthsBetween } from '../../common/month.js';
import { dueDateNotPassedWarning, freezesOpenMonthsWarning, type FinalizeWarning } from '../finalize-warnings.js';
import { ReconciliationException } from '../reconciliation.exception.js';
import type { RunInputs } from '../reconciliation.types.js';
import { lockAllMonthInputs } from '../../periods/month-input-locks.js';
import { lockFinalize, lockReconciliationForFinalize } from '../run-lock.js';
import { changedSince } from '../run-inputs.js';

interface RunRow {
  id: string;
  month: string;
  version: number | string;
  status: string;
  started_by: string;
  inputs: unknown;
}

export interface FinalizeRunCommand {
  runId: string;
  actor: string;
}

/**
 * Finalizes a run (DOMAIN §9), maker-checker: the finance officer who finalizes is not the one
 * who started the run. Only a DONE run that is the latest version of its month, that took a BPJS
 * bill, and whose inputs are still what the month holds (assertInputsUnchanged), can be finalized. The run becomes FINAL and the
 * month is closed (`closed_month`): from then on nothing touching it may change. Its allocation, and
 * that of the earlier months of its year it freezes, is made durable (makeMonthsDurable: an open
 * month's is recomputed after a database crash, a closed month's never is).
 */
@Injectable()
export class FinalizeRun {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(PaymentStatuses) private readonly paymentStatuses: PaymentStatuses,
  ) {}

  execute(command: FinalizeRunCommand) {
    return this.dataSource.transaction((m) => this.finalize(command, m));
  }

  private async finalize({ runId, actor }: FinalizeRunCommand, m: EntityManager) {
    const first = await this.readRun(runId, m);
    // On what is committed, without waiting: each of these refusals stays true once it holds.
    await this.assertFinalizable(first, actor, m);
    // Another finalize of the month is waited for (bounded); then the reconciliation lock can only be
    // held by a run, which is answered at once (QA: a finalize meeting another was told a run was going on).
    if (!(await lockFinalize(m, first.month))) throw ReconciliationException.finalizeInProgress(first.month);
    if (!(await lockReconciliationForFinalize(m, first.month))) throw ReconciliationException.inProgress(first.month);
    // Again, as it stands now: the finalize waited for may have closed the month, a run made a newer version.
    const run = await this.readRun(runId, m);
    await this.assertFinalizable(run, actor, m);
    // A bill, PBI-APBN list or payment being stored now commits first and is then seen as a change;
    // one started after this waits, then finds the month closed (QA: a version stored after finalize).
    await lockAllMonthInputs(m, run.month);
    await this.assertInputsUnchanged(run.month, run.inputs as RunInputs, m);

    // read before the month closes: afterwards they are frozen with it
    const toFreeze = await monthsFrozenByFinalize(m, run.month);
    const now = this.clock.now();
    await m.query(`UPDATE reconciliation_run SET status = 'FINAL', finalized_by = $2, finalized_at = $3 WHERE id = $1`, [runId, actor, now]);
    await m.query('INSERT INTO closed_month (month, run_id, closed_by, closed_at) VALUES ($1, $2, $3, $4)', [run.month, runId, actor, now]);
    await makeMonthsDurable(m, run.month);
    const closed: { month: string }[] = await m.query(CLOSED_MONTHS_BY);
    const warnings = await this.warnings(run.month, dayInWib(now), toFreeze, new Set(closed.map((c) => c.month)), m);
    return { id: runId, month: run.month as string, version: Number(run.version), status: 'FINAL' as const, finalizedBy: actor, warnings };
  }

  /**
   * GET /reconciliations/:id/finalize-preview: the warnings finalizing the run now would answer, for the console's
   * question before it is confirmed (QA: it said only that the earlier months' allocation is frozen). Nothing is
   * checked or locked: finalize still refuses what it refuses. A run that is not DONE, or whose month is closed, has none.
   */
  async preview(runId: string): Promise<{ id: string; month: string; warnings: FinalizeWarning[] }> {
    const m = this.dataSource.manager;
    const run = await this.readRun(runId, m);
    const closedBy: { month: string }[] = await m.query(CLOSED_MONTHS_BY);
    const closed = new Set(closedBy.map((c) => c.month));
    if (run.status !== 'DONE' || closed.has(run.month)) return { id: run.id, month: run.month, warnings: [] };
    const toFreeze = await monthsFrozenByFinalize(m, run.month);
    // as they would be once it is finalized: the month and every earlier month of its year
    for (const month of monthsBetween(`${run.month.slice(0, 4)}-01`, run.month)) closed.add(month);
    return { id: run.id, month: run.month, warnings: await this.warnings(run.month, dayInWib(this.clock.now()), toFreeze, closed, m) };
  }

  /**
   * FREEZES_OPEN_MONTHS for the months `toFreeze` the finalization freezes, and DUE_DATE_NOT_PASSED, read only on or
   * before the month's due date (the statuses cost a query) (finalize-warnings.ts); `closed`: the closed months once
   * finalized, for the open month their payments go to.
   */
  private async warnings(month: string, today: string, toFreeze: readonly MonthToFreeze[], closed: ReadonlySet<string>, m: EntityManager): Promise<FinalizeWarning[]> {
    const warnings: FinalizeWarning[] = [];
    if (today <= dueDate(month)) {
      const statuses = await this.paymentStatuses.forMonth(month, m);
      const due = dueDateNotPassedWarning(month, dueDate(month), today, statuses, openMonthToRecordIn(month, today.slice(0, 7), closed));
      if (due) warnings.push(due);
    }
    const frozen = toFreeze.length ? freezesOpenMonthsWarning(month, toFreeze, openMonthToRecordIn(toFreeze.at(-1)!.month, today.slice(0, 7), closed)) : null;
    if (frozen) warnings.push(frozen);
    return warnings;
  }

  private async readRun(runId: string, m: EntityManager): Promise<RunRow> {
    const [run] = await m.query('SELECT id, month, version, status, started_by, inputs FROM reconciliation_run WHERE id = $1', [runId]);
    if (!run) throw ReconciliationException.runNotFound(runId);
    return run;
  }

  /**
   * The refusals before the inputs are compared, the person first, then the version: the officer who
   * started the run and a run that is not the latest hear that, whichever finalize of the month ended first.
   */
  private async assertFinalizable(run: RunRow, actor: string, m: EntityManager): Promise<void> {
    if (run.started_by === actor) throw ReconciliationException.samePerson();
    const [{ latest }] = await m.query('SELECT max(version) AS latest FROM reconciliation_run WHERE month = $1', [run.month]);
    if (Number(latest) !== Number(run.version)) throw ReconciliationException.notLatest(run.month, Number(latest));
    // who finalized it and when, said to the one who came second (QA)
    const [closed] = await m.query(
      'SELECT c.closed_by AS "closedBy", c.closed_at AS "closedAt", r.version FROM closed_month c LEFT JOIN reconciliation_run r ON r.id = c.run_id WHERE c.month = $1',
      [run.month],
    );
    if (closed || run.status === 'FINAL') {
      throw ReconciliationException.alreadyFinal(run.month, closed && { closedBy: closed.closedBy, closedAt: new Date(closed.closedAt), version: closed.version === null ? null : Number(closed.version) });
    }
    if (run.status !== 'DONE') throw ReconciliationException.notFinalizable(run.status);
    ReconciliationException.assertStarted(run.month, this.clock.now());
    if (!(run.inputs as RunInputs).bill) {
      const billNow = (await m.query('SELECT 1 FROM bill WHERE month = $1 LIMIT 1', [run.month])).length > 0;
      throw ReconciliationException.billMissing(run.month, billNow);
    }
  }

  /**
   * The run's figures are what the month holds now (changedSince): otherwise the signed workbook
   * would say other figures than the closed month keeps.
   */
  private async assertInputsUnchanged(month: string, inputs: RunInputs, m: EntityManager): Promise<void> {
    const changes = await changedSince(m, month, inputs);
    if (changes.length) throw ReconciliationException.inputsChanged(month, changes);
  }
}
