import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** `{ field: { old, new } }` for every field an upload changed. */
export type FieldChanges = Record<string, { old: unknown; new: unknown }>;

/**
 * One change of a participant: who, when, from which upload, old and new values. Only updates and voids are
 * stored: the creation is recorded on the participant (created_upload_id, created_by, created_at). A VOID is a
 * registration cancelled as entered in error (use-cases/void-registration.use-case.ts): the participant row is gone,
 * `changes` holds what it held (each field's old value, new null) and `reason` why. An UPDATE made in the console, not
 * by an upload (a wrong card taken away: use-cases/clear-noka.use-case.ts), has no upload and says why in `reason`.
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
  kind: 'UPDATE' | 'VOID';

  /** Old and new of every field that differed; every writer of the register records one, so the rows replay exactly. */
  @Column('jsonb')
  changes: FieldChanges;

  /** Why a VOID, or an UPDATE made in the console, was made (required for a VOID, null for an upload's UPDATE). */
  @Column('text', { nullable: true })
  reason: string | null;

  @Column('text', { name: 'changed_by' })
  changedBy: string;

  @Column('timestamptz', { name: 'changed_at' })
  changedAt: Date;
}
