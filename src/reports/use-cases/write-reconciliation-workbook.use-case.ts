/**
 * WriteReconciliationWorkbook: the §11 workbook of one reconciliation run, streamed sheet after
 * sheet into `destination`. `prepare()` checks the run and loads the small shared data (so a
 * missing or unfinished run is an ordinary HTTP error before any byte is sent); `write()` streams.
 */
import { Injectable } from '@nestjs/common';
import type { Writable } from 'node:stream';
import { Clock } from '../../common/clock/clock.js';
import { monthsBetween } from '../../common/month.js';
import { RegionsService } from '../../regions/regions.service.js';
import { type PledgeRow, ReportQueries } from '../data/report-queries.js';
import { normalizeSummary } from '../data/reconciliation-summary.js';
import { KOREKSI_SHEET, writeKoreksiBulanTertutup } from '../reconciliation-workbook/koreksi-bulan-tertutup.sheet.js';
import { writeBeritaAcara } from '../reconciliation-workbook/berita-acara.sheet.js';
import { writePaguRealisasi } from '../reconciliation-workbook/pagu-realisasi.sheet.js';
import { writePembayaran } from '../reconciliation-workbook/pembayaran.sheet.js';
import { writePerDesa } from '../reconciliation-workbook/per-desa.sheet.js';
import { writePerSumberDana } from '../reconciliation-workbook/per-sumber-dana.sheet.js';
import { participantMonthPages, writeRincianPeserta } from '../reconciliation-workbook/rincian-peserta.sheet.js';
import { writeRingkasan } from '../reconciliation-workbook/ringkasan.sheet.js';
import { writeTemuan } from '../reconciliation-workbook/temuan.sheet.js';
import type { ReconciliationWorkbookContext } from '../reconciliation-workbook/workbook-context.js';
import { ReportsException } from '../reports.exception.js';
import { WorkbookOutput } from '../workbook/workbook-output.js';

export interface WriteReconciliationWorkbookCommand {
  runId: string;
  /** Rows per database page for the long sheets. */
  pageSize?: number;
}

/** The sheets, in the order of DOMAIN §11. */
export const RECONCILIATION_SHEETS = ['Ringkasan', 'Pagu & Realisasi', 'Per Sumber Dana', 'Per Desa', 'Rincian Peserta', 'Temuan', KOREKSI_SHEET, 'Pembayaran', 'Berita Acara'] as const;

export interface PreparedWorkbook {
  filename: string;
  write(destination: Writable): Promise<void>;
}

@Injectable()
export class WriteReconciliationWorkbook {
  constructor(
    private readonly queries: ReportQueries,
    private readonly regions: RegionsService,
    private readonly clock: Clock,
  ) {}

  async prepare(command: WriteReconciliationWorkbookCommand): Promise<PreparedWorkbook> {
    const run = await this.queries.run(command.runId);
    if (!run) throw ReportsException.runNotFound(command.runId);
    if (run.status !== 'DONE' && run.status !== 'FINAL') throw ReportsException.runNotReady(run.id, run.status);
    const month = run.month;
    const fiscalYear = Number(month.slice(0, 4));
    // A finalized month is immutable (§9): its workbook reads pledges and payments as they stood when it was closed;
    // a run not finalized describes the pledges by the revisions its month's splits were allocated under.
    const asOf = run.status === 'FINAL' ? run.finalized_at : null;
    const pledges = asOf ? await this.queries.pledgesOfYear(fiscalYear, asOf) : await this.queries.pledgesAsAllocated(fiscalYear, month);
    // the run's figures were allocated under the revisions its inputs name; the month may have been re-allocated since (a DONE run)
    const runRevisions = new Map(Object.entries(run.inputs?.pledges ?? {}).map(([code, p]) => [code, { min: p.revisionFrom, max: p.revisionTo }]));
    const runPledges = run.inputs?.pledges
      ? await this.queries.pledgesAtRevisions(fiscalYear, Object.fromEntries([...runRevisions].map(([code, r]) => [code, r.max])))
      : asOf
        ? await this.queries.pledgesAsAllocated(fiscalYear, month)
        : pledges;
    const summary = normalizeSummary(run);
    // a pledge of another fiscal year with a payment recorded in this year's months (a correction of its last months,
    // paid in the new year) is named as every pledge is, not by its code alone (QA)
    const paidThisYear = await this.queries.paymentsByPledgeMonth(`${fiscalYear}-01`, month, asOf);
    const otherYears = await this.otherYearPledges([...summary.payments, ...paidThisYear].map((p) => p.pledgeCode), pledges);
    const revisions = await this.queries.pledgeRevisions([...new Set([...pledges.map((p) => p.code), ...summary.funded.map((f) => f.pledgeCode)])]);
    // a correction is split into the APBD accounts with the tariff of the month it corrects (QA: a 2026 arrear with 2027's)
    const corrected = paidThisYear.flatMap((p) => (p.adjustsMonth ? [p.adjustsMonth] : []));
    const tariffs = await this.queries.tariffByMonth([...new Set([...monthsBetween(`${fiscalYear}-01`, month), ...corrected])].sort());
    const otherYearsUsed = await this.usedInOwnYear(otherYears.filter((p) => p.fiscalYear !== fiscalYear));
    const { current, changes } = await this.queries.monthSinceRun(run);
    const villages = new Map((await this.regions.villages()).map((v) => [v.code, v]));
    const base = {
      queries: this.queries,
      run,
      summary,
      month,
      fiscalYear,
      asOf,
      pledges,
      pledgeByCode: new Map([...pledges, ...otherYears].map((p) => [p.code, p])),
      paidThisYear,
      otherYearsUsed,
      allocatedPledges: runPledges,
      runRevisions,
      revisions,
      tariffs,
      villages,
      generatedAt: this.clock.now(),
      current,
      changes,
      pageSize: command.pageSize ?? 10000,
    };
    return {
      filename: `rekonsiliasi-${month}-v${run.version}.xlsx`,
      write: async (destination) => {
        const output = new WorkbookOutput(destination, base.generatedAt);
        const ctx: ReconciliationWorkbookContext = { ...base, output };
        // The two big reads start now, so the database works while the first sheets are written.
        const villageTotals = this.queries.byVillage(month);
        villageTotals.catch(() => undefined);
        const participantPages = participantMonthPages(ctx);
        writeRingkasan(ctx);
        const monthRevisions = await writePaguRealisasi(ctx);
        writePerSumberDana(ctx, monthRevisions);
        await writePerDesa(ctx, villageTotals);
        await writeRincianPeserta(ctx, participantPages);
        await writeTemuan(ctx);
        writeKoreksiBulanTertutup(ctx);
        const payments = await writePembayaran(ctx);
        writeBeritaAcara(ctx, payments);
        await output.finish();
      },
    };
  }

  /** Prepare and write in one go (scripts, benches). */
  async execute(command: WriteReconciliationWorkbookCommand & { destination: Writable }): Promise<void> {
    const prepared = await this.prepare(command);
    await prepared.write(command.destination);
  }

  /** Per pledge of another fiscal year, what the allocation charged it over that year (its splits, January to December). */
  private async usedInOwnYear(pledges: PledgeRow[]): Promise<Map<string, number>> {
    const used = new Map<string, number>();
    for (const year of new Set(pledges.map((p) => p.fiscalYear))) {
      const codes = new Set(pledges.filter((p) => p.fiscalYear === year).map((p) => p.code));
      for (const r of await this.queries.splitsByPledgeMonth(`${year}-01`, `${year}-12`)) {
        if (codes.has(r.pledgeCode)) used.set(r.pledgeCode, (used.get(r.pledgeCode) ?? 0) + r.amount);
      }
    }
    return used;
  }

  /** The pledges of `codes` that `pledges` (the fiscal year's) lacks: of another year, as they stand. */
  private async otherYearPledges(codes: string[], pledges: PledgeRow[]): Promise<PledgeRow[]> {
    const known = new Set(pledges.map((p) => p.code));
    const missing = [...new Set(codes)].filter((c) => !known.has(c));
    return (await Promise.all(missing.map((c) => this.queries.pledge(c)))).filter((p): p is PledgeRow => p !== null);
  }
}
