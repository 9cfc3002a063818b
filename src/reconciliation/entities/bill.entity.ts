import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { SheetWarning } from '../../common/spreadsheet/hidden-rows.js';
import { UploadCounts } from './upload-counts.js';
import type { BillFileWarning } from '../bills/same-file-other-month.js';

/** One version of the BPJS bill of a month (DOMAIN §7); the highest version is the month's bill. Lines are in `bill_line`. */
@Entity('bill')
@Unique('UQ_bill_month_version', ['month', 'version'])
export class Bill {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_bill' })
  id: string;

  @Column('text')
  month: string;

  @Column('integer')
  version: number;

  @Column('bigint', { name: 'invoice_total' })
  invoiceTotal: string;

  @Column('integer')
  lines: number;

  @Column('bigint', { name: 'lines_total' })
  linesTotal: string;

  @Column(() => UploadCounts, { prefix: false })
  counts: UploadCounts;

  /** What the upload said about its file as a whole (rows Excel hid, read all the same: hidden-rows.ts); empty before it was kept. */
  @Column('jsonb', { name: 'sheet_warnings', default: () => "'[]'" })
  sheetWarnings: SheetWarning[];

  /** What the upload said about its file as a whole beside its rows (SAME_FILE_OTHER_MONTH: upload-bill.use-case.ts); empty before it was kept. */
  @Column('jsonb', { name: 'file_warnings', default: () => "'[]'" })
  fileWarnings: BillFileWarning[];

  /** The file's header for each column (`{ NOKA: 'No Kartu', … }`), heading the row report's Perbaiki sheet; null for uploads stored before it was kept. */
  @Column('jsonb', { name: 'column_labels', nullable: true })
  columnLabels: Record<string, string> | null;

  /** The columns the file had, by own name, in its order (columnsInFileOrder): the row report's Perbaiki sheet is laid out so; null for uploads stored before it was kept. */
  @Column('text', { name: 'column_order', array: true, nullable: true })
  columnOrder: string[] | null;

  /** sha256 of the uploaded file. */
  @Column('text')
  checksum: string;

  @Column('text')
  filename: string;

  @Column('text', { name: 'uploaded_by' })
  uploadedBy: string;

  @CreateDateColumn({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt: Date;
}
