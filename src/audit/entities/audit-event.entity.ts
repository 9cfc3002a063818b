import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One append-only, hash-chained record of a state change (see audit-chain.ts). */
@Entity('audit_event')
@Index('IDX_audit_event_entity_at', ['entity', 'at'])
@Index('IDX_audit_event_actor_at', ['actor', 'at'])
@Index('IDX_audit_event_entity_id', ['entityId'], { where: 'entity_id IS NOT NULL' })
export class AuditEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', primaryKeyConstraintName: 'PK_audit_event' })
  id: string;

  @Column('timestamptz')
  at: Date;

  @Column('text')
  actor: string;

  @Column('text')
  action: string;

  @Column('text')
  entity: string;

  @Column('text', { name: 'entity_id', nullable: true })
  entityId: string | null;

  /** JSON text, kept byte-for-byte as hashed. */
  @Column('text')
  summary: string;

  @Column('text', { name: 'prev_hash' })
  prevHash: string;

  @Column('text')
  hash: string;
}
