import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { pledgeWarnings, type PledgeWarning } from '../domain/pledge-rules.js';
import { ALLOCATION_MONTH_ROW, FUNDED_BY_PLEDGE, PLEDGES_AT_REVISIONS } from '../sql/summary.sql.js';

/** One month's allocation as the API and the reconciliation show it (numbers are rupiah). */
export interface AllocationSummary {
  month: string;
  participants: number;
  obligation: number;
  unfunded: { participants: number; amount: number };
  funded: { pledgeCode: string; sourceType: string; participants: number; amount: number }[];
  warnings: PledgeWarning[];
}

/** The stored allocation of a month, with its status and rule inputs (GET /allocations/:month). */
export interface AllocationDetail extends AllocationSummary {
  status: 'CURRENT' | 'STALE' | null;
  tariffIds: number[];
  pledgeRevisions: Record<string, number>;
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
    const pledges: { code: string; source_type: string; fund: string | null; fiscal_year: number }[] = Object.keys(revisions).length
      ? await m.query(PLEDGES_AT_REVISIONS, [JSON.stringify(revisions)])
      : [];
    return {
      month,
      participants: Number(row?.participants ?? 0),
      obligation: Number(row?.obligation ?? 0),
      unfunded: { participants: Number(row?.unfunded_participants ?? 0), amount: Number(row?.unfunded_amount ?? 0) },
      funded: funded.map((f) => ({ pledgeCode: f.pledge_code, sourceType: f.source_type, participants: Number(f.participants), amount: Number(f.amount) })),
      warnings: pledges.flatMap((p) => pledgeWarnings({ code: p.code, sourceType: p.source_type, fund: p.fund, fiscalYear: Number(p.fiscal_year) })),
      status: row?.status ?? null,
      tariffIds: (row?.tariff_ids ?? []).map(Number),
      pledgeRevisions: revisions,
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
