/**
 * WritePledgeStatement: the statement of one pledge (for a company's TJSLP, but any pledge) for a
 * month or a fiscal year — the pledge against what the allocation used and what was paid, month
 * by month with its status counting its own payments and the corrections recorded for it (statementMonth) and its
 * lateness as GET /payments/status says it (§8: the payments recorded for the month, statementMonthLate), the pledge
 * revision each month was allocated under and the corrections that link months, the participants it
 * funded, and its payments. Sheets: Ringkasan, Peserta, Pembayaran.
 */
import { Injectable } from '@nestjs/common';
import type { Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { Clock, dayInWib } from '../../common/clock/clock.js';
import { FundingException } from '../../funding/funding.exception.js';
import { storedPledgeCode } from '../../funding/pledges/pledge-code.js';
import { AllocateMonth } from '../../funding/use-cases/allocate-month.use-case.js';
import { RegionsService } from '../../regions/regions.service.js';
import { keysetPages } from '../data/keyset-pages.js';
import { revisionUses } from '../data/pledge-compliance.js';
import { type PledgeRow, ReportQueries } from '../data/report-queries.js';
import { type MonthKey, type PledgeSplitRow, StatementQueries } from '../data/statement-queries.js';
import { funderLabel, monthLabel, PAID_LATE_HEADER, recomputedNote, rupiah, wibTimestamp } from '../format/labels.js';
import { revisionNumbers } from '../format/revisions.js';
import { correctionNotesByMonth } from '../statements/correction-notes.js';
import { earlierCorrectionsLine, statementMonth, statementMonthLabel, statementMonthLate } from '../statements/statement-month.js';
import { writePledgeFacts, writeRevisionsUsed } from '../statements/pledge-facts.js';
import { balanceByDueness, pledgeMonthFigures } from '../statements/not-yet-due.js';
import { ReportsException } from '../reports.exception.js';
import { writePaymentsSheet } from '../statements/payments-sheet.js';
import { draftReason, frozenUnsigned, funderSignatory, writeStatementClosing } from '../statements/statement-closing.js';
import { DINKES_HEAD } from '../workbook/signature-block.js';
import { assertAllocated, NOT_ALLOCATED_NOTE, resolvePeriod, type StatementPeriod } from '../statements/statement-period.js';
import { writePagedTable } from '../workbook/table-series.js';
import { TableSheet, type TableColumn } from '../workbook/table-sheet.js';
import { WorkbookOutput } from '../workbook/workbook-output.js';
import type { PreparedWorkbook } from './write-reconciliation-workbook.use-case.js';
import type { RequestRecomputes } from '../../funding/recomputed-months.js';

export interface WritePledgeStatementCommand {
  pledgeCode: string;
  month?: string;
  year?: number;
  /** A quarter (1–4) of `year`. */
  quarter?: number;
  pageSize?: number;
  /** Last row of a sheet before the Peserta table continues on the next (tests lower it; Excel's limit otherwise). */
  sheetRows?: number;
  /** Who asked: recorded on months re-allocated because they were STALE. */
  actor: string;
  /** The request's (`@RecomputesOf()`): its answer's header says the months recomputed. */
  recomputes?: RequestRecomputes;
}

const MONTH_COLUMNS: TableColumn[] = [
  { header: 'Bulan', kind: 'text', width: 16 },
  { header: 'Peserta', kind: 'count', width: 10 },
  { header: 'Terutang (Rp)', kind: 'rupiah', width: 18, total: true },
  { header: 'Dibayar (Rp)', kind: 'rupiah', width: 18, total: true },
  { header: 'Selisih Dibayar − Terutang (Rp)', kind: 'rupiah', width: 18, total: true },
  { header: 'Status', kind: 'text', width: 26 },
  { header: PAID_LATE_HEADER, kind: 'text', width: 14 },
  { header: 'Revisi Komitmen', kind: 'text', width: 14 },
  { header: 'Koreksi', kind: 'text', width: 44 },
];

const SPLIT_COLUMNS: TableColumn[] = [
  { header: 'Bulan', kind: 'text', width: 16 },
  { header: 'NIK', kind: 'text', width: 19 },
  { header: 'NOKA', kind: 'text', width: 16 },
  { header: 'Nama', kind: 'text', width: 28 },
  { header: 'Kode Desa', kind: 'text', width: 15 },
  { header: 'Desa/Kelurahan', kind: 'text', width: 22 },
  { header: 'Iuran (Rp)', kind: 'rupiah', width: 14, total: true },
  { header: 'Didanai Komitmen Ini (Rp)', kind: 'rupiah', width: 16, total: true },
];

/** A month before the pledge's first or after its last (QA: TJSLP-KOPI, July–December, read 0 / Rp0 / - for January–June, as if it had failed to pay). */
const OUTSIDE_TERMS = 'Di luar masa komitmen';
const outsideTerms = (p: Pick<PledgeRow, 'fromMonth' | 'toMonth'>, month: string) => {
  const m = Number(month.slice(5));
  return m < p.fromMonth || m > p.toMonth;
};

/**
 * The status of a month in which the pledge used and was paid nothing: outside its months, its pagu already used up by
 * the months before (QA: October–December of a village pledge whose Rp2.000.000 ran out in September read 0 / Rp0 /
 * "-", as if nobody had been in its scope), or "-" (nobody it funds was covered, or pledges before it paid everything).
 */
function idleMonthStatus(p: Pick<PledgeRow, 'fromMonth' | 'toMonth' | 'budget'>, month: string, usedBefore: number): string {
  if (outsideTerms(p, month)) return OUTSIDE_TERMS;
  if (p.budget !== null && usedBefore >= p.budget) return `Pagu habis (${rupiah(p.budget)} terpakai sebelum bulan ini)`;
  return '-';
}

@Injectable()
export class WritePledgeStatement {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reports: ReportQueries,
    private readonly statements: StatementQueries,
    private readonly regions: RegionsService,
    private readonly clock: Clock,
    private readonly allocateMonth: AllocateMonth,
  ) {}

  async prepare(command: WritePledgeStatementCommand): Promise<PreparedWorkbook> {
    const pledge = await this.reports.pledge(command.pledgeCode);
    // 404 PLEDGE_NOT_FOUND as GET /splits says it, naming a code that differs only in case ("apbd-2026").
    if (!pledge) throw FundingException.pledgeNotFound(command.pledgeCode, await storedPledgeCode(this.dataSource, command.pledgeCode));
    const period = resolvePeriod(command);
    if (period.from.slice(0, 4) !== String(pledge.fiscalYear)) throw ReportsException.outsideFiscalYear(pledge.code, pledge.fiscalYear, period.label);
    const allocated = await this.statements.allocatedMonths(period.from, period.to);
    const closed = await this.statements.closedMonths(period.from, period.to);
    // closed months frozen by a later finalization without a finalized reconciliation: no signed Berita Acara yet (as the year recap)
    const frozen = frozenUnsigned(await this.statements.frozenUnreconciled(period.from, period.to), 'laporan');
    assertAllocated(period, allocated);
    const recomputed = await this.allocateMonth.refreshStale(command.actor, period, command.recomputes);
    const yearStart = `${period.from.slice(0, 4)}-01`;
    const due = await this.statements.dueByMonth([pledge.code], period.from, period.to);
    const usedBefore = [...(await this.statements.dueByMonth([pledge.code], yearStart, period.to)).entries()]
      .filter(([m]) => m < period.from)
      .reduce((a, [, d]) => a + d.amount, 0);
    const payments = await this.reports.payments(period.from, period.to, [pledge.code]);
    const correcting = await this.reports.correctionsOf(period.from, period.to, [pledge.code]);
    // a corrected month says what is left after its corrections, as the console's note
    const corrections = correctionNotesByMonth(payments, correcting, (_code, month) => due.get(month)?.amount ?? 0);
    const revisions = await this.reports.pledgeRevisions([pledge.code]);
    // the period's months at the terms of the revision each was allocated under: its fund and §5 warnings (QA: a month of
    // Revisi 1 under Dana Desa read the fund corrected since, ADD, and no warning)
    const uses = revisionUses(pledge.code, [...due].map(([month, d]) => [month, d.revisions] as const), await this.reports.revisionTerms([pledge.code]));
    const villageList = await this.regions.villages();
    const villages = new Map(villageList.map((v) => [v.code, v.name]));
    const generatedAt = this.clock.now();
    const title = (what: string) => [`${what}: ${funderLabel(pledge)}`, `${period.label} · dibuat ${wibTimestamp(generatedAt)}`, ...recomputedNote(recomputed)];

    return {
      filename: `laporan-komitmen-${pledge.code.replace(/[^\w-]/g, '_')}-${period.slug}.xlsx`,
      write: async (destination: Writable) => {
        const output = new WorkbookOutput(destination, generatedAt);
        // signed, so its rows' heights are written (keepTogether)
        const t = new TableSheet(output.workbook, 'Ringkasan', MONTH_COLUMNS, { title: title('Laporan Komitmen Pendanaan Iuran'), fixedRowHeights: true });
        let usedSoFar = usedBefore; // of the fiscal year, before the month
        for (const month of period.months) {
          const used = due.get(month);
          // its own payments and the corrections recorded for it (statementMonth); a month with nothing due or paid has no status
          const m = statementMonth(pledge.code, month, used?.amount ?? 0, payments, correcting);
          const paidAmount = m.paid;
          const row = t.currentRow;
          // A month of the year not allocated (yet): nothing used, not "0 peserta"; what was paid for it still shows.
          const isAllocated = allocated.has(month);
          t.addRow([
            monthLabel(month),
            isAllocated ? (used?.participants ?? 0) : { note: NOT_ALLOCATED_NOTE },
            isAllocated ? (used?.amount ?? 0) : null,
            paidAmount,
            { formula: `D${row}-C${row}`, result: paidAmount - (used?.amount ?? 0) },
            used?.amount || paidAmount || m.corrections.length ? statementMonthLabel(m, month, dayInWib(generatedAt)) : idleMonthStatus(pledge, month, usedSoFar),
            statementMonthLate(m), // GET /payments/status's `late` of the month (§8), '-' when nothing was recorded for it
            used ? revisionNumbers(used.revisions) : '-',
            corrections.get(month)?.join('; ') ?? null,
          ]);
          usedSoFar += used?.amount ?? 0;
        }
        t.finishTable();
        // what was recorded in the period for months before it counts there, outside these totals
        const earlier = earlierCorrectionsLine(payments, period.from);
        if (earlier) t.writeStyledRow([earlier]);
        writePledgeFacts(t, pledge, usedBefore, revisions, villages, uses);
        const mixed = writeRevisionsUsed(t, pledge.code, period, due, revisions);
        // what the funder signs for: the JUMLAH row's own figures (t.sum). What the pledge funded is what it owed:
        // §8's due is its splits, which Terutang sums and the Peserta sheet's Didanai Komitmen Ini lists.
        const figures = pledgeMonthFigures([pledge.code], period.months, (_, m) => due.get(m)?.amount ?? 0, [...payments.filter((p) => !p.adjustsMonth), ...correcting]);
        const amounts = [
          { label: 'Terutang (didanai komitmen ini)', amount: t.sum(2) },
          { label: 'Dibayar', amount: t.sum(3) },
          // what is short for months not yet due on the day it is taken is said so, not "kurang bayar" (QA)
          ...balanceByDueness({ label: 'Selisih dibayar − terutang', amount: t.sum(4) }, figures, dayInWib(generatedAt)),
        ];
        // a month allocated under two revisions (its warning above) is not to be signed either
        const remix = mixed.length ? [`Alokasi ${mixed.join(', ')} memakai lebih dari satu revisi komitmen. Tanda tangani laporan yang diunduh sesudah dialokasikan ulang.`] : [];
        writeStatementClosing(t, amounts, draftReason(period, allocated, closed, [...frozen, ...remix]), [funderSignatory(pledge, villageList), DINKES_HEAD]);
        t.commit();
        await this.writeSplits(output, title('Peserta yang Didanai'), pledge.code, period, villages, command);
        writePaymentsSheet(output, title('Pembayaran'), period, payments, correcting);
        await output.finish();
      },
    };
  }

  /** Peserta: the participant-months the pledge funded, continued on "Peserta (2)" past Excel's last row (a year of an APBD pledge over the whole register). */
  private writeSplits(output: WorkbookOutput, title: string[], code: string, period: StatementPeriod, villages: Map<string, string>, command: WritePledgeStatementCommand): Promise<void> {
    const pages = keysetPages<PledgeSplitRow, MonthKey>(
      (after, limit) => this.statements.pledgeSplitsPage(code, period.from, period.to, after, limit),
      (r) => ({ month: r.month, nik: r.nik }),
      { month: '', nik: '' },
      command.pageSize ?? 5000,
    );
    return writePagedTable(output, { name: 'Peserta', columns: SPLIT_COLUMNS, options: { title, maxRows: command.sheetRows } }, pages, (r) => [
      monthLabel(r.month),
      r.nik,
      r.noka,
      r.name,
      r.villageCode,
      r.villageCode ? villages.get(r.villageCode) : null,
      r.obligation,
      r.amount,
    ]);
  }
}
