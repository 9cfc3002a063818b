/**
 * Voids (batalkan) a registration entered in error: a NIK mistyped, one person registered under two NIKs. The
 * participant leaves the register as if never registered: the open months are allocated again without them (STALE,
 * §6), a bill line with the NIK becomes NOT_REGISTERED (§7), and the NIK can be registered again by an upload. What the
 * registration held, who voided it, when and why stay in the NIK's history (participant_change kind VOID) and in the
 * audit trail (`participant.void`, its `before` the participant removed).
 *
 * Refused for a participant whose premium a closed month counted (VOID_IN_CLOSED_MONTH): the closed months' signed
 * figures cannot change (§9); the coverage is ended instead (TAT), and the closed months after it are corrected.
 * Serialised with enrollment promotions (REGISTER_PROMOTION_LOCK), which are the register's other writer.
 */
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AUDIT_BEFORE } from '../../audit/audit-before.js';
import { Clock } from '../../common/clock/clock.js';
import type { FieldChanges } from '../entities/participant-change.entity.js';
import { Participant } from '../entities/participant.entity.js';
import { REGISTER_FIELDS } from '../participant-history.js';
import { RegisterException } from '../register.exception.js';
import { MARK_OPEN_ALLOCATIONS_STALE, REGISTER_PROMOTION_LOCK } from '../sql/promote.sql.js';
import { CLOSED_MONTHS_OWED, LATEST_VOID, RECORD_VOID } from '../sql/void-registration.sql.js';

export interface VoidedRegistration {
  nik: string;
  name: string;
  voidedBy: string;
  voidedAt: Date;
  reason: string;
}

@Injectable()
export class VoidRegistration {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async void(nik: string, reason: string, actor: string): Promise<VoidedRegistration> {
    return this.dataSource.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock($1)', [REGISTER_PROMOTION_LOCK]);
      const participant = await m.getRepository(Participant).findOneBy({ nik });
      if (!participant) throw await notRegistered(m, nik);
      const closed: { month: string }[] = await m.query(CLOSED_MONTHS_OWED, [nik]);
      if (closed.length) throw RegisterException.voidInClosedMonth(nik, closed.map((c) => c.month));
      const now = this.clock.now();
      await m.getRepository(Participant).delete({ nik });
      await m.query(RECORD_VOID, [nik, JSON.stringify(heldValues(participant)), actor, now, reason.trim()]);
      await m.query(MARK_OPEN_ALLOCATIONS_STALE);
      const answer: VoidedRegistration = { nik, name: participant.name, voidedBy: actor, voidedAt: now, reason: reason.trim() };
      const before = { nik, ...Object.fromEntries(REGISTER_FIELDS.map((f) => [f, participant[f]])), createdBy: participant.createdBy, createdAt: participant.createdAt };
      return Object.assign(answer, { [AUDIT_BEFORE]: before });
    });
  }
}

/** PARTICIPANT_NOT_FOUND, or PARTICIPANT_VOIDED naming who voided the NIK, when and why. */
export async function notRegistered(m: EntityManager, nik: string): Promise<RegisterException> {
  const [voided]: { by: string; at: Date; reason: string }[] = await m.query(LATEST_VOID, [nik]);
  return voided ? RegisterException.participantVoided(nik, voided.by, new Date(voided.at), voided.reason) : RegisterException.participantNotFound(nik);
}

/** `{ field: { old: value, new: null } }` for every register field the participant held. */
function heldValues(p: Participant): FieldChanges {
  return Object.fromEntries(REGISTER_FIELDS.filter((f) => p[f] !== null && p[f] !== undefined).map((f) => [f, { old: p[f], new: null }]));
}
