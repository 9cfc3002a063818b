import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One finding of a run (DOMAIN §7), numbered by `seq` in a stable order (category order, then file row, then NIK). */
@Entity('finding')
@Index('IDX_finding_run_category', ['runId', 'category', 'seq'])
@Index('IDX_finding_run_row', ['runId', 'rowNumber'], { where: 'row_number IS NOT NULL' })
export class Finding {
  @PrimaryColumn('uuid', { name: 'run_id', primaryKeyConstraintName: 'PK_finding' })
  runId: string;

  @PrimaryColumn('integer', { primaryKeyConstraintName: 'PK_finding' })
  seq: number;

  @Column('text')
  category: string;

  @Column('text', { nullable: true })
  nik: string | null;

  @Column('text', { nullable: true })
  noka: string | null;

  /** The participant's NOKA in the register when the run classified it (beside `noka`, the billed one); null without one. */
  @Column('text', { name: 'register_noka', nullable: true })
  registerNoka: string | null;

  @Column('text', { nullable: true })
  name: string | null;

  /** The bill line's row in the uploaded file (line findings only). */
  @Column('integer', { name: 'row_number', nullable: true })
  rowNumber: number | null;

  @Column('bigint', { name: 'billed_amount', nullable: true })
  billedAmount: string | null;

  @Column('bigint', { name: 'expected_amount', nullable: true })
  expectedAmount: string | null;

  @Column('text')
  action: string;
}
