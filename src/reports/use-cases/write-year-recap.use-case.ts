/**
 * WriteYearRecap: the year-end recap across all funders (Rekap Tahunan Jamkesda <year>), for the Bupati and the BPK
 * auditors — sheets Per Pemberi Dana (each pledge of the fiscal year: funded, paid, balance, months unpaid or late),
 * Per Bulan (each month: obligations, funded, unfunded, the BPJS bill, the reconciliation's figures, the month's
 * status, paid) and Keterangan (how each column is computed, warnings). Read with the statements' queries
 * (ReportQueries, StatementQueries: one set-based read per kind of row, none per pledge or month) after the STALE
 * months are re-allocated, as the statements are. Each download is in the audit trail (`report.export`).
 */
import { Injectable } from '@nestjs/common';
import type { Writable } from 'node:stream';
import { AuditService } from '../../audit/audit.service.js';
import { Clock, dayInWib } from '../../common/clock/clock.js';
import { monthsSaid } from '../../common/month.js';
import { AllocateMonth } from '../../funding/use-cases/allocate-month.use-case.js';
import { revisionUses, warningsAsAllocated } from '../data/pledge-compliance.js';
import { ReportQueries, type RevisionRange } from '../data/report-queries.js';
import { StatementQueries, type YearMonthRow } from '../data/statement-queries.js';
import { funderLabel, recomputedNote, wibTimestamp } from '../format/labels.js';
import { REGENCY } from '../reconciliation-workbook/titles.js';
import { ReportsException } from '../reports.exception.js';
import { draftReason, frozenUnsigned } from '../statements/statement-closing.js';
import { assertAllocated, resolvePeriod } from '../statements/statement-period.js';
import { WorkbookOutput } from '../workbook/workbook-output.js';
import { writeKeterangan } from '../year-recap/keterangan.sheet.js';
import { writePerBulan } from '../year-recap/per-bulan.sheet.js';
import { writePerPemberiDana } from '../year-recap/per-pemberi-dana.sheet.js';
import { pledgeYears } from '../year-recap/pledge-year.js';
import type { PreparedWorkbook } from './write-reconciliation-workbook.use-case.js';
import type { RequestRecomputes } from '../../funding/recomputed-months.js';

export interface WriteYearRecapCommand {
  /** The fiscal year as given in the path: four digits, 2000–2099 (400 INVALID_PERIOD otherwise). */
  year: string;
  actor: string;
  /** The request's (`@RecomputesOf()`): its answer's header says the months recomputed. */
  recomputes?: RequestRecomputes;
}

@Injectable()
export class WriteYearRecap {
  constructor(
    private readonly reports: ReportQueries,
    private readonly statements: StatementQueries,
    private readonly allocateMonth: AllocateMonth,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async prepare(command: WriteYearRecapCommand): Promise<PreparedWorkbook> {
    if (!/^20\d\d$/.test(command.year)) throw ReportsException.invalidYear(command.year);
    const year = Number(command.year);
    const period = resolvePeriod({ year });
    const allocated = await this.statements.allocatedMonths(period.from, period.to);
    assertAllocated(period, allocated); // 404 NOT_ALLOCATED for a year none of whose months is
    const recomputed = await this.allocateMonth.refreshStale(command.actor, period, command.recomputes);
    const pledges = await this.reports.pledgesAtRevisions(year, {});
    const codes = pledges.map((p) => p.code);
    const splits = await this.reports.splitsByPledgeMonth(period.from, period.to);
    const payments = await this.reports.payments(period.from, period.to, codes);
    const corrections = await this.reports.correctionsOf(period.from, period.to, codes);
    const months = await this.statements.yearMonths(year);
    const closed = await this.statements.closedMonths(period.from, period.to);
    const now = this.clock.now();
    const today = dayInWib(now);
    const rows = pledgeYears(pledges, period.months, splits, payments, corrections, today);
    const draft = draftReason(period, allocated, closed, frozenUnsigned(await this.statements.frozenUnreconciled(period.from, period.to), 'rekap'));
    // each pledge's §5 warnings by the revision each of its months was allocated under (QA: a fund corrected from Dana
    // Desa to ADD left no word of the months paid from Dana Desa)
    const terms = await this.reports.revisionTerms(codes);
    const monthsOf = new Map<string, Array<readonly [string, RevisionRange]>>();
    for (const s of splits) monthsOf.set(s.pledgeCode, [...(monthsOf.get(s.pledgeCode) ?? []), [s.month, s.revisions]]);
    const usesOf = (code: string) => revisionUses(code, monthsOf.get(code) ?? [], terms);
    const warnings = [
      ...pledges.flatMap((p) => warningsAsAllocated(p, usesOf(p.code)).map((w) => `${funderLabel(p)}: ${w}`)),
      ...monthWarnings(months, today),
      ...(draft ? [`Rekap ini masih DRAF: ${draft}`] : []),
    ];
    const made = wibTimestamp(now);
    const title = (what: string) => [`Rekap Tahunan Jamkesda ${year}: ${what} — ${REGENCY}`, `Tahun Anggaran ${year} · dibuat ${made} oleh ${command.actor}`, ...recomputedNote(recomputed)];

    return {
      filename: `rekap-tahunan-jamkesda-${year}.xlsx`,
      write: async (destination: Writable) => {
        const output = new WorkbookOutput(destination, now);
        output.workbook.title = `Rekap Tahunan Jamkesda ${year}`;
        writePerPemberiDana(output, title('Per Pemberi Dana'), rows, sum(months.map((m) => m.unfunded)), draft);
        writePerBulan(output, title('Per Bulan'), months);
        writeKeterangan(output, title('Keterangan'), { year, made, actor: command.actor, pledges: pledges.length, warnings });
        // recorded before the last bytes go out, so whoever holds the file was audited (as split.export)
        const funded = sum(rows.map((r) => r.funded));
        const paid = sum(rows.map((r) => r.paid));
        await this.audit.record({ actor: command.actor, action: 'report.export', entity: 'report', entityId: `rekap-tahunan-${year}`, summary: { year, pledges: rows.length, funded, paid } });
        await output.finish();
      },
    };
  }
}

const sum = (xs: readonly number[]) => xs.reduce((a, x) => a + x, 0);

/** Months of the year up to the current one with obligations (or an allocation) but no reconciliation run with a summary. */
function monthWarnings(months: readonly YearMonthRow[], today: string): string[] {
  const never = months.filter((m) => m.month <= today.slice(0, 7) && (m.allocated || m.participants > 0) && !m.run).map((m) => m.month);
  return never.length ? [`Belum pernah direkonsiliasi: ${monthsSaid(never)}. Tagihan BPJS bulan itu belum diperiksa; kolom Dapat Dibayar, Lebih Tagih dan Kurang Tagih kosong.`] : [];
}
