import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Role } from '../role.js';

@Entity('app_user')
@Unique('UQ_app_user_username', ['username'])
export class User {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_app_user' })
  id: string;

  @Column('text')
  username: string;

  @Column('text', { name: 'password_hash', select: false })
  passwordHash: string;

  @Column('text')
  role: Role;

  @Column('boolean', { default: true })
  active: boolean;

  /** Raised by a password change: tokens issued under an older version are refused (migration 1765800000000). */
  @Column('integer', { name: 'token_version', default: 0, select: false })
  tokenVersion: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
