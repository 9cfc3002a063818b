import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { SheetWarning } from '../../common/spreadsheet/hidden-rows.js';
import { UploadCounts } from './upload-counts.js';

/** One version of the central PBI-APBN NIK list of a month (DOMAIN §7, double coverage). NIKs are in `pbi_apbn_entry`. */
@Entity('pbi_apbn_list')
@Unique('UQ_pbi_apbn_list_month_version', ['month', 'version'])
export class PbiApbnList {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_pbi_apbn_list' })
  id: string;

  @Column('text')
  month: string;

  @Column('integer')
  version: number;

  @Column('integer')
  niks: number;

  @Column(() => UploadCounts, { prefix: false })
  counts: UploadCounts;

  /** What the upload said about its file as a whole (rows Excel hid, read all the same: hidden-rows.ts); empty before it was kept. */
  @Column('jsonb', { name: 'sheet_warnings', default: () => "'[]'" })
  sheetWarnings: SheetWarning[];

  /** The file's header for each column (`{ NOKA: 'No Kartu', … }`), heading the row report's Perbaiki sheet; null for uploads stored before it was kept. */
  @Column('jsonb', { name: 'column_labels', nullable: true })
  columnLabels: Record<string, string> | null;

  /** The columns the file had, by own name, in its order (columnsInFileOrder): the row report's Perbaiki sheet is laid out so; null for uploads stored before it was kept. */
  @Column('text', { name: 'column_order', array: true, nullable: true })
  columnOrder: string[] | null;

  @Column('text')
  checksum: string;

  @Column('text')
  filename: string;

  @Column('text', { name: 'uploaded_by' })
  uploadedBy: string;

  @CreateDateColumn({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt: Date;
}
