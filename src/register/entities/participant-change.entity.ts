import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** `{ field: { old, new } }` for every field an upload changed. */
export type FieldChanges = Record<string, { old: unknown; new: unknown }>;
/** What a CREATE records: the participant's initial values `{ field: value }`. */
export type InitialValues = Record<string, unknown>;

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

  /** UPDATE: FieldChanges; CREATE: InitialValues (flat, cheaper to write for large first uploads). */
  @Column('jsonb')
  changes: FieldChanges | InitialValues;

  @Column('text', { name: 'changed_by' })
  changedBy: string;

  @Column('timestamptz', { name: 'changed_at' })
  changedAt: Date;
}
