import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One effective-dated tariff component (DOMAIN §3). Rows are only ever added, never edited. */
@Entity('tariff')
export class Tariff {
  @PrimaryGeneratedColumn('identity', { type: 'integer', primaryKeyConstraintName: 'PK_tariff' })
  id: number;

  @Column('text')
  component: string;

  @Column('text')
  payer: 'LOCAL' | 'CENTRAL';

  /** rupiah (bigint: a string from the driver) */
  @Column('bigint')
  amount: string;

  @Column('date', { name: 'valid_from' })
  validFrom: string;

  @Column('date', { name: 'valid_to', nullable: true })
  validTo: string | null;

  @Column('text', { name: 'legal_basis', nullable: true })
  legalBasis: string | null;

  /**
   * The row that replaced this one from the same day (a mistake corrected while its months were open): this row then
   * prices no day (validTo the day before validFrom) and is kept as history. Null: not replaced.
   */
  @Column('integer', { name: 'superseded_by', nullable: true })
  supersededBy: number | null;

  /** Why it was replaced, as the admin said; set with supersededBy. */
  @Column('text', { name: 'superseded_reason', nullable: true })
  supersededReason: string | null;

  @Column('text', { name: 'created_by', default: 'system' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
