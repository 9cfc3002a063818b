/**
 * The rule inputs of one month's allocation (DOMAIN §3, §5): the LOCAL tariff on its 1st and the
 * pledges of its fiscal year that pay in it. Read the same way by the allocation (AllocateMonth) and
 * by the projection of a year (ProjectYear).
 */
import type { EntityManager } from 'typeorm';
import type { AllocationPledge, PledgeScope } from '../domain/allocate.js';
import { LOCAL_TARIFF_OF_MONTH, PLEDGES_OF_MONTH } from '../sql/allocate.sql.js';

export interface LocalTariffOfMonth {
  /** the tariff rows summed */
  ids: number[];
  /** rupiah of one participant-month */
  amount: number;
  /** an IURAN row is among them: without it the month cannot be priced */
  premium: boolean;
}

/** A pledge as the month allocates it, with the revision it was read at. */
export interface MonthPledge extends AllocationPledge {
  revision: number;
}

export async function tariffOfMonth(m: EntityManager, month: string): Promise<LocalTariffOfMonth> {
  const [row]: { ids: number[]; amount: string; premium: boolean }[] = await m.query(LOCAL_TARIFF_OF_MONTH, [month]);
  return { ids: row.ids.map(Number), amount: Number(row.amount), premium: row.premium };
}

/** The pledges of `month`'s fiscal year whose months include it, at their current revision. */
export async function pledgesOfMonth(m: EntityManager, month: string): Promise<MonthPledge[]> {
  type Row = { code: string; revision: number; priority: number; scope: PledgeScope; village_codes: string[]; niks: string[]; share_percent: number; quota: number | null; budget: string | null };
  const rows: Row[] = await m.query(PLEDGES_OF_MONTH, [Number(month.slice(0, 4)), Number(month.slice(5))]);
  return rows.map((p) => ({
    code: p.code,
    revision: p.revision,
    priority: p.priority,
    scope: p.scope,
    villageCodes: p.village_codes,
    niks: p.niks,
    sharePercent: p.share_percent,
    quota: p.quota,
    budget: p.budget === null ? null : Number(p.budget),
  }));
}
