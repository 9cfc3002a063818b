import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { pledgeWarnings, type PledgeWarning } from '../domain/pledge-warnings.js';
import { compareCodePoints } from '../domain/code-order.js';
import { monthName } from '../../common/month.js';
import { pledgesNotRenewed, type PledgesNotRenewedWarning } from './pledges-not-renewed.js';
import { ALLOCATION_MONTH_ROW, FUNDED_BY_PLEDGE, PLEDGES_AT_REVISIONS } from '../sql/summary.sql.js';

/** One month's allocation as the API and the reconciliation show it (numbers are rupiah). */
export interface AllocationSummary {
  month: string;
  participants: number;
  obligation: number;
  unfunded: { participants: number; amount: number };
  funded: { pledgeCode: string; sourceType: string; participants: number; amount: number }[];
  warnings: AllocationWarning[];
}

/** A pledge's compliance warning, or NO_PLEDGES_FOR_YEAR: the month's fiscal year has no pledge at all, so everyone is unfunded. */
export type AllocationWarning = PledgeWarning | { code: 'NO_PLEDGES_FOR_YEAR'; message: string } | PledgesNotRenewedWarning;

/**
 * NO_PLEDGES_FOR_YEAR of a month with participants when its fiscal year has no pledge (QA: every participant unfunded,
 * with `warnings: []`, as if the pledges had run out), or null. Told by the allocation and by a reconciliation of it.
 */
export async function noPledgesFor(m: EntityManager, month: string, participants: number): Promise<AllocationWarning | null> {
  if (!participants) return null;
  // a withdrawn pledge pays nothing: a year whose only pledges are withdrawn has none
  const [any] = await m.query('SELECT 1 FROM pledge WHERE fiscal_year = $1 AND withdrawn_at IS NULL LIMIT 1', [Number(month.slice(0, 4))]);
  if (any) return null;
  const year = month.slice(0, 4);
  return {
    code: 'NO_PLEDGES_FOR_YEAR',
    message: `Belum ada komitmen pendanaan tahun anggaran ${year}: semua peserta ${monthName(month)} tidak terdanai. Catat komitmen tahun ${year} lalu hitung ulang alokasi.`,
  };
}

/**
 * A pledge's budget or quota as the month's allocation met it, so that an auditor can see why
 * participants went unfunded (QA: nothing said the APBD pagu had run out): `budgetUsed`, rupiah of
 * the fiscal year through the month; `reached`, the limits it had met (BUDGET: nothing left of its
 * pagu; QUOTA: the month's participants at its quota).
 */
export interface PledgeLimit {
  pledgeCode: string;
  sourceType: string;
  budget: number | null;
  budgetUsed: number;
  budgetLeft: number | null;
  quota: number | null;
  participants: number;
  reached: ('BUDGET' | 'QUOTA')[];
}

/** The stored allocation of a month, with its status and rule inputs (GET /allocations/:month). */
export interface AllocationDetail extends AllocationSummary {
  status: 'CURRENT' | 'STALE' | null;
  tariffIds: number[];
  pledgeRevisions: Record<string, number>;
  /** The pledges with a budget or quota the month considered, and how far it used them. */
  limits: PledgeLimit[];
  allocatedBy: string | null;
  allocatedAt: Date | null;
}

@Injectable()
export class AllocationSummaries {
  /** Reads what is stored for `month` (zeros when it was never allocated). */
  async of(month: string, m: EntityManager): Promise<AllocationDetail> {
    const [row] = await m.query(ALLOCATION_MONTH_ROW, [month]);
    const funded: { pledge_code: string; source_type: string; participants: number; amount: string }[] = await m.query(FUNDED_BY_PLEDGE, [month]);
    const revisions: Record<string, number> = row?.pledge_revisions ?? {};
    const pledges: PledgeTermsRow[] = Object.keys(revisions).length ? await m.query(PLEDGES_AT_REVISIONS, [JSON.stringify(revisions), month]) : [];
    const participants = new Map(funded.map((f) => [f.pledge_code, Number(f.participants)]));
    const noPledges = (await noPledgesFor(m, month, Number(row?.participants ?? 0))) ?? (await pledgesNotRenewed(m, month, Number(row?.participants ?? 0)));
    return {
      month,
      participants: Number(row?.participants ?? 0),
      obligation: Number(row?.obligation ?? 0),
      unfunded: { participants: Number(row?.unfunded_participants ?? 0), amount: Number(row?.unfunded_amount ?? 0) },
      funded: funded.map((f) => ({ pledgeCode: f.pledge_code, sourceType: f.source_type, participants: Number(f.participants), amount: Number(f.amount) })),
      warnings: [...(noPledges ? [noPledges] : []), ...pledges.flatMap((p) => pledgeWarnings({ code: p.code, sourceType: p.source_type, fund: p.fund, fiscalYear: Number(p.fiscal_year) }))],
      status: row?.status ?? null,
      tariffIds: (row?.tariff_ids ?? []).map(Number),
      pledgeRevisions: revisions,
      limits: limitsOf(pledges, participants),
      allocatedBy: row?.allocated_by ?? null,
      allocatedAt: row?.allocated_at ?? null,
    };
  }

  /** The contract shape only (AllocationSummary), without the stored details. */
  static brief(detail: AllocationDetail): AllocationSummary {
    const { month, participants, obligation, unfunded, funded, warnings } = detail;
    return { month, participants, obligation, unfunded, funded, warnings };
  }
}

interface PledgeTermsRow {
  code: string;
  source_type: string;
  fund: string | null;
  fiscal_year: number;
  budget: string | null;
  quota: number | null;
  priority: number;
  used: string;
}

/** The month's pledges with a budget or a quota, in allocation order (priority, then code), as PledgeLimit. */
function limitsOf(pledges: readonly PledgeTermsRow[], participantsOf: ReadonlyMap<string, number>): PledgeLimit[] {
  return pledges
    .filter((p) => p.budget !== null || p.quota !== null)
    .sort((a, b) => a.priority - b.priority || compareCodePoints(a.code, b.code))
    .map((p) => {
      const budget = p.budget === null ? null : Number(p.budget);
      const quota = p.quota === null ? null : Number(p.quota);
      const used = Number(p.used);
      const participants = participantsOf.get(p.code) ?? 0;
      const budgetLeft = budget === null ? null : Math.max(budget - used, 0);
      const reached: PledgeLimit['reached'] = [...(budgetLeft === 0 ? ['BUDGET' as const] : []), ...(quota !== null && participants >= quota ? ['QUOTA' as const] : [])];
      return { pledgeCode: p.code, sourceType: p.source_type, budget, budgetUsed: used, budgetLeft, quota, participants, reached };
    });
}
