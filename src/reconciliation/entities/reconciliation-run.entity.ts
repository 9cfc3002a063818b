import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { RunInputs, RunSummary } from '../reconciliation.types.js';

export type RunStatus = 'RUNNING' | 'DONE' | 'FAILED' | 'FINAL';

/** A versioned snapshot of one month's reconciliation (DOMAIN §9): its inputs' checksums and its results. */
@Entity('reconciliation_run')
@Unique('UQ_reconciliation_run_month_version', ['month', 'version'])
export class ReconciliationRun {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_reconciliation_run' })
  id: string;

  @Column('text')
  month: string;

  @Column('integer')
  version: number;

  @Column('text')
  status: RunStatus;

  /** MANUAL (a user asked) or SCHEDULE (the monthly job). */
  @Column('text')
  trigger: string;

  @Column('jsonb')
  inputs: RunInputs | Record<string, never>;

  /** The API.md summary shape, stored as returned. */
  @Column('jsonb', { nullable: true })
  summary: RunSummary | null;

  @Column('text', { nullable: true })
  error: string | null;

  @Column('text', { name: 'started_by' })
  startedBy: string;

  @Column('timestamptz', { name: 'started_at' })
  startedAt: Date;

  @Column('timestamptz', { name: 'finished_at', nullable: true })
  finishedAt: Date | null;

  @Column('text', { name: 'finalized_by', nullable: true })
  finalizedBy: string | null;

  @Column('timestamptz', { name: 'finalized_at', nullable: true })
  finalizedAt: Date | null;
}
