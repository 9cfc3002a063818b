/**
 * What the audit trail knows of a payment deleted (DELETE /payments/:id removes the row; its `payment.delete` event
 * keeps who, when, why and the payment removed): a second DELETE of it is told so (QA: "tidak ditemukan" with a UUID).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { EntityManager } from 'typeorm';

export interface PaymentDeletion {
  deletedBy: string;
  deletedAt: Date;
  reason: string | null;
  /** The payment as its DELETE answered it (pledgeCode, month, amount, reference, …). */
  payment: { pledgeCode?: string; month?: string; amount?: number; reference?: string; adjustsMonth?: string | null };
}

const DELETION = `SELECT actor, at, summary FROM audit_event WHERE action = 'payment.delete' AND entity_id = $1 ORDER BY id DESC LIMIT 1`;

/** Whether any event names the payment (recorded, or a sheet's): a payment that existed, not an id never used. */
const KNOWN = `SELECT EXISTS (SELECT 1 FROM audit_event WHERE entity = 'payment' AND entity_id = $1)
  OR EXISTS (SELECT 1 FROM audit_event_entity WHERE entity = 'payment' AND entity_id = $1) AS known`;

/** The audit event is appended once the DELETE's transaction committed: a DELETE that waited on it may ask a moment early. */
const WAITS = 10;
const WAIT_MS = 100;

/** The deletion of payment `id`, or undefined when no DELETE removed it (an unknown id). */
export async function deletionOf(m: EntityManager, id: string): Promise<PaymentDeletion | undefined> {
  for (let attempt = 0; ; attempt++) {
    const [event] = await m.query(DELETION, [id]);
    if (event) {
      const summary = typeof event.summary === 'string' ? JSON.parse(event.summary) : event.summary;
      const reason = typeof summary?.body?.reason === 'string' ? summary.body.reason : null;
      return { deletedBy: event.actor, deletedAt: new Date(event.at), reason, payment: summary?.removed ?? {} };
    }
    if (attempt >= WAITS || !(await m.query(KNOWN, [id]))[0]?.known) return undefined;
    await sleep(WAIT_MS);
  }
}
