import { Check, Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { SheetWarning } from '../../common/spreadsheet/hidden-rows.js';

export type UploadStatus = 'PROCESSING' | 'DONE' | 'FAILED';

/** One uploaded enrollment sheet and its outcome (the checksum makes a re-upload recognisable). */
@Entity('enrollment_upload')
@Check('CK_enrollment_upload_error_code', `error_code IS NULL OR status = 'FAILED'`)
export class EnrollmentUpload {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_enrollment_upload' })
  id: string;

  @Column('text')
  filename: string;

  @Column('text')
  checksum: string;

  @Column('bigint', { name: 'size_bytes' })
  sizeBytes: string;

  @Column('text')
  status: UploadStatus;

  @Column('real')
  progress: number;

  @Column('integer', { name: 'rows_read' })
  rowsRead: number;

  @Column('integer')
  accepted: number;

  @Column('integer')
  rejected: number;

  @Column('integer')
  warnings: number;

  @Column('integer')
  created: number;

  @Column('integer')
  updated: number;

  @Column('integer')
  unchanged: number;

  /** Participants whose ended coverage this upload brought back (REINSTATED), and of them those whose end was a death (MENINGGAL). */
  @Column('integer')
  reinstated: number;

  @Column('integer', { name: 'reinstated_deaths' })
  reinstatedDeaths: number;

  /** Accepted rows warned with a change of what is owed in allocated or closed months (COVERAGE_CHANGED, CLOSED_MONTH_UNCHANGED). */
  @Column('integer', { name: 'owed_changed' })
  owedChanged: number;

  @Column('text', { nullable: true })
  error: string | null;

  /** A FAILED upload's stable code: the refusal's own (INFLATES_TOO_LARGE, …) or one of UPLOAD_FAILURE_CODES. */
  @Column('text', { name: 'error_code', nullable: true })
  errorCode: string | null;

  /** The refusal's details (`part`, `limit`, `row`, …) when it had them. */
  @Column('jsonb', { name: 'error_details', nullable: true })
  errorDetails: Record<string, unknown> | null;

  @Column('text', { name: 'uploaded_by' })
  uploadedBy: string;

  @Column('timestamptz', { name: 'uploaded_at' })
  uploadedAt: Date;

  @Column('timestamptz', { name: 'finished_at', nullable: true })
  finishedAt: Date | null;

  /** When the process working on it last renewed its lease (UploadLease); null once stored before the lease existed. */
  @Column('timestamptz', { name: 'heartbeat_at', nullable: true, select: false })
  heartbeatAt: Date | null;

  /** Each column's name as the file's header wrote it (an alias as written, else the column's own name); null before the header is read. */
  @Column('jsonb', { name: 'column_labels', nullable: true })
  columnLabels: Record<string, string> | null;

  /** What the upload said about its file as a whole (rows Excel hid, read all the same: hidden-rows.ts); empty before it was kept. */
  @Column('jsonb', { name: 'sheet_warnings', default: () => "'[]'" })
  sheetWarnings: SheetWarning[];

  /** The columns the file had, by own name, in its order (columnsInFileOrder): the row report's Perbaiki sheet is laid out so; null for uploads stored before it was kept. */
  @Column('text', { name: 'column_order', array: true, nullable: true })
  columnOrder: string[] | null;
}
