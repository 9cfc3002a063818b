import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The current revision of a funding pledge (DOMAIN §5); every revision is kept in pledge_revision. */
@Entity('pledge')
@Index('IDX_pledge_fiscal_year', ['fiscalYear'])
@Check('CHK_pledge_withdrawn', '(withdrawn_at IS NULL) = (withdrawn_by IS NULL)')
export class Pledge {
  @PrimaryColumn('text', { primaryKeyConstraintName: 'PK_pledge' })
  code: string;

  @Column('integer', { default: 1 })
  revision: number;

  @Column('text', { name: 'source_type' })
  sourceType: string;

  @Column('text', { nullable: true })
  fund: string | null;

  @Column('text')
  funder: string;

  @Column('integer', { name: 'fiscal_year' })
  fiscalYear: number;

  @Column('integer', { name: 'from_month', default: 1 })
  fromMonth: number;

  @Column('integer', { name: 'to_month', default: 12 })
  toMonth: number;

  @Column('text')
  scope: string;

  @Column('text', { name: 'village_codes', array: true, default: () => "'{}'" })
  villageCodes: string[];

  @Column('text', { array: true, default: () => "'{}'" })
  niks: string[];

  @Column('integer', { name: 'share_percent', default: 100 })
  sharePercent: number;

  @Column('integer', { nullable: true })
  quota: number | null;

  @Column('bigint', { nullable: true })
  budget: string | null;

  @Column('integer')
  priority: number;

  @Column('text', { name: 'legal_basis', nullable: true })
  legalBasis: string | null;

  @Column('text', { name: 'created_by' })
  createdBy: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;

  /** When the pledge was withdrawn (dicabut), null while it stands; set with `withdrawnBy` (CHK_pledge_withdrawn). */
  @Column('timestamptz', { name: 'withdrawn_at', nullable: true })
  withdrawnAt: Date | null;

  @Column('text', { name: 'withdrawn_by', nullable: true })
  withdrawnBy: string | null;
}
