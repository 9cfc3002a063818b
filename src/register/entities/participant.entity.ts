import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A registered resident (DOMAIN §4): current state and who registered them (upload, user, time);
 * the later changes live in participant_change.
 */
@Entity('participant')
export class Participant {
  @PrimaryColumn('text', { primaryKeyConstraintName: 'PK_participant' })
  nik: string;

  @Column('text', { name: 'no_kk' })
  noKk: string;

  @Column('text', { nullable: true })
  noka: string | null;

  @Column('text')
  name: string;

  @Column('date', { name: 'birth_date' })
  birthDate: string;

  @Column('text')
  sex: 'L' | 'P';

  @Column('text', { name: 'village_code' })
  villageCode: string;

  @Column('date')
  tmt: string;

  @Column('date', { nullable: true })
  tat: string | null;

  @Column('text', { name: 'end_reason', nullable: true })
  endReason: string | null;

  @Column('uuid', { name: 'last_upload_id', nullable: true })
  lastUploadId: string | null;

  /** The upload that registered the participant; null only for rows written outside an upload. */
  @Column('uuid', { name: 'created_upload_id', nullable: true })
  createdUploadId: string | null;

  /** Who uploaded it; null only for rows written outside an upload (they have no CREATE entry). */
  @Column('text', { name: 'created_by', nullable: true })
  createdBy: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
