/**
 * WriteVillageStatement: the statement a kepala desa receives — for a month or a fiscal year, the
 * village's residents and their premiums, what the village's own pledges (DESA) paid for them and
 * what others paid, what the village owed and paid, and the balance. Sheets: Ringkasan, Peserta,
 * Pembayaran.
 */
import { Injectable } from '@nestjs/common';
import type { Writable } from 'node:stream';
import { Clock, dayInWib } from '../../common/clock/clock.js';
import { AllocateMonth } from '../../funding/use-cases/allocate-month.use-case.js';
import { LABEL_STYLE, WARNING_STYLE } from '../../common/spreadsheet/workbook-style.js';
import { RegionsService } from '../../regions/regions.service.js';
import { keysetPages } from '../data/keyset-pages.js';
import { ReportQueries } from '../data/report-queries.js';
import { type MonthKey, StatementQueries, type VillageResidentRow } from '../data/statement-queries.js';
import { FUND_LABELS, funderLabel, label, monthLabel, recomputedNote, rupiah, wibTimestamp } from '../format/labels.js';
import { writePaymentsSheet } from '../statements/payments-sheet.js';
import { draftReason, frozenUnsigned, villageHead, writeStatementClosing } from '../statements/statement-closing.js';
import { DINKES_HEAD } from '../workbook/signature-block.js';
import { correctionNotesByMonth } from '../statements/correction-notes.js';
import { earlierCorrectionsLine, type StatementMonth, statementMonth, statementMonthLabel } from '../statements/statement-month.js';
import { balanceByDueness, pledgeMonthFigures } from '../statements/not-yet-due.js';
import { assertAllocated, NOT_ALLOCATED_NOTE, resolvePeriod, type StatementPeriod } from '../statements/statement-period.js';
import { writePagedTable } from '../workbook/table-series.js';
import { TableSheet, type TableColumn } from '../workbook/table-sheet.js';
import { WorkbookOutput } from '../workbook/workbook-output.js';
import type { PreparedWorkbook } from './write-reconciliation-workbook.use-case.js';
import type { RequestRecomputes } from '../../funding/recomputed-months.js';

export interface WriteVillageStatementCommand {
  villageCode: string;
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

type PlaceKind = 'Desa' | 'Kelurahan';

/** The place is said as it is (`kind`: Desa or Kelurahan) in every header; the fund labels (Dana Desa, APBDes) are names. */
const monthColumns = (kind: PlaceKind): TableColumn[] => [
  { header: 'Bulan', kind: 'text', width: 16 },
  { header: 'Peserta', kind: 'count', width: 10 },
  { header: 'Iuran (Rp)', kind: 'rupiah', width: 16, total: true },
  { header: `Ditanggung ${kind} (Rp)`, kind: 'rupiah', width: 18, total: true },
  { header: 'Ditanggung Pihak Lain (Rp)', kind: 'rupiah', width: 18, total: true },
  { header: 'Tidak Terdanai (Rp)', kind: 'rupiah', width: 16, total: true },
  { header: `Terutang ${kind} (Rp)`, kind: 'rupiah', width: 18, total: true },
  { header: `Dibayar ${kind} (Rp)`, kind: 'rupiah', width: 18, total: true },
  { header: 'Selisih Dibayar − Terutang (Rp)', kind: 'rupiah', width: 18, total: true },
  { header: `Status Pembayaran ${kind}`, kind: 'text', width: 30 },
  { header: 'Koreksi', kind: 'text', width: 44 },
];

const residentColumns = (kind: PlaceKind): TableColumn[] => [
  { header: 'Bulan', kind: 'text', width: 16 },
  { header: 'NIK', kind: 'text', width: 19 },
  { header: 'NOKA', kind: 'text', width: 16 },
  { header: 'Nama', kind: 'text', width: 28 },
  { header: 'Iuran (Rp)', kind: 'rupiah', width: 14, total: true },
  { header: `Ditanggung ${kind} (Rp)`, kind: 'rupiah', width: 16, total: true },
  { header: 'Ditanggung Pihak Lain (Rp)', kind: 'rupiah', width: 16, total: true },
  { header: 'Tidak Terdanai (Rp)', kind: 'rupiah', width: 16, total: true },
  { header: 'Komitmen Pendanaan', kind: 'text', width: 40 },
];

@Injectable()
export class WriteVillageStatement {
  constructor(
    private readonly reports: ReportQueries,
    private readonly statements: StatementQueries,
    private readonly regions: RegionsService,
    private readonly clock: Clock,
    private readonly allocateMonth: AllocateMonth,
  ) {}

  async prepare(command: WriteVillageStatementCommand): Promise<PreparedWorkbook> {
    const code = await this.regions.village(command.villageCode);
    const village = (await this.regions.villages()).find((v) => v.code === code)!;
    const period = resolvePeriod(command);
    const allocated = await this.statements.allocatedMonths(period.from, period.to);
    const closed = await this.statements.closedMonths(period.from, period.to);
    // closed months frozen by a later finalization without a finalized reconciliation: no signed Berita Acara yet (as the year recap)
    const frozen = frozenUnsigned(await this.statements.frozenUnreconciled(period.from, period.to), 'laporan');
    assertAllocated(period, allocated);
    const recomputed = await this.allocateMonth.refreshStale(command.actor, period, command.recomputes);
    const pledges = await this.statements.villagePledges(code, period.from, period.to);
    const own = [...new Set(pledges.map((p) => p.code))];
    const months = await this.statements.villageMonths(period.from, period.to, code, own);
    const due = await this.statements.dueByMonth(own, period.from, period.to);
    // each pledge's own due, for its §8 status (one pledge's surplus does not hide another's shortfall)
    const duePerPledge = new Map(await Promise.all(own.map(async (c) => [c, await this.statements.dueByMonth([c], period.from, period.to)] as const)));
    const payments = await this.reports.payments(period.from, period.to, own);
    const correcting = await this.reports.correctionsOf(period.from, period.to, own);
    const earlier = earlierCorrectionsLine(payments, period.from);
    // a month paid by a correction, or corrected later, says so, as the pledge statement does (QA: January's payment
    // for December's shortfall read as January's surplus), and what each corrected pledge-month is left with after its
    // corrections (the pledge named when the village has more than one)
    const dueOf = (pledgeCode: string, month: string) => duePerPledge.get(pledgeCode)?.get(month)?.amount ?? 0;
    const corrections = correctionNotesByMonth(payments, correcting, dueOf, own.length > 1);
    const generatedAt = this.clock.now();
    // what the statement calls the place: a kelurahan has no APBDes, and its statement says kelurahan throughout
    const kind: PlaceKind = village.level === 'kelurahan' ? 'Kelurahan' : 'Desa';
    const title = (what: string) => [
      `${what} — ${kind} ${village.name}, Kecamatan ${village.kecamatanName}`,
      `${period.label} · kode ${village.code} · dibuat ${wibTimestamp(generatedAt)}`,
      ...recomputedNote(recomputed),
    ];

    return {
      filename: `laporan-desa-${village.code.replace(/\./g, '')}-${period.slug}.xlsx`,
      write: async (destination: Writable) => {
        const output = new WorkbookOutput(destination, generatedAt);
        // Ringkasan: one row per month of the period; signed, so its rows' heights are written (keepTogether)
        const place = kind.toLowerCase();
        const t = new TableSheet(output.workbook, 'Ringkasan', monthColumns(kind), { title: title(`Laporan Iuran Jamkesda ${kind}`), fixedRowHeights: true });
        const byMonth = new Map(months.map((m) => [m.month, m]));
        // each own pledge-month as the statements count it: its own payments and the corrections recorded for it
        const ofMonth = (month: string) => own.map((c) => ({ code: c, ...statementMonth(c, month, dueOf(c, month), payments, correcting) }));
        const status = (month: string) => villageStatus(month, ofMonth(month), dayInWib(generatedAt));
        for (const month of period.months) {
          const m = byMonth.get(month);
          const owed = due.get(month)?.amount ?? 0;
          const paid = ofMonth(month).reduce((a, p) => a + p.paid, 0);
          const row = t.currentRow;
          const balance = { formula: `H${row}-G${row}`, result: paid - owed };
          const note = corrections.get(month)?.join('; ') ?? null;
          // A month of the year not allocated (yet) has no figures, not "0 peserta": only what was paid for it.
          if (!allocated.has(month)) t.addRow([monthLabel(month), { note: NOT_ALLOCATED_NOTE }, null, null, null, null, null, paid, balance, status(month), note]);
          else t.addRow([monthLabel(month), m?.participants ?? 0, m?.obligation ?? 0, m?.own ?? 0, m?.other ?? 0, m?.unfunded ?? 0, owed, paid, balance, status(month), note]);
        }
        t.finishTable();
        // what was recorded in the period for months before it counts there, outside these totals
        if (earlier) t.writeStyledRow([earlier]);
        writePledgeNotes(t, pledges, period, kind === 'Kelurahan');
        // what the kepala desa signs for: the JUMLAH row's own figures (t.sum), in words too. A village without pledges
        // of its own (a kelurahan has no APBDes) signs for its residents' premiums and who bore them, not for three
        // Rp0 lines of a budget it does not have (QA).
        const ownFigures = pledgeMonthFigures(own, period.months, dueOf, [...payments.filter((p) => !p.adjustsMonth), ...correcting]);
        const amounts = own.length
          ? [
              { label: `Terutang ${place}`, amount: t.sum(6) },
              { label: `Dibayar ${place}`, amount: t.sum(7) },
              // what is short for months not yet due on the day it is taken is said so, not "kurang bayar" (QA)
              ...balanceByDueness({ label: 'Selisih dibayar − terutang', amount: t.sum(8) }, ownFigures, dayInWib(generatedAt)),
            ]
          : [
              { label: 'Iuran peserta', amount: t.sum(2) },
              { label: 'Ditanggung pihak lain', amount: t.sum(4) },
              { label: 'Tidak terdanai', amount: t.sum(5) },
            ];
        writeStatementClosing(t, amounts, draftReason(period, allocated, closed, frozen), [villageHead(village), DINKES_HEAD]);
        t.commit();
        await this.writeResidents(output, title('Peserta dan Iuran'), kind, period, code, own, command);
        writePaymentsSheet(output, title(`Pembayaran Komitmen ${kind}`), period, payments, correcting);
        await output.finish();
      },
    };
  }

  /** Peserta: the village's participant-months, continued on "Peserta (2)" past Excel's last row. */
  private writeResidents(output: WorkbookOutput, title: string[], kind: PlaceKind, period: StatementPeriod, code: string, own: string[], command: WriteVillageStatementCommand): Promise<void> {
    const pages = keysetPages<VillageResidentRow, MonthKey>(
      (after, limit) => this.statements.villageResidentsPage(period.from, period.to, code, own, after, limit),
      (r) => ({ month: r.month, nik: r.nik }),
      { month: '', nik: '' },
      command.pageSize ?? 5000,
    );
    return writePagedTable(output, { name: 'Peserta', columns: residentColumns(kind), options: { title, maxRows: command.sheetRows } }, pages, (r) => [
      monthLabel(r.month),
      r.nik,
      r.noka,
      r.name,
      r.amount,
      r.own,
      r.other,
      r.unfunded,
      r.pledges,
    ]);
  }
}

/**
 * The status of the village's own pledges in a month (statementMonth: its own payments and the corrections recorded for
 * it), with its due-ness on `today` as the pledge statement says it ("Belum dibayar – lewat jatuh tempo 10 November
 * 2026", "Belum dibayar (jatuh tempo 10 Desember 2026)"); each pledge named when more than one had something due or
 * paid; '-' when none had.
 */
function villageStatus(month: string, pledgeMonths: ReadonlyArray<StatementMonth & { code: string }>, today: string): string {
  const parts = pledgeMonths.flatMap((m) => (m.due || m.paid || m.corrections.length ? [{ code: m.code, text: statementMonthLabel(m, month, today) }] : []));
  if (parts.length === 0) return '-';
  return parts.length === 1 ? parts[0].text : parts.map((p) => `${p.code}: ${p.text}`).join('; ');
}

function writePledgeNotes(t: TableSheet, pledges: Awaited<ReturnType<StatementQueries['villagePledges']>>, period: StatementPeriod, kelurahan: boolean): void {
  t.blankRow();
  t.writeStyledRow([kelurahan ? 'Komitmen pendanaan kelurahan' : 'Komitmen pendanaan desa'], LABEL_STYLE);
  if (pledges.length === 0) {
    // a kelurahan is part of the regency's administration and has no village budget (APBDes) of its own
    t.writeStyledRow([kelurahan ? 'Kelurahan tidak mempunyai APBDes: iuran warganya ditanggung komitmen lain (kolom Ditanggung Pihak Lain) atau tidak terdanai.' : 'Desa ini tidak mempunyai komitmen pendanaan (APBDes) pada periode ini.']);
  }
  const revised = new Set(pledges.filter((p, i) => pledges.findIndex((q) => q.code === p.code) !== i).map((p) => p.code));
  for (const p of pledges) {
    const budget = p.budget === null ? 'tanpa pagu' : `pagu ${rupiah(p.budget)}`;
    const revision = revised.has(p.code) ? ` (revisi ${p.revision})` : ''; // revised within the period: each revision its months used
    // a pledge of another year is here for a payment recorded in the period (a correction paid late)
    const year = String(p.fiscalYear) === period.from.slice(0, 4) ? '' : ` (tahun anggaran ${p.fiscalYear}; pembayarannya dicatat pada periode ini)`;
    t.writeStyledRow([`${funderLabel(p)}${revision}${year}: ${[label(FUND_LABELS, p.fund), budget, p.legalBasis].filter(Boolean).join(', ')}`]);
    for (const w of p.warnings) t.writeStyledRow([`Peringatan: ${w}`], WARNING_STYLE);
  }
}

