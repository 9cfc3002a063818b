import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../common/clock/clock.js';
import { CommonErrorCode, CommonException } from '../common/errors/common.exception.js';
import { ChainVerifier, type ChainVerdict, eventHash, GENESIS_HASH } from './audit-chain.js';
import { AuditEvent } from './entities/audit-event.entity.js';

export interface AuditRecord {
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  summary: unknown;
  /**
   * Other records the event concerns (a payment sheet's payments), found by GET /audit-events?entityId= as its own
   * entity id is: kept beside the chain (`audit_event_entity`), not in what the hash covers.
   */
  concerns?: AuditConcerns;
}

/** Records of one kind an event concerns: `entity` as the events name it (`payment`), and their ids. */
export interface AuditConcerns {
  entity: string;
  ids: readonly string[];
}

export interface AuditQuery {
  actor?: string;
  entity?: string;
  entityId?: string;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
}

/** Advisory lock key that serialises appends, so the chain has one head. */
const AUDIT_APPEND_LOCK = 1703_0002;
const MAX_SUMMARY_CHARS = 4000;
/** Events per INSERT of recordAll (7 parameters each, well under PostgreSQL's 65,535). */
const APPEND_CHUNK = 1000;

@Injectable()
export class AuditService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** Appends one event; pass `manager` to make it part of the caller's transaction. */
  record(event: AuditRecord, manager?: EntityManager): Promise<void> {
    return this.recordAll([event], manager);
  }

  /**
   * Appends events in order, each linked to the one before, in a few statements whatever their
   * number (a pledge sheet's thousands of pledges: one lock, one read of the head, one insert per
   * thousand).
   */
  async recordAll(events: readonly AuditRecord[], manager?: EntityManager): Promise<void> {
    if (!events.length) return;
    const append = async (m: EntityManager) => {
      await m.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_APPEND_LOCK]);
      const [head] = await m.query('SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1');
      let prevHash: string = head?.hash ?? GENESIS_HASH;
      const at = this.clock.now();
      const rows = events.map((event) => {
        const fields = { at, actor: event.actor, action: event.action, entity: event.entity, entityId: event.entityId, summary: truncate(JSON.stringify(event.summary ?? {})) };
        const row = { ...fields, prevHash, hash: eventHash(prevHash, fields) };
        prevHash = row.hash;
        return row;
      });
      // one INSERT … VALUES takes its ids in row order: the chain's order
      for (let i = 0; i < rows.length; i += APPEND_CHUNK) await m.insert(AuditEvent, rows.slice(i, i + APPEND_CHUNK));
      if (events.some((e) => e.concerns?.ids.length)) await linkConcerns(m, events, head?.id ?? '0');
    };
    if (manager) await append(manager);
    else await this.dataSource.transaction(append);
  }

  async list(query: AuditQuery): Promise<{ items: AuditEvent[]; total: number }> {
    // an empty range is a typo, not "no events" (QA: 5 December to 1 December answered an empty list)
    if (query.from && query.to && query.from > query.to) {
      throw new CommonException(CommonErrorCode.INVALID_INPUT, 'Rentang waktu terbalik: tanggal akhir lebih awal dari tanggal awal.', { field: 'to' });
    }
    const qb = this.dataSource.getRepository(AuditEvent).createQueryBuilder('e');
    // usernames are stored in lower case, as login takes them: "Keuangan" is keuangan (QA: an empty list)
    if (query.actor !== undefined) qb.andWhere('lower(e.actor) = lower(:actor)', { actor: query.actor });
    if (query.entityId !== undefined) qb.andWhere(byEntityId(query.entity), { entity: query.entity, entityId: query.entityId });
    else if (query.entity !== undefined) qb.andWhere('e.entity = :entity', { entity: query.entity });
    if (query.from) qb.andWhere('e.at >= :from', { from: query.from });
    if (query.to) qb.andWhere('e.at <= :to', { to: query.to });
    const [items, total] = await qb
      .orderBy('e.id', 'DESC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items, total };
  }

  /** Re-computes every link of the chain (also `npm run audit:verify`). */
  verify(): Promise<ChainVerdict> {
    return verifyAuditChain(this.dataSource);
  }
}

/** Walks the whole chain in id order, a page at a time; usable without the Nest app (CLI). */
export async function verifyAuditChain(dataSource: DataSource): Promise<ChainVerdict> {
  const verifier = new ChainVerifier();
  const repo = dataSource.getRepository(AuditEvent);
  for (let after = '0'; ; ) {
    const page = await repo.createQueryBuilder('e').where('e.id > :after', { after }).orderBy('e.id', 'ASC').take(5000).getMany();
    if (page.length === 0) break;
    verifier.feed(page);
    after = page[page.length - 1].id;
  }
  return verifier.verdict();
}

/**
 * Events of the record `entityId` (of kind `entity` when given): filed under it, or concerning it (`audit_event_entity`:
 * a payment recorded from a sheet finds the sheet's `payment.upload` event). Both lookups indexed, by id.
 */
function byEntityId(entity: string | undefined): string {
  const kind = (alias: string) => (entity === undefined ? '' : ` AND ${alias}.entity = :entity`);
  return `e.id IN (SELECT o.id FROM audit_event o WHERE o.entity_id = :entityId${kind('o')}
                   UNION SELECT l.event_id FROM audit_event_entity l WHERE l.entity_id = :entityId${kind('l')})`;
}

/**
 * Stores what each event just appended concerns. The append lock is held: the events after `headId` are these, in
 * their order (one INSERT … VALUES takes its ids in row order), so the n-th id is the n-th event's.
 */
async function linkConcerns(m: EntityManager, events: readonly AuditRecord[], headId: string): Promise<void> {
  const ids: string[] = (await m.query('SELECT id FROM audit_event WHERE id > $1 ORDER BY id', [headId])).map((r: { id: string }) => String(r.id));
  const eventIds: string[] = [];
  const entities: string[] = [];
  const entityIds: string[] = [];
  events.forEach((e, i) => {
    for (const id of new Set(e.concerns?.ids ?? [])) {
      eventIds.push(ids[i]);
      entities.push(e.concerns!.entity);
      entityIds.push(id);
    }
  });
  await m.query(
    `INSERT INTO audit_event_entity (event_id, entity, entity_id) SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[])`,
    [eventIds, entities, entityIds],
  );
}

function truncate(json: string): string {
  return json.length <= MAX_SUMMARY_CHARS ? json : JSON.stringify({ truncated: json.slice(0, MAX_SUMMARY_CHARS) });
}
