/** Everything the sheets of one reconciliation workbook share, loaded once before writing. */
import type { VillageView } from '../../regions/regions.service.js';
import type { MonthTariff } from '../data/apbd-accounts.js';
import { funderLabel } from '../format/labels.js';
import type { PaidPledgeMonth, PledgeRevisions, ReportQueries, PledgeRow, RevisionRange } from '../data/report-queries.js';
import type { ReconciliationSummary, RunRow } from '../data/reconciliation-summary.js';
import type { WorkbookOutput } from '../workbook/workbook-output.js';

export interface ReconciliationWorkbookContext {
  output: WorkbookOutput;
  queries: ReportQueries;
  run: RunRow;
  summary: ReconciliationSummary;
  month: string;
  fiscalYear: number;
  /** For a finalized run, when it was finalized: pledges and payments are read as they stood then. */
  asOf: Date | null;
  /** Pledges of the fiscal year, in allocation order. */
  pledges: PledgeRow[];
  pledgeByCode: Map<string, PledgeRow>;
  /** Payments per pledge, month and corrected month from January to the run's month (as of `asOf`), read once. */
  paidThisYear: PaidPledgeMonth[];
  /**
   * For a pledge of another fiscal year paid in this year's months (a correction of its closed months): what the
   * allocation charged it over its own fiscal year, its true realisation (Pagu & Realisasi lists it apart).
   */
  otherYearsUsed: Map<string, number>;
  /**
   * The year's pledges in allocation order, each at the revision the run's figures were allocated
   * under (its inputs' `pledges`; for a run stored without them, the month's allocation): the terms
   * that produced them, which Per Sumber Dana shows beside them. `pledges` may be other revisions: as
   * they stood when a run was finalized (QA: a frozen June finalized after a revision showed quota
   * 1000 beside 1200 participants allocated under 1200), or, for a DONE run, the month's allocation
   * redone since (QA: 60% beside amounts computed at 50%).
   */
  allocatedPledges: PledgeRow[];
  /** Per pledge, the revisions the run's splits carried (its inputs); empty for a run stored without them. */
  runRevisions: ReadonlyMap<string, RevisionRange>;
  /** The recorded revisions (who/when/why) of those pledges, cited beside the revision each month was allocated under. */
  revisions: PledgeRevisions;
  /** Tariff of each month from January to the run's month, and of each month a payment of those months corrects. */
  tariffs: Map<string, MonthTariff>;
  villages: Map<string, VillageView>;
  generatedAt: Date;
  /** Participants and obligation of the month as the tables hold them now. */
  current: { participants: number; amount: number };
  /**
   * What of a DONE run's month changed since it ran, in Indonesian (ReportQueries.monthSinceRun):
   * the sheets read from the run (Ringkasan, Per Sumber Dana, Temuan, Berita Acara) then disagree
   * with those read from the month as it is now, and the workbook says so.
   */
  changes: string[];
  pageSize: number;
}

/**
 * The pledges the run funded something from, in allocation order, each at the revision the run's figures were allocated
 * under (`allocatedPledges`, as Per Sumber Dana and GET /reconciliations/:id read them): whose §5 warnings Ringkasan says.
 * Not the month's allocation as it is now (QA: a draft's warnings came and went as the month was re-allocated after a
 * pledge's fund was corrected, and contradicted Per Sumber Dana in the same file).
 */
export function fundedPledgesAsRun(ctx: Pick<ReconciliationWorkbookContext, 'allocatedPledges' | 'summary'>): PledgeRow[] {
  const funded = new Set(ctx.summary.funded.filter((f) => f.amount > 0).map((f) => f.pledgeCode));
  return ctx.allocatedPledges.filter((p) => funded.has(p.code));
}

/**
 * Whether a DONE run's month changed since it ran (ctx.changes) or holds another obligation now: the sheets read from
 * the month as it is now (Pagu & Realisasi, Per Desa, Rincian Peserta) then disagree with those read from the run.
 */
export function monthChangedSinceRun(ctx: Pick<ReconciliationWorkbookContext, 'changes' | 'current' | 'summary'>): boolean {
  return ctx.changes.length > 0 || ctx.current.amount !== ctx.summary.obligation || ctx.current.participants !== ctx.summary.participants;
}

/**
 * A pledge's funder in the one form every sheet names it (funderLabel): "PT Agricinal — TJSLP (CSR),
 * TJSLP-ALNO-2026". `sourceType`: the run's own, for a pledge the context does not hold.
 */
export function funderOf(ctx: Pick<ReconciliationWorkbookContext, 'pledgeByCode'>, code: string, sourceType?: string): string {
  const pledge = ctx.pledgeByCode.get(code);
  return funderLabel({ code, funder: pledge?.funder, sourceType: pledge?.sourceType ?? sourceType, withdrawn: pledge?.withdrawn });
}

/**
 * funderOf, and for a pledge of another fiscal year (here for a payment recorded in this year's months: a correction
 * of its last months, paid late) its year and why it is here (QA: it read like an overpayment of this year).
 */
export function funderInYear(ctx: Pick<ReconciliationWorkbookContext, 'pledgeByCode' | 'fiscalYear'>, code: string, sourceType?: string): string {
  const pledge = ctx.pledgeByCode.get(code);
  const label = funderOf(ctx, code, sourceType);
  return pledge && pledge.fiscalYear !== ctx.fiscalYear ? `${label} (tahun anggaran ${pledge.fiscalYear}: pembayaran koreksi yang dicatat tahun ini)` : label;
}

export function villageNames(ctx: Pick<ReconciliationWorkbookContext, 'villages'>, code: string): { village: string; kecamatan: string } {
  const v = ctx.villages.get(code);
  return { village: v?.name ?? '', kecamatan: v?.kecamatanName ?? '' };
}
