import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** `{ field: { old, new } }` for every field an upload changed (all fields on CREATE). */
export type FieldChanges = Record<string, { old: unknown; new: unknown }>;

/** One change of a participant: who, when, from which upload, old and new values. */
@Entity('participant_change')
export class ParticipantChange {
  @PrimaryGeneratedColumn('identity', { primaryKeyConstraintName: 'PK_participant_change', type: 'bigint' })
  id: string;

  @Column('text')
  nik: string;

  @Column('uuid', { name: 'upload_id', nullable: true })
  uploadId: string | null;

  @Column('text')
  kind: 'CREATE' | 'UPDATE';

  @Column('jsonb')
  changes: FieldChanges;

  @Column('text', { name: 'changed_by' })
  changedBy: string;

  @Column('timestamptz', { name: 'changed_at' })
  changedAt: Date;
}
