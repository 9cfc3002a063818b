/**
 * Moves an upload's staged rows into the register in ONE transaction: NOKA conflicts rejected,
 * history written, participants upserted, the upload marked DONE with its counts, an audit event
 * appended. Any error rolls all of it back (the caller then marks the upload FAILED).
 * Promotions are serialised by an advisory lock so concurrent uploads cannot both take one NOKA.
 */
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock/clock.js';
import { COUNT_OUTCOMES, MARK_OPEN_ALLOCATIONS_STALE, PROMOTE, REGISTER_PROMOTION_LOCK, REJECT_TAKEN_NOKA } from './sql/promote.sql.js';
import { CLEAR_STAGING } from './sql/staging.sql.js';

export interface PromotionCounts {
  rowsRead: number;
  accepted: number;
  rejected: number;
  warnings: number;
  created: number;
  updated: number;
  unchanged: number;
}

@Injectable()
export class EnrollmentPromoter {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(Clock) private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  promote(uploadId: string, actor: string, rowsRead: number): Promise<PromotionCounts> {
    return this.dataSource.transaction((m) => this.promoteIn(m, uploadId, actor, rowsRead));
  }

  /** The steps, on the transaction's manager only (PGlite has one connection). */
  protected async promoteIn(m: EntityManager, uploadId: string, actor: string, rowsRead: number): Promise<PromotionCounts> {
    const now = this.clock.now();
    await m.query('SELECT pg_advisory_xact_lock($1)', [REGISTER_PROMOTION_LOCK]);
    await m.query(REJECT_TAKEN_NOKA, [uploadId]);
    const [releasing] = await m.query(PROMOTE, [uploadId, actor, now, true]);
    const [holding] = await m.query(PROMOTE, [uploadId, actor, now, false]);
    const created: number = releasing.created + holding.created;
    const updated: number = releasing.updated + holding.updated;
    if (created + updated > 0) await m.query(MARK_OPEN_ALLOCATIONS_STALE);
    const [{ accepted, rejected, warned }] = await m.query(COUNT_OUTCOMES, [uploadId]);
    await m.query(CLEAR_STAGING, [uploadId]);
    const counts: PromotionCounts = { rowsRead, accepted, rejected, warnings: warned, created, updated, unchanged: accepted - created - updated };
    await m.query(
      `UPDATE enrollment_upload SET status = 'DONE', progress = 1, rows_read = $2, accepted = $3, rejected = $4, warnings = $5,
              created = $6, updated = $7, unchanged = $8, finished_at = $9
       WHERE id = $1`,
      [uploadId, rowsRead, accepted, rejected, warned, created, updated, counts.unchanged, now],
    );
    await this.audit.record({ actor, action: 'enrollment.promote', entity: 'enrollment_upload', entityId: uploadId, summary: counts }, m);
    return counts;
  }
}
