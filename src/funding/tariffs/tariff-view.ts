import type { EntityManager } from 'typeorm';
import { Tariff } from '../entities/tariff.entity.js';

export interface TariffView {
  id: number;
  component: string;
  payer: string;
  amount: number;
  validFrom: string;
  validTo: string | null;
  legalBasis: string | null;
  createdBy: string;
  createdAt: Date;
  /**
   * Who closed the row (set its validTo) by adding the row after it, or replaced it by a row from the same day, and
   * when: its `tariff.close` or `tariff.supersede` event; null for a row entered with its end, or open.
   */
  closedBy: string | null;
  closedAt: Date | null;
  /** The row that replaced this one from the same day (it then prices no day), and why; null when not replaced. */
  supersededBy: number | null;
  supersededReason: string | null;
}

type Closing = { actor: string; at: Date };

export const view = (t: Tariff, closing?: Closing): TariffView => ({ ...t, amount: Number(t.amount), closedBy: closing?.actor ?? null, closedAt: closing?.at ?? null });

/**
 * Each closed or replaced row's `tariff.close` / `tariff.supersede` event (the only changes ever made to a row: its
 * validTo, and what replaced it), by row id. The audit trail is where who closed a row is kept (QA: the Tarif page
 * showed a row's end beside "Dicatat oleh system", the seed, as if the system had ended it); no column repeats it.
 */
const CLOSINGS = `
  SELECT DISTINCT ON (entity_id) entity_id, actor, at FROM audit_event
   WHERE action IN ('tariff.close', 'tariff.supersede') AND entity = 'tariff' AND ($1::text[] IS NULL OR entity_id = ANY($1))
   ORDER BY entity_id, id DESC`;

export async function closings(m: EntityManager, ids?: number[]): Promise<Map<number, Closing>> {
  const rows: { entity_id: string; actor: string; at: Date }[] = await m.query(CLOSINGS, [ids ? ids.map(String) : null]);
  return new Map(rows.map((r) => [Number(r.entity_id), { actor: r.actor, at: new Date(r.at) }]));
}

export async function viewOf(m: EntityManager, id: number): Promise<TariffView> {
  return view(await m.findOneByOrFail(Tariff, { id }), (await closings(m, [id])).get(id));
}
