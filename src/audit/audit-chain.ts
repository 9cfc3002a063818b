/**
 * The hash chain of the audit trail: each event's hash covers its own fields and the hash of the
 * event before it, so changing, removing or reordering any stored event breaks every later link.
 */
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  at: Date;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  summary: string;
}

export function eventHash(prevHash: string, e: ChainedFields): string {
  const canonical = JSON.stringify([prevHash, e.at.toISOString(), e.actor, e.action, e.entity, e.entityId, e.summary]);
  return createHash('sha256').update(canonical).digest('hex');
}

export interface ChainVerdict {
  intact: boolean;
  checked: number;
  /** The first event whose stored hash or link does not match, when broken. */
  firstBrokenId?: string;
  reason?: string;
  /**
   * The newest event and its hash, when intact. Write them down (e.g. in the month's closing
   * minutes): the chain alone cannot show that events were cut off its end, but a later verify
   * that no longer reaches this id and hash can.
   */
  lastId?: string;
  lastHash?: string;
}

/** Walks events in id order; `events` may be fed in pages, carrying `state` between them. */
export class ChainVerifier {
  private prev = GENESIS_HASH;
  private count = 0;
  private broken?: { id: string; reason: string };
  private lastId?: string;

  feed(events: (ChainedFields & { id: string; prevHash: string; hash: string })[]): void {
    for (const e of events) {
      if (this.broken) return;
      this.count++;
      if (e.prevHash !== this.prev) this.broken = { id: e.id, reason: 'tautan ke peristiwa sebelumnya tidak cocok' };
      else if (eventHash(e.prevHash, e) !== e.hash) this.broken = { id: e.id, reason: 'isi peristiwa tidak cocok dengan hash-nya' };
      this.prev = e.hash;
      this.lastId = e.id;
    }
  }

  verdict(): ChainVerdict {
    return this.broken
      ? { intact: false, checked: this.count, firstBrokenId: this.broken.id, reason: this.broken.reason }
      : { intact: true, checked: this.count, ...(this.lastId && { lastId: this.lastId, lastHash: this.prev }) };
  }
}
