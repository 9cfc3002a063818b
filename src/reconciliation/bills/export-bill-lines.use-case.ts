/**
 * Every stored line of one bill version as a workbook, for the auditor who checks what was reconciled (QA: GET /bills/:id
 * gave counts and totals, its row report the refused and warned rows only, the reconciliation workbook the findings
 * only). `GET /api/v1/bills/:id/lines.xlsx`: sheet "Baris Tagihan", one row per line in file order: the file's row,
 * NIK and NOKA as text (a 16-digit NIK stays itself), name, amount billed, and, when a reconciliation of the month used
 * this version, what its latest such run found on the line (the category by name: `Sesuai` for a line it found nothing
 * on); a JUMLAH row sums the amounts (a SUM formula, its value cached). Read by keyset pages and streamed. It holds
 * personal data: each download is in the audit trail (`bill.export`), as the register's and the splits' are.
 */
import type { Writable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '../../audit/audit.service.js';
import { DataSource } from 'typeorm';
import { Clock, wibTimestamp } from '../../common/clock/clock.js';
import { rupiah } from '../../common/money.js';
import { monthName } from '../../common/month.js';
import type { StreamableWorkbook } from '../../common/spreadsheet/send-workbook.js';
import { keysetPages } from '../../reports/data/keyset-pages.js';
import { CATEGORY_LABELS, RUN_STATUS_LABELS } from '../../reports/format/labels.js';
import { writePagedTable } from '../../reports/workbook/table-series.js';
import type { TableColumn } from '../../reports/workbook/table-sheet.js';
import { WorkbookOutput } from '../../reports/workbook/workbook-output.js';
import { BpjsInputs } from '../bpjs-inputs.service.js';
import type { Bill } from '../entities/bill.entity.js';

export const BILL_LINES_SHEET = 'Baris Tagihan';

/** The month's latest finished run (a draft or final) that read this bill version. $1 month, $2 bill id. */
const LATEST_RUN_OF_BILL = `
  SELECT id, version, status, finished_at AS "finishedAt" FROM reconciliation_run
   WHERE month = $1 AND status IN ('DONE', 'FINAL') AND inputs -> 'bill' ->> 'id' = $2
   ORDER BY version DESC LIMIT 1`;

/**
 * A page of the bill's lines after file row $3, with the category the run $2 (null: none) found on each (a line it found
 * nothing on has no finding: MATCHED). $1 bill id, $4 limit. `IDX_finding_run_row` finds a line's finding.
 */
const BILL_LINES_PAGE = `
  SELECT l.row_number AS row, l.nik, l.noka, l.name, l.amount::text AS amount, f.category
    FROM bill_line l
    LEFT JOIN finding f ON f.run_id = $2::uuid AND f.row_number = l.row_number
   WHERE l.bill_id = $1 AND l.row_number > $3
   ORDER BY l.row_number LIMIT $4`;

interface LineRow {
  row: number;
  nik: string;
  noka: string;
  name: string;
  amount: string;
  category: string | null;
}

interface RunOfBill {
  id: string;
  version: number;
  status: string;
  finishedAt: Date | null;
}

const COLUMNS: TableColumn[] = [
  { header: 'Baris Berkas', kind: 'count', width: 10 },
  { header: 'NIK', kind: 'text', width: 19 },
  { header: 'NOKA', kind: 'text', width: 16 },
  { header: 'Nama', kind: 'text', width: 30 },
  { header: 'Iuran Ditagih (Rp)', kind: 'rupiah', width: 16, total: true },
];
const FINDING_COLUMN: TableColumn = { header: 'Temuan Rekonsiliasi', kind: 'text', width: 30 };

export interface ExportBillLinesOptions {
  /** Last row of a sheet before the table goes on in the next (tests); Excel's limit by default. */
  sheetRows?: number;
  pageSize?: number;
}

@Injectable()
export class ExportBillLines {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(BpjsInputs) private readonly inputs: BpjsInputs,
    @Inject(Clock) private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  /** The bill (its 404 before the first byte) and the workbook to stream. */
  async prepare(id: string, actor: string, options: ExportBillLinesOptions = {}): Promise<StreamableWorkbook> {
    const bill = await this.inputs.findBill(id);
    const [run]: RunOfBill[] = await this.dataSource.query(LATEST_RUN_OF_BILL, [bill.month, bill.id]);
    const now = this.clock.now();
    return { filename: billLinesFilename(bill), write: (out) => this.write(bill, run ?? null, actor, out, now, options) };
  }

  private async write(bill: Bill, run: RunOfBill | null, actor: string, out: Writable, now: Date, options: ExportBillLinesOptions): Promise<void> {
    const output = new WorkbookOutput(out, now);
    const pages = keysetPages<LineRow, number>(
      (after, limit) => this.dataSource.query(BILL_LINES_PAGE, [bill.id, run?.id ?? null, after, limit]),
      (r) => r.row,
      0,
      options.pageSize ?? 5_000,
    );
    const columns = run ? [...COLUMNS, FINDING_COLUMN] : COLUMNS;
    const finding = (r: LineRow) => CATEGORY_LABELS[r.category ?? 'MATCHED'] ?? r.category;
    let rows = 0;
    await writePagedTable(output, { name: BILL_LINES_SHEET, columns, options: { title: titleOf(bill, run, now), maxRows: options.sheetRows } }, pages, (r) => {
      rows++;
      return [r.row, r.nik, r.noka, r.name, Number(r.amount), ...(run ? [finding(r)] : [])];
    });
    // recorded before the last bytes go out, so whoever holds the file was audited (as split.export)
    await this.audit.record({ actor, action: 'bill.export', entity: 'bill', entityId: bill.id, summary: { month: bill.month, version: bill.version, rows } });
    await output.finish();
  }
}

/** `baris-tagihan-2026-10-v2.xlsx`. */
export function billLinesFilename(bill: Pick<Bill, 'month' | 'version'>): string {
  return `baris-tagihan-${bill.month}-v${bill.version}.xlsx`;
}

function titleOf(bill: Bill, run: RunOfBill | null, now: Date): string[] {
  const runLine = run
    ? `Temuan: rekonsiliasi versi ${run.version} (${RUN_STATUS_LABELS[run.status] ?? run.status}${run.finishedAt ? `, ${wibTimestamp(new Date(run.finishedAt))}` : ''}), yang terakhir memakai versi tagihan ini; "Sesuai": tidak ada temuan pada baris itu.`
    : 'Belum ada rekonsiliasi yang memakai versi tagihan ini: temuan per baris belum ada.';
  return [
    `Baris Tagihan BPJS ${monthName(bill.month)}, versi ${bill.version}`,
    `Berkas ${bill.filename}, diunggah oleh ${bill.uploadedBy} pada ${wibTimestamp(bill.uploadedAt)}: ${bill.lines} baris, ${rupiah(Number(bill.linesTotal))}; total invoice ${rupiah(Number(bill.invoiceTotal))}.`,
    runLine,
    `Diambil ${wibTimestamp(now)}. NIK dan NOKA ditulis sebagai teks; baris yang ditolak saat unggah tidak tersimpan (lihat laporan baris bermasalah).`,
  ];
}
