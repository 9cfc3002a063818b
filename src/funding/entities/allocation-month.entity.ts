import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The state of one month's allocation (DOMAIN §6): CURRENT, or STALE until recomputed. */
@Entity('allocation_month')
export class AllocationMonth {
  @PrimaryColumn('text', { primaryKeyConstraintName: 'PK_allocation_month' })
  month: string;

  @Column('integer', { name: 'fiscal_year' })
  fiscalYear: number;

  @Column('text')
  status: 'CURRENT' | 'STALE';

  @Column('integer')
  participants: number;

  @Column('bigint')
  obligation: string;

  @Column('integer', { name: 'unfunded_participants' })
  unfundedParticipants: number;

  @Column('bigint', { name: 'unfunded_amount' })
  unfundedAmount: string;

  /** LOCAL tariff rows valid on the 1st of the month */
  @Column('integer', { name: 'tariff_ids', array: true })
  tariffIds: number[];

  /** pledge code → revision used */
  @Column('jsonb', { name: 'pledge_revisions' })
  pledgeRevisions: Record<string, number>;

  @Column('text', { name: 'allocated_by', nullable: true })
  allocatedBy: string | null;

  @Column('timestamptz', { name: 'allocated_at', nullable: true })
  allocatedAt: Date | null;
}
