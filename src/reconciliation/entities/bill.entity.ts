import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { UploadCounts } from './upload-counts.js';

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
