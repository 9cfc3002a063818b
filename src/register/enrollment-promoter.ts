/**
 * Moves an upload's staged rows into the register in ONE transaction: rows whose NIK is another
 * registered person's (other name and birth date, or other name and two of sex, NO_KK, village) and NOKA conflicts rejected,
 * history of the updates written, NOKAs that move released, participants updated and inserted
 * (new ones with their creation recorded on the row), the upload marked DONE with its counts, an
 * audit event appended. Any error rolls all of it back (the caller then marks the upload FAILED).
 * Promotions are serialised by an advisory lock so concurrent uploads cannot both take one NOKA.
 *
 * On PostgreSQL the transaction can start before the file is read (`promoteNewBatch` for each
 * staged batch, then `promoteIn` on the same transaction): the database then inserts the new
 * participants while the service is still parsing (see ImportEnrollmentSheet).
 */
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { Clock, monthInWib } from '../common/clock/clock.js';
import {
  COUNT_OUTCOMES,
  INSERT_NEW,
  KEEP_UNSTATED,
  MARK_OPEN_ALLOCATIONS_STALE,
  PROMOTE_NEW_BATCH,
  RECORD_HISTORY,
  REFUSE_COPIES_OF_REFUSED,
  REGISTER_PROMOTION_LOCK,
  RELEASE_MOVED_NOKAS,
  UPDATE_CHANGED,
} from './sql/promote.sql.js';
import { REJECT_OTHER_PERSON, REJECT_TAKEN_NOKA } from './sql/promotion-refusals.sql.js';
import { WARN_CLOSED_MONTH, WARN_CLOSED_MONTH_VILLAGE } from './sql/closed-month-warnings.sql.js';
import { COUNT_OWED_CHANGED, OWED_CHANGING_WARNINGS, WARN_COVERAGE_CHANGED, WARN_COVERAGE_OF_NEW, WARN_REINSTATED } from './sql/coverage-warnings.sql.js';
import { EARLY_HOLDERS_OF_ENDED_CARDS, RESTAGE_EARLY_ROWS, WARN_NOKA_OF_ENDED } from './sql/noka-warnings.sql.js';
import { REJECT_OTHER_PERSON_FIELDS, WARN_IDENTITY_CHANGED } from './sql/identity-change.sql.js';
import { WARN_NOKA_OF_ACTIVE, WARN_PERSON_IN_FILE, WARN_PERSON_REGISTERED, WARN_VOIDED_BEFORE } from './sql/new-registration-warnings.sql.js';
import { EARLY_HELD_FOR_IDENTITY } from './sql/identity-held.sql.js';
import { ANALYZE_STAGING, CLEAR_STAGING } from './sql/staging.sql.js';
import { type ColumnLabels, columnLabels } from './enrollment-columns.js';
import { NO_JIT } from '../common/database/no-jit.js';

export interface PromotionCounts {
  rowsRead: number;
  accepted: number;
  rejected: number;
  warnings: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Of the updated: participants whose ended coverage an empty TAT brought back (REINSTATED), and of them those recorded dead. */
  reinstated: number;
  reinstatedDeaths: number;
  /** Accepted rows warned with a change of what is owed in allocated or closed months (OWED_CHANGING_WARNINGS). */
  owedChanged: number;
}

/**
 * Which optional columns the file has: a column it lacks leaves the register's values alone (KEEP_UNSTATED);
 * and how its header names them, for the findings made here.
 */
export interface FileColumns {
  tat: boolean;
  labels: ColumnLabels;
  /**
   * The NIKs of the file's rows that share a name and birth date with another row, roughly (EnrollmentRowValidator.namesakeNiks):
   * the only rows PERSON_IN_FILE_OTHER_NIK may concern (WARN_PERSON_IN_FILE, and `restageEarlyRows` of those registered
   * early). Absent: every staged row is compared.
   */
  namesakes?: readonly string[];
}

const ALL_COLUMNS: FileColumns = { tat: true, labels: columnLabels() };

/** What was promoted while the file was still being read, in the same transaction. */
export interface EarlyPromotion {
  /** Time stamped on every change of the upload. */
  now: Date;
  created: number;
  /**
   * The row of the file's first row of a NIK (EnrollmentRowValidator.firstRowOfNikNumber): for a participant registered
   * early, the row that registered it (a later row of its NIK is a copy or refused), for `restageEarlyRows`.
   */
  rowOfNik?: (nik: string) => number | undefined;
}

@Injectable()
export class EnrollmentPromoter {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(Clock) private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  /** Promotes in a transaction of its own. */
  promote(uploadId: string, actor: string, rowsRead: number, file: FileColumns = ALL_COLUMNS): Promise<PromotionCounts> {
    return this.dataSource.transaction((m) => this.promoteIn(m, uploadId, actor, rowsRead, file));
  }

  /** Finishes a promotion begun with `tryLock`/`promoteNewBatch` in `m`'s open transaction (the caller commits). */
  async finish(m: EntityManager, uploadId: string, actor: string, rowsRead: number, early: EarlyPromotion, file: FileColumns = ALL_COLUMNS): Promise<PromotionCounts> {
    await this.restageEarlyRows(m, uploadId, early, file.namesakes);
    return this.promoteIn(m, uploadId, actor, rowsRead, file, early);
  }

  /**
   * New participants registered early that promotion has to warn go back into staging under their rows' numbers, so
   * that their rows are warned as on PGlite, wherever in the file they stand: one whose card a later batch of the file
   * ends for another new NIK (EARLY_HOLDERS_OF_ENDED_CARDS, for WARN_NOKA_OF_ENDED), and one that is a NIK voided before,
   * a person registered under another NIK, or one of two new rows of the file with one name and birth date (among
   * `namesakes`, FileColumns.namesakes; EARLY_HELD_FOR_IDENTITY, for new-registration-warnings.sql.ts). One
   * query each to find them, one to move them, whatever their number.
   */
  private async restageEarlyRows(m: EntityManager, uploadId: string, early: EarlyPromotion, namesakes: readonly string[] = []): Promise<void> {
    const rowOf = early.rowOfNik;
    if (!rowOf || early.created === 0) return;
    for (const [sql, params] of [[EARLY_HOLDERS_OF_ENDED_CARDS, [uploadId]], [EARLY_HELD_FOR_IDENTITY, [uploadId, namesakes]]] as const) {
      const found: { nik: string }[] = await m.query(sql, [...params]);
      const rows = found.flatMap(({ nik }) => {
        const row = rowOf(nik);
        return row === undefined ? [] : [{ nik, row }];
      });
      if (!rows.length) continue;
      const [{ restaged }] = await m.query(RESTAGE_EARLY_ROWS, [uploadId, rows.map((r) => r.nik), rows.map((r) => r.row)]);
      early.created -= restaged;
    }
  }

  /**
   * Tries to take the promotion lock in `m`'s transaction for a promotion that starts before the
   * file is read; false when another upload is promoting (this one then stages and waits).
   */
  async tryLock(m: EntityManager): Promise<boolean> {
    const [{ locked }] = await m.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [REGISTER_PROMOTION_LOCK]);
    if (locked) await m.query(NO_JIT); // its batches' statements, as promoteIn's
    return locked;
  }

  /** Step 0 for one staged batch (rows `fromRow`..`toRow`), lock held; adds to `early.created`. */
  async promoteNewBatch(m: EntityManager, uploadId: string, actor: string, fromRow: number, toRow: number, early: EarlyPromotion): Promise<void> {
    const [{ created }] = await m.query(PROMOTE_NEW_BATCH, [uploadId, fromRow, toRow, actor, early.now]);
    early.created += created;
  }

  /** The steps, on the transaction's manager only (PGlite has one connection). */
  protected async promoteIn(m: EntityManager, uploadId: string, actor: string, rowsRead: number, file: FileColumns, early?: EarlyPromotion): Promise<PromotionCounts> {
    const now = early?.now ?? this.clock.now();
    await m.query('SELECT pg_advisory_xact_lock($1)', [REGISTER_PROMOTION_LOCK]);
    // PostgreSQL's JIT compiled the warning statements, costed high by their per-row lookups of the closed months, for
    // 1.6 s of 100,000 new rows each of which it then filtered out in milliseconds (bench:ingest:phases, EXPLAIN:
    // WARN_CLOSED_MONTH 1.09 s of JIT in 1.13 s, WARN_COVERAGE_OF_NEW 0.53 s in 0.54 s); none of them gains from it
    await m.query(NO_JIT);
    await m.query(ANALYZE_STAGING);
    await m.query(KEEP_UNSTATED, [uploadId, !file.tat]);
    await m.query(REJECT_OTHER_PERSON, [uploadId, file.labels.NIK]);
    const identity = [uploadId, file.labels.NIK, file.labels.NAMA, file.labels.JENIS_KELAMIN, file.labels.NO_KK, file.labels.KODE_DESA];
    await m.query(REJECT_OTHER_PERSON_FIELDS, identity);
    await m.query(REJECT_TAKEN_NOKA, [uploadId, file.labels.NOKA]);
    // rows still staged: a rejected one brings nobody back
    const [back] = await m.query(WARN_REINSTATED, [uploadId, file.labels.TAT, file.labels.ALASAN_BERAKHIR, monthInWib(now), file.labels.TMT]);
    await m.query(WARN_CLOSED_MONTH, [uploadId, file.labels.TAT, file.labels.TMT]);
    await m.query(WARN_CLOSED_MONTH_VILLAGE, [uploadId, file.labels.KODE_DESA]);
    await m.query(WARN_COVERAGE_CHANGED, [uploadId, file.labels.TAT, file.labels.TMT, file.labels.ALASAN_BERAKHIR]);
    await m.query(WARN_COVERAGE_OF_NEW, [uploadId, file.labels.TMT, monthInWib(now)]);
    await m.query(WARN_NOKA_OF_ENDED, [uploadId, file.labels.NOKA]);
    await m.query(WARN_IDENTITY_CHANGED, identity);
    await m.query(WARN_NOKA_OF_ACTIVE, [uploadId, file.labels.NIK, file.labels.NOKA]);
    await m.query(WARN_PERSON_REGISTERED, [uploadId, file.labels.NIK]);
    await m.query(WARN_PERSON_IN_FILE, [uploadId, file.labels.NIK, file.namesakes ?? null]);
    await m.query(WARN_VOIDED_BEFORE, [uploadId, file.labels.NIK]);
    const [history] = await m.query(RECORD_HISTORY, [uploadId, actor, now]);
    if (history.updated > 0) {
      await m.query(RELEASE_MOVED_NOKAS, [uploadId, now]);
      await m.query(UPDATE_CHANGED, [uploadId, now]);
    }
    if (history.created > 0) await m.query(INSERT_NEW, [uploadId, actor, now]);
    const earlyCreated = early?.created ?? 0;
    const created: number = history.created + earlyCreated;
    const updated: number = history.updated;
    if (created + updated > 0) await m.query(MARK_OPEN_ALLOCATIONS_STALE);
    await m.query(REFUSE_COPIES_OF_REFUSED, [uploadId, file.labels.NIK]);
    const [{ accepted, rejected, warned }] = await m.query(COUNT_OUTCOMES, [uploadId, earlyCreated]);
    const [{ n: owedChanged }] = await m.query(COUNT_OWED_CHANGED, [uploadId, OWED_CHANGING_WARNINGS]);
    await m.query(CLEAR_STAGING, [uploadId]);
    const counts: PromotionCounts = {
      rowsRead, accepted, rejected, warnings: warned, created, updated, unchanged: accepted - created - updated,
      reinstated: back.reinstated, reinstatedDeaths: back.deaths, owedChanged,
    };
    await m.query(
      `UPDATE enrollment_upload SET status = 'DONE', progress = 1, rows_read = $2, accepted = $3, rejected = $4, warnings = $5,
              created = $6, updated = $7, unchanged = $8, reinstated = $10, reinstated_deaths = $11, owed_changed = $12, finished_at = $9
       WHERE id = $1`,
      [uploadId, rowsRead, accepted, rejected, warned, created, updated, counts.unchanged, this.clock.now(), counts.reinstated, counts.reinstatedDeaths, owedChanged],
    );
    await this.audit.record({ actor, action: 'enrollment.promote', entity: 'enrollment_upload', entityId: uploadId, summary: counts }, m);
    return counts;
  }
}
