/**
 * Runs the report SQL (sql/report.sql.ts) and returns typed rows with money as numbers.
 * Each call is one short query: nothing holds a connection across calls (PGlite has one).
 */
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { changedSince, newerRun, readMonthInputs } from '../../reconciliation/run-inputs.js';
import * as SQL from '../sql/report.sql.js';
import { TERMS_OF_REVISIONS } from '../../funding/sql/pledges.sql.js';
import type { RevisionFacts } from '../format/labels.js';
import type { MonthTariff } from './apbd-accounts.js';
import type { RevisionUse } from '../../funding/domain/pledge-warnings.js';
import { pledgeComplianceWarnings } from './pledge-compliance.js';
import type { RunRow } from './reconciliation-summary.js';

export interface PledgeRow {
  code: string;
  sourceType: string;
  fund: string | null;
  funder: string;
  fiscalYear: number;
  fromMonth: number;
  toMonth: number;
  scope: string;
  villageCodes: string[];
  sharePercent: number;
  quota: number | null;
  budget: number | null;
  priority: number;
  legalBasis: string | null;
  /** The revision this row is (the pledge's current one, or the one it stood at as of a finalized run). */
  revision: number;
  /** Withdrawn (dicabut), as it stands, or as it stood as of a finalized run: named "(dicabut)" (funderLabel). */
  withdrawn: boolean;
  /** When and by whom, read with the pledge alone (ReportQueries.pledge); absent elsewhere. */
  withdrawnAt?: Date | null;
  withdrawnBy?: string | null;
  warnings: string[];
}

/** The pledge revisions (lowest and highest) a pledge's splits of one month were allocated under. */
export interface RevisionRange {
  min: number;
  max: number;
}

/** Per pledge code, its recorded revisions by number. */
export type PledgeRevisions = Map<string, Map<number, RevisionFacts>>;

/** Per pledge code, the terms §5 reads (source type, fund, fiscal year) of each of its revisions by number. */
export type RevisionTerms = Map<string, Map<number, RevisionUse['terms']>>;

export interface PledgeMonthAmount {
  pledgeCode: string;
  month: string;
  participants: number;
  amount: number;
}

/** Paid per pledge and month recorded in, apart by the month corrected (null: the month's own payments). */
export interface PaidPledgeMonth extends PledgeMonthAmount {
  adjustsMonth: string | null;
}

export interface PledgeMonthSplits extends PledgeMonthAmount {
  revisions: RevisionRange;
}

export interface PaymentRow {
  pledgeCode: string;
  month: string;
  amount: number;
  paidAt: string;
  reference: string;
  /** The earlier (finalized) month a correction is for; null for a payment of `month` itself. */
  adjustsMonth: string | null;
}

export interface VillageTotals {
  villageCode: string;
  /** Every participant-month owed in the village (the API's `obligations` by village). */
  participants: number;
  obligation: number;
  /** Those with any funding, partly funded included (the API's `participants` by village). */
  fundedParticipants: number;
  apbd: number;
  apbdProv: number;
  desa: number;
  tjslp: number;
  unfundedParticipants: number;
  unfunded: number;
}

export interface ParticipantMonthRow {
  nik: string;
  noka: string | null;
  name: string | null;
  villageCode: string;
  tmt: string;
  amount: number;
  unfunded: number;
  apbd: number;
  apbdProv: number;
  desa: number;
  tjslp: number;
  pledges: string | null;
}

export interface FindingRow {
  seq: number;
  category: string;
  nik: string | null;
  noka: string | null;
  /** The register's NOKA when the run classified it (migration 1768100000000). */
  registerNoka: string | null;
  name: string | null;
  rowNumber: number | null;
  billedAmount: number | null;
  expectedAmount: number | null;
  action: string;
}

type Raw = Record<string, any>;
const num = (v: unknown): number => Number(v ?? 0);
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

const toPayment = (r: Raw): PaymentRow => ({ pledgeCode: r.pledge_code, month: r.month, amount: num(r.amount), paidAt: r.paid_at, reference: r.reference, adjustsMonth: r.adjusts_month ?? null });

export function toPledge(r: Raw): PledgeRow {
  const pledge = {
    code: r.code,
    sourceType: r.source_type,
    fund: r.fund,
    funder: r.funder,
    fiscalYear: r.fiscal_year,
    fromMonth: r.from_month,
    toMonth: r.to_month,
    scope: r.scope,
    villageCodes: r.village_codes ?? [],
    sharePercent: r.share_percent,
    quota: r.quota,
    budget: numOrNull(r.budget),
    priority: r.priority,
    legalBasis: r.legal_basis,
    revision: num(r.revision),
    withdrawn: r.withdrawn === true,
    ...(r.withdrawn_at !== undefined ? { withdrawnAt: r.withdrawn_at === null ? null : new Date(r.withdrawn_at), withdrawnBy: r.withdrawn_by } : {}),
  };
  return { ...pledge, warnings: pledgeComplianceWarnings(pledge) };
}

@Injectable()
export class ReportQueries {
  constructor(private readonly dataSource: DataSource) {}

  private query<T = Raw>(sql: string, params: unknown[]): Promise<T[]> {
    return this.dataSource.query(sql, params);
  }

  async run(id: string): Promise<RunRow | null> {
    const [row] = await this.query<RunRow>(SQL.RUN, [id]);
    return row ?? null;
  }

  /**
   * The month as it is now, against the run: a newer version of the month and what changed since a
   * DONE run ran (reconciliation's newerRun and changedSince; nothing for a FINAL run, whose month is
   * closed) and the current obligation. A
   * DONE run's month is read once for both.
   */
  async monthSinceRun(run: RunRow): Promise<{ changes: string[]; current: { participants: number; amount: number } }> {
    if (run.status !== 'DONE' || !run.inputs) return { changes: [], current: await this.obligationTotals(run.month) };
    const now = await readMonthInputs(this.dataSource, run.month);
    const newer = await newerRun(this.dataSource, run.month, Number(run.version));
    const changes = [...(newer ? [newer] : []), ...(await changedSince(this.dataSource, run.month, run.inputs, now))];
    return { changes, current: { participants: num(now.totals.participants), amount: num(now.totals.obligation) } };
  }

  /** The year's pledges as they stood at `asOf` (a finalized run's finalized_at). */
  async pledgesOfYear(year: number, asOf: Date): Promise<PledgeRow[]> {
    return (await this.query(SQL.PLEDGES_OF_YEAR_AS_OF, [year, asOf])).map(toPledge);
  }

  /** The year's pledges as `month`'s allocation used them (the revisions its splits carry), the others as they stand. */
  async pledgesAsAllocated(year: number, month: string): Promise<PledgeRow[]> {
    return (await this.query(SQL.PLEDGES_OF_YEAR_AS_ALLOCATED, [year, month])).map(toPledge);
  }

  /** The year's pledges at the given revisions (code → revision), the others as they stand. */
  async pledgesAtRevisions(year: number, revisions: Record<string, number>): Promise<PledgeRow[]> {
    return (await this.query(SQL.PLEDGES_OF_YEAR_AT_REVISIONS, [year, JSON.stringify(revisions)])).map(toPledge);
  }

  async pledge(code: string): Promise<PledgeRow | null> {
    const [row] = await this.query(SQL.PLEDGE, [code]);
    return row ? toPledge(row) : null;
  }

  async tariffByMonth(months: string[]): Promise<Map<string, MonthTariff>> {
    const rows = await this.query(SQL.TARIFF_BY_MONTH, [months]);
    return new Map(rows.map((r) => [r.month, { month: r.month, local: num(r.local), bantuanDaerah: num(r.bantuan_daerah), central: num(r.central) }]));
  }

  async splitsByPledgeMonth(from: string, to: string): Promise<PledgeMonthSplits[]> {
    return (await this.query(SQL.SPLITS_BY_PLEDGE_MONTH, [from, to])).map((r) => ({
      pledgeCode: r.pledge_code,
      month: r.month,
      participants: num(r.participants),
      amount: num(r.amount),
      revisions: { min: num(r.min_revision), max: num(r.max_revision) },
    }));
  }

  /** The recorded revisions (when, why; who is in pledge_revision too) of some pledges. */
  async pledgeRevisions(codes: string[]): Promise<PledgeRevisions> {
    const out: PledgeRevisions = new Map();
    for (const r of await this.query(SQL.PLEDGE_REVISIONS, [codes])) {
      let of = out.get(r.code);
      if (!of) out.set(r.code, (of = new Map()));
      of.set(num(r.revision), { revision: num(r.revision), reason: r.reason, changedAt: r.changed_at ? new Date(r.changed_at) : null });
    }
    return out;
  }

  /** The terms of every revision of some pledges, for §5 by the revision each month was allocated under. */
  async revisionTerms(codes: string[]): Promise<RevisionTerms> {
    const out: RevisionTerms = new Map();
    for (const r of await this.query(TERMS_OF_REVISIONS, [codes])) {
      let of = out.get(r.code);
      if (!of) out.set(r.code, (of = new Map()));
      of.set(num(r.revision), { sourceType: r.source_type, fund: r.fund, fiscalYear: num(r.fiscal_year) });
    }
    return out;
  }

  /** Corrections (payments with adjustsMonth) of months from..to, whichever month they were recorded in. */
  async correctionsOf(from: string, to: string, pledgeCodes: string[]): Promise<PaymentRow[]> {
    return (await this.query(SQL.CORRECTIONS_OF_MONTHS, [from, to, pledgeCodes])).map(toPayment);
  }

  /**
   * Payments recorded by `asOf` (a finalized run's finalized_at), or all, per pledge, month recorded in and month
   * corrected (`adjustsMonth`, null for the month's own payments): a correction's APBD account split is its
   * corrected month's tariff.
   */
  async paymentsByPledgeMonth(from: string, to: string, asOf: Date | null = null): Promise<PaidPledgeMonth[]> {
    return (await this.query(SQL.PAYMENTS_BY_PLEDGE_MONTH, [from, to, asOf])).map((r) => ({
      pledgeCode: r.pledge_code,
      month: r.month,
      adjustsMonth: r.adjusts_month ?? null,
      participants: num(r.payments),
      amount: num(r.amount),
    }));
  }

  async payments(from: string, to: string, pledgeCodes: string[] | null): Promise<PaymentRow[]> {
    return (await this.query(SQL.PAYMENTS_LIST, [from, to, pledgeCodes])).map(toPayment);
  }

  async obligationTotals(month: string): Promise<{ participants: number; amount: number }> {
    const [r] = await this.query(SQL.OBLIGATION_TOTALS, [month]);
    return { participants: num(r.participants), amount: num(r.amount) };
  }

  async byVillage(month: string): Promise<VillageTotals[]> {
    return (await this.query(SQL.BY_VILLAGE, [month])).map((r) => ({
      villageCode: r.village_code,
      participants: num(r.participants),
      obligation: num(r.obligation),
      fundedParticipants: num(r.funded_participants),
      apbd: num(r.apbd),
      apbdProv: num(r.apbd_prov),
      desa: num(r.desa),
      tjslp: num(r.tjslp),
      unfundedParticipants: num(r.unfunded_participants),
      unfunded: num(r.unfunded),
    }));
  }

  /** NOKA and name as they were at `asOf` (the run's end): see PARTICIPANT_MONTHS_PAGE. */
  async participantMonthsPage(month: string, afterNik: string, limit: number, asOf: Date): Promise<ParticipantMonthRow[]> {
    return (await this.query(SQL.PARTICIPANT_MONTHS_PAGE, [month, afterNik, limit, asOf])).map((r) => ({
      nik: r.nik,
      noka: r.noka,
      name: r.name,
      villageCode: r.village_code,
      tmt: r.tmt,
      amount: num(r.amount),
      unfunded: num(r.unfunded),
      apbd: num(r.apbd),
      apbdProv: num(r.apbd_prov),
      desa: num(r.desa),
      tjslp: num(r.tjslp),
      pledges: r.pledges,
    }));
  }

  async findingsPage(runId: string, afterSeq: number, limit: number): Promise<FindingRow[]> {
    return (await this.query(SQL.FINDINGS_PAGE, [runId, afterSeq, limit])).map((r) => ({
      seq: r.seq,
      category: r.category,
      nik: r.nik,
      noka: r.noka,
      registerNoka: r.register_noka,
      name: r.name,
      rowNumber: r.row_number,
      billedAmount: numOrNull(r.billed_amount),
      expectedAmount: numOrNull(r.expected_amount),
      action: r.action,
    }));
  }
}
