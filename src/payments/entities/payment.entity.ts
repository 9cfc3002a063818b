import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A payment by a funder for a pledge and month (DOMAIN §8), e.g. one SP2D. */
@Entity('payment')
@Index('IDX_payment_month_pledge', ['month', 'pledgeCode'])
@Index('IDX_payment_adjusts_month', ['adjustsMonth', 'pledgeCode'], { where: 'adjusts_month IS NOT NULL' })
@Index('IDX_payment_upload_id', ['uploadId'], { where: 'upload_id IS NOT NULL' })
export class Payment {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_payment' })
  id: string;

  @Column('text', { name: 'pledge_code' })
  pledgeCode: string;

  /** The premium month paid for (`YYYY-MM`). */
  @Column('text')
  month: string;

  /** Whole rupiah; pg returns bigint as a string. */
  @Column('bigint')
  amount: string;

  /** WIB calendar day `YYYY-MM-DD`. */
  @Column('date', { name: 'paid_at' })
  paidAt: string;

  @Column('text')
  reference: string;

  /** Set on a correction recorded in an open month for an earlier (usually finalized) month. */
  @Column('text', { name: 'adjusts_month', nullable: true })
  adjustsMonth: string | null;

  @Column('text', { name: 'created_by' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** The payment sheet (`payment_upload`) it was recorded from; null for one recorded on its own (migration 1768100000000). */
  @Column('uuid', { name: 'upload_id', nullable: true })
  uploadId: string | null;
}
