/**
 * Takes a wrong card (NOKA) away from a participant in the console, with why: what an enrollment row whose NOKA says
 * HAPUS does (enrollment-columns.ts NOKA_CLEAR, promote.sql.ts), without a sheet. The participant keeps no card (another
 * NIK may then be given it), its history an UPDATE of NOKA with who, when and why (participant_change, no upload), the
 * audit trail `participant.noka.clear` with `before` the card; the open months become STALE, as after an upload's change.
 *
 * Refused for a NIK not registered (PARTICIPANT_NOT_FOUND, PARTICIPANT_VOIDED) and for a participant without a card
 * (NOKA_NOT_HELD). No month refuses it, as none refuses the upload's HAPUS: a card is no part of what is owed (§4, §6).
 * Serialised with enrollment promotions (REGISTER_PROMOTION_LOCK), which are the register's other writer.
 */
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AUDIT_BEFORE } from '../../audit/audit-before.js';
import { Clock } from '../../common/clock/clock.js';
import { Participant } from '../entities/participant.entity.js';
import { RegisterException } from '../register.exception.js';
import { CLEAR_NOKA, RECORD_NOKA_CLEARED } from '../sql/clear-noka.sql.js';
import { MARK_OPEN_ALLOCATIONS_STALE, REGISTER_PROMOTION_LOCK } from '../sql/promote.sql.js';
import { notRegistered } from './void-registration.use-case.js';

export interface ClearedNoka {
  nik: string;
  name: string;
  removedNoka: string;
  noka: null;
  clearedBy: string;
  clearedAt: Date;
  reason: string;
}

@Injectable()
export class ClearNoka {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async clear(nik: string, reason: string, actor: string): Promise<ClearedNoka> {
    return this.dataSource.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock($1)', [REGISTER_PROMOTION_LOCK]);
      const participant = await m.getRepository(Participant).findOneBy({ nik });
      if (!participant) throw await notRegistered(m, nik);
      if (!participant.noka) throw RegisterException.nokaNotHeld(nik);
      const now = this.clock.now();
      const why = reason.trim();
      await m.query(CLEAR_NOKA, [nik, now]);
      await m.query(RECORD_NOKA_CLEARED, [nik, participant.noka, actor, now, why]);
      await m.query(MARK_OPEN_ALLOCATIONS_STALE);
      const answer: ClearedNoka = { nik, name: participant.name, removedNoka: participant.noka, noka: null, clearedBy: actor, clearedAt: now, reason: why };
      return Object.assign(answer, { [AUDIT_BEFORE]: { noka: participant.noka } });
    });
  }
}
