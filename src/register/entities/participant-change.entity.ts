import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** `{ field: { old, new } }` for every field an upload changed. */
export type FieldChanges = Record<string, { old: unknown; new: unknown }>;

/**
 * One change of a participant: who, when, from which upload, old and new values. Only updates are
 * stored: the creation is recorded on the participant (created_upload_id, created_by, created_at).
 */
@Entity('participant_change')
export class ParticipantChange {
  @PrimaryGeneratedColumn('identity', { primaryKeyConstraintName: 'PK_participant_change', type: 'bigint' })
  id: string;

  @Column('text')
  nik: string;

  @Column('uuid', { name: 'upload_id', nullable: true })
  uploadId: string | null;

  @Column('text')
  kind: 'UPDATE';

  /** Old and new of every field that differed; promotion is the only writer, so the rows replay exactly. */
  @Column('jsonb')
  changes: FieldChanges;

  @Column('text', { name: 'changed_by' })
  changedBy: string;

  @Column('timestamptz', { name: 'changed_at' })
  changedAt: Date;
}
