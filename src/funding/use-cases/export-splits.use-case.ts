/**
 * Who paid for whom as a workbook (QA: the console's Alokasi page built a CSV in the browser, NIKs as
 * bare numbers: opened in Excel or LibreOffice, 1703106806501083 became 1703106806501080, another
 * person (DOMAIN §2), and an Indonesian-locale Excel read each comma-separated line as one column).
 * `GET /api/v1/splits/export.xlsx` writes the splits `GET /splits`' filters select, in its order, on
 * "Pembagian Iuran": NIK in a Text cell, the month as a date shown by name ("November 2026"), the source type in the workbooks' words (SOURCE_TYPE_LABELS), amounts as numbers in the rupiah format. A month can
 * hold 1.2 million splits, more than a sheet's 1,048,576 rows: the rest goes on "Pembagian Iuran (2)".
 * "Keterangan" then says the filters (months by name), the rows and their total. Read a month at a time by keyset and
 * streamed (never all rows in memory); every export is in the audit trail (`split.export`).
 */
import type { Writable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import { Clock, dayInWib, wibTimestamp } from '../../common/clock/clock.js';
import { monthName, monthsBetween } from '../../common/month.js';
import type { StreamableWorkbook } from '../../common/spreadsheet/send-workbook.js';
import { columnStyle, frozenHeader, HEADER_STYLE, LABEL_STYLE, NUMBER_FORMATS, PRINT_FOOTER, printSetup, TITLE_STYLE, WARNING_STYLE } from '../../common/spreadsheet/workbook-style.js';
import { type PledgeWarning, warningsOfTerms } from '../domain/pledge-warnings.js';
import { recomputedNote, SOURCE_TYPE_LABELS } from '../../reports/format/labels.js';
import { dayToDate } from '../../reports/workbook/table-sheet.js';
import { WorkbookOutput } from '../../reports/workbook/workbook-output.js';
import { RegionsService, type VillageView } from '../../regions/regions.service.js';
import type { SplitsFilterDto } from '../dto/splits-query.dto.js';
import { type SplitItem, SplitsService } from '../splits/splits.service.js';
import type { RequestRecomputes } from '../recomputed-months.js';

export const SPLITS_SHEET = 'Pembagian Iuran';

/** A sheet's data rows: Excel's 1,048,576 rows less the header. */
const SHEET_ROWS = 1_048_575;
const PAGE = 5_000;

const COLUMNS: { header: string; width: number; kind: 'text' | 'count' | 'rupiah' | 'month' }[] = [
  { header: 'NIK', width: 20, kind: 'text' },
  { header: 'Bulan', width: 16, kind: 'month' },
  { header: 'Kode Komitmen', width: 28, kind: 'text' },
  { header: 'Sumber Dana', width: 24, kind: 'text' },
  { header: 'Revisi Komitmen', width: 18, kind: 'count' },
  { header: 'Jumlah (Rp)', width: 16, kind: 'rupiah' },
];

export interface ExportSplitsOptions {
  /** Data rows per sheet before the next part (tests); Excel's limit by default. */
  sheetRows?: number;
  pageSize?: number;
  /** The request's (`@RecomputesOf()`): its answer's header says the months recomputed. */
  recomputes?: RequestRecomputes;
}

@Injectable()
export class ExportSplits {
  constructor(
    private readonly splits: SplitsService,
    private readonly audit: AuditService,
    private readonly regions: RegionsService,
    @Inject(Clock) private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * Checks the filters as GET /splits does (its 400s come from the validation pipe, its 404s from
   * here, before the first byte) and gives the workbook to stream.
   */
  async prepare(filter: SplitsFilterDto, actor: string, options: ExportSplitsOptions = {}): Promise<StreamableWorkbook> {
    const checked = await this.splits.checkedFilter(filter, actor, options.recomputes);
    const now = this.clock.now();
    return {
      filename: filenameOf(filter, checked.village, now),
      write: (out) => this.write(filter, checked, actor, out, now, options),
    };
  }

  /** `checked`: checkedFilter's answer, the village's code as stored and the months recomputed first (Keterangan says them). */
  private async write(filter: SplitsFilterDto, { village, recomputed }: { village: string | undefined; recomputed: string[] }, actor: string, out: Writable, now: Date, options: ExportSplitsOptions): Promise<void> {
    const { sheetRows = SHEET_ROWS, pageSize = PAGE } = options;
    const output = new WorkbookOutput(out, now);
    let part = 0;
    let ws = dataSheet(output, ++part);
    let inSheet = 0;
    let rows = 0;
    let amount = 0;
    const rowsPerPart: number[] = [];
    const revisionsUsed = new Map<string, { code: string; revision: number }>();
    const months = await this.splits.months(filter);
    for (const month of months) {
      for (let after = { nik: '', pledgeCode: '' }; ; ) {
        const page = await this.splits.monthPage(filter, village, month, after, pageSize);
        for (const s of page) {
          if (inSheet === sheetRows) {
            ws.commit();
            rowsPerPart.push(inSheet);
            ws = dataSheet(output, ++part);
            inSheet = 0;
          }
          ws.addRow(cells(s)).commit();
          inSheet++;
          amount += s.amount;
          revisionsUsed.set(`${s.pledgeCode}|${s.pledgeRevision}`, { code: s.pledgeCode, revision: s.pledgeRevision });
          await output.rowWritten();
        }
        rows += page.length;
        await output.breathe();
        if (page.length < pageSize) break;
        after = page[page.length - 1];
      }
    }
    ws.commit();
    rowsPerPart.push(inSheet);
    const shown = shownFilter(filter, village);
    const place = village === undefined ? undefined : (await this.regions.villages()).find((v) => v.code === village);
    const notAllocated = filter.from !== undefined && filter.to !== undefined ? monthsBetween(filter.from, filter.to).filter((m) => !months.includes(m)) : [];
    const warnings = await this.warningsOf([...revisionsUsed.values()]);
    notes(output, { shown, place, rows, amount, rowsPerPart, now, notAllocated, warnings, recomputed });
    // Recorded before the last bytes go out: whoever holds the file was audited (recorded after, a
    // client could read the trail before the row was there).
    await this.audit.record({ actor, action: 'split.export', entity: 'split', entityId: null, summary: { filter: shown, rows, amount } });
    await output.finish();
  }

  /**
   * The §5 compliance warnings (the Dana Desa rule) of the pledges whose splits are in the file, by the terms of each
   * revision the splits were allocated under (pledge_terms), each once, as the split summary gives them (QA: by the
   * terms now, a July paid from Dana Desa then revised to ADD was not warned here, and was in the summary).
   */
  private async warningsOf(used: { code: string; revision: number }[]): Promise<PledgeWarning[]> {
    if (!used.length) return [];
    const rows: { code: string; source_type: string; fund: string | null; fiscal_year: number }[] = await this.dataSource.query(
      `SELECT t.code, t.source_type, t.fund, t.fiscal_year
         FROM pledge_terms t JOIN unnest($1::text[], $2::int[]) AS u(code, revision) ON u.code = t.code AND u.revision = t.revision
        ORDER BY t.code, t.revision`,
      [used.map((u) => u.code), used.map((u) => u.revision)],
    );
    const codes = [...new Set(rows.map((p) => p.code))];
    return warningsOfTerms(codes, rows, (p) => p.code);
  }
}

/**
 * "Pembagian Iuran", then "Pembagian Iuran (2)", ...: header frozen, with an autofilter; printed one page wide with the
 * header on every page and page numbers (QA: July–September printed as 550 pages, Revisi and Jumlah on pages of their own,
 * without a header).
 */
function dataSheet(output: WorkbookOutput, part: number): ExcelJS.Worksheet {
  const name = part === 1 ? SPLITS_SHEET : `${SPLITS_SHEET} (${part})`;
  const ws = output.workbook.addWorksheet(name, { views: frozenHeader(1), pageSetup: printSetup(1), headerFooter: PRINT_FOOTER });
  ws.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width, style: c.kind === 'month' ? MONTH_STYLE : columnStyle(c.kind, c.header) }));
  ws.autoFilter = { from: 'A1', to: { row: 1, column: COLUMNS.length } };
  ws.getRow(1).eachCell((cell) => (cell.style = HEADER_STYLE));
  ws.getRow(1).commit();
  return ws;
}

/**
 * Bulan: the month's 1st as a date shown by its Indonesian name ("November 2026", as every other workbook says it; QA: it
 * read "2026-11" here only), so that it still sorts and filters by month, which a name as text would not.
 */
const MONTH_STYLE: Partial<ExcelJS.Style> = { ...columnStyle('date'), numFmt: NUMBER_FORMATS.month, alignment: { vertical: 'top' } };

/** NIK as a string in a Text cell (the column's style), never a number; the month as a date (MONTH_STYLE); revision and rupiah as numbers. */
function cells(s: SplitItem): (string | number | Date)[] {
  return [s.nik, dayToDate(`${s.month}-01`), s.pledgeCode, SOURCE_TYPE_LABELS[s.sourceType] ?? s.sourceType, s.pledgeRevision, s.amount];
}

/** The filters asked, as given (the village as stored). */
function shownFilter(filter: SplitsFilterDto, village: string | undefined): Record<string, string> {
  const { month, from, to, pledgeCode, sourceType, nik } = filter;
  return Object.fromEntries(Object.entries({ month, from, to, pledgeCode, sourceType, villageCode: village, nik }).filter(([, v]) => v !== undefined && v !== '')) as Record<string, string>;
}

/**
 * `alokasi-2026-10-2026-12-06.xlsx`, `alokasi-2026-01-sd-2026-03-2026-12-06.xlsx` (a range),
 * `alokasi-semua-bulan-APBD-2026-2026-12-06.xlsx`: the filters, then the day (WIB) it was taken.
 */
export function filenameOf(filter: SplitsFilterDto, village: string | undefined, now: Date): string {
  const { month, from, to, pledgeCode, sourceType, nik } = filter;
  const months = month ?? (from !== undefined && to !== undefined ? `${from}-sd-${to}` : 'semua-bulan');
  const parts = [months, pledgeCode, sourceType, village, nik].filter((p) => p !== undefined && p !== '');
  return `alokasi-${parts.join('-')}-${dayInWib(now)}.xlsx`;
}

const FILTER_LABELS: Record<string, string> = { month: 'bulan', from: 'dari bulan', to: 'sampai bulan', pledgeCode: 'komitmen', sourceType: 'sumber dana', villageCode: 'desa', nik: 'NIK' };

/**
 * The filters as the notes say them, in their order: months by name (`bulan Juli 2026`; a range as one,
 * `bulan Januari 2026 s.d. Maret 2026`; QA: `bulan 2026-07`, read in Indonesian), the source type in the
 * workbooks' words, the village by name (QA: `desa 17.03.10.2009` alone).
 */
function shownFilters(shown: Record<string, string>, place: VillageView | undefined): string[] {
  const { from, to } = shown;
  return Object.entries(shown).flatMap(([key, value]) => {
    if (key === 'to' && from !== undefined) return [];
    if (key === 'from' && to !== undefined) return [`bulan ${from === to ? monthName(from) : `${monthName(from)} s.d. ${monthName(to)}`}`];
    return [shownValue(key, value, place)];
  });
}

function shownValue(key: string, value: string, place: VillageView | undefined): string {
  if (key === 'month' || key === 'from' || key === 'to') return `${FILTER_LABELS[key]} ${monthName(value)}`;
  if (key === 'sourceType') return `${FILTER_LABELS[key]} ${SOURCE_TYPE_LABELS[value] ?? value}`;
  if (key === 'villageCode' && place) return `${place.level} ${place.name}, Kec. ${place.kecamatanName} (${value})`;
  return `${FILTER_LABELS[key]} ${value}`;
}

interface Notes {
  shown: Record<string, string>;
  /** the village filtered on */
  place: VillageView | undefined;
  rows: number;
  amount: number;
  /** data rows on each "Pembagian Iuran" sheet, in order */
  rowsPerPart: number[];
  now: Date;
  /** for a range, its months never allocated (not in the rows) */
  notAllocated: string[];
  warnings: PledgeWarning[];
  /** the months recomputed first because STALE (AllocateMonth.refreshStale) */
  recomputed: string[];
}

/**
 * "Keterangan": the compliance warnings of the pledges in the file first, by the revisions its splits used (§5: the Dana
 * Desa rule on every output that uses the pledge; QA: the export of a Dana Desa pledge's splits carried none), what was selected, how many rows and
 * their total, as a formula over the data sheets with its value cached (§11; QA: a plain value), and for a range its
 * months never allocated.
 */
function notes(output: WorkbookOutput, n: Notes): void {
  const ws = output.workbook.addWorksheet('Keterangan', { pageSetup: printSetup(), headerFooter: PRINT_FOOTER });
  ws.columns = [{ width: 24 }, { width: 90 }];
  const filters = shownFilters(n.shown, n.place);
  ws.addRow(['Pembagian iuran Jamkesda']).getCell(1).style = TITLE_STYLE;
  const line = (name: string, value: ExcelJS.CellValue, numFmt?: string) => {
    const row = ws.addRow([name, value]);
    row.getCell(1).style = LABEL_STYLE;
    row.getCell(2).style = { ...(numFmt ? columnStyle(numFmt === 'rupiah' ? 'rupiah' : 'count', name) : {}), alignment: { horizontal: 'left', wrapText: true } };
  };
  for (const w of n.warnings) {
    const row = ws.addRow(['Peringatan', w.message]);
    row.eachCell((cell) => (cell.style = WARNING_STYLE));
  }
  line('Saringan', filters.length ? filters.join(', ') : 'tanpa saringan: semua bulan yang sudah dialokasikan');
  line('Jumlah baris', n.rows, 'count');
  line('Total (Rp)', n.rows ? { formula: totalFormula(n.rowsPerPart), result: n.amount } : 0, 'rupiah');
  line('Diambil', wibTimestamp(n.now));
  for (const note of recomputedNote(n.recomputed)) line('Dihitung ulang', note);
  if (n.notAllocated.length) line('Belum dialokasikan', `${n.notAllocated.map(monthName).join(', ')}: tidak ada pembagian iuran untuk bulan itu dalam berkas ini.`);
  const parts = n.rowsPerPart.length;
  const sheets = parts > 1 ? `sheet "${SPLITS_SHEET}" sampai "${SPLITS_SHEET} (${parts})" (batas baris Excel)` : `sheet "${SPLITS_SHEET}"`;
  line('Catatan', `Satu baris per peserta, bulan dan komitmen, di ${sheets}, urut bulan lalu NIK. NIK ditulis sebagai teks, agar tetap 16 digit; Bulan sebagai tanggal yang ditampilkan dengan nama bulan, agar dapat diurutkan dan disaring. Jumlah dalam rupiah.`);
  ws.commit();
}

/** SUM of the Jumlah (Rp) column of every data sheet: `SUM('Pembagian Iuran'!F2:F11)+SUM('Pembagian Iuran (2)'!F2:F4)`. */
function totalFormula(rowsPerPart: number[]): string {
  const amountColumn = String.fromCharCode(64 + COLUMNS.findIndex((c) => c.header === 'Jumlah (Rp)') + 1);
  return rowsPerPart
    .map((rows, i) => ({ rows, name: i === 0 ? SPLITS_SHEET : `${SPLITS_SHEET} (${i + 1})` }))
    .filter((p) => p.rows > 0)
    .map((p) => `SUM('${p.name}'!${amountColumn}2:${amountColumn}${p.rows + 1})`)
    .join('+');
}
