import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock/clock.js';
import { ReconciliationException } from '../reconciliation.exception.js';
import type { RunInputs } from '../reconciliation.types.js';
import { lockAllMonthInputs } from '../../periods/month-input-locks.js';
import { tryLockReconciliation } from '../run-lock.js';
import { changedSince } from '../run-inputs.js';

export interface FinalizeRunCommand {
  runId: string;
  actor: string;
}

/**
 * Finalizes a run (DOMAIN §9), maker-checker: the finance officer who finalizes is not the one
 * who started the run. Only a DONE run that is the latest version of its month, that took a BPJS
 * bill, and whose inputs are still what the month holds (assertInputsUnchanged), can be finalized. The run becomes FINAL and the
 * month is closed (`closed_month`): from then on nothing touching it may change.
 */
@Injectable()
export class FinalizeRun {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  execute(command: FinalizeRunCommand) {
    return this.dataSource.transaction((m) => this.finalize(command, m));
  }

  private async finalize({ runId, actor }: FinalizeRunCommand, m: EntityManager) {
    const [run] = await m.query('SELECT id, month, version, status, started_by, inputs FROM reconciliation_run WHERE id = $1', [runId]);
    if (!run) throw ReconciliationException.runNotFound(runId);
    if (!(await tryLockReconciliation(m, run.month))) throw ReconciliationException.inProgress(run.month);
    const [closed] = await m.query('SELECT 1 FROM closed_month WHERE month = $1', [run.month]);
    if (closed || run.status === 'FINAL') throw ReconciliationException.alreadyFinal(run.month);
    if (run.status !== 'DONE') throw ReconciliationException.notFinalizable(run.status);
    const [{ latest }] = await m.query('SELECT max(version) AS latest FROM reconciliation_run WHERE month = $1', [run.month]);
    if (Number(latest) !== Number(run.version)) throw ReconciliationException.notLatest(run.month, Number(latest));
    if (run.started_by === actor) throw ReconciliationException.samePerson();
    ReconciliationException.assertStarted(run.month, this.clock.now());
    if (!(run.inputs as RunInputs).bill) {
      const billNow = (await m.query('SELECT 1 FROM bill WHERE month = $1 LIMIT 1', [run.month])).length > 0;
      throw ReconciliationException.billMissing(run.month, billNow);
    }
    // A bill, PBI-APBN list or payment being stored now commits first and is then seen as a change;
    // one started after this waits, then finds the month closed (QA: a version stored after finalize).
    await lockAllMonthInputs(m, run.month);
    await this.assertInputsUnchanged(run.month, run.inputs as RunInputs, m);

    const now = this.clock.now();
    await m.query(`UPDATE reconciliation_run SET status = 'FINAL', finalized_by = $2, finalized_at = $3 WHERE id = $1`, [runId, actor, now]);
    await m.query('INSERT INTO closed_month (month, run_id, closed_by, closed_at) VALUES ($1, $2, $3, $4)', [run.month, runId, actor, now]);
    return { id: runId, month: run.month as string, version: Number(run.version), status: 'FINAL' as const, finalizedBy: actor };
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
