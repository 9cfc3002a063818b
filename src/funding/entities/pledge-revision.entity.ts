import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A full snapshot of a pledge at one revision, with who changed it, when and why. */
@Entity('pledge_revision')
export class PledgeRevision {
  @PrimaryColumn('text', { primaryKeyConstraintName: 'PK_pledge_revision' })
  code: string;

  @PrimaryColumn('integer', { primaryKeyConstraintName: 'PK_pledge_revision' })
  revision: number;

  @Column('jsonb')
  data: Record<string, unknown>;

  @Column('text', { nullable: true })
  reason: string | null;

  @Column('text', { name: 'changed_by' })
  changedBy: string;

  @Column('timestamptz', { name: 'changed_at' })
  changedAt: Date;
}
