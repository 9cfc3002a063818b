import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock/clock.js';
import { APP_CONFIG, type AppConfig } from '../../common/config/app-config.js';
import { type RawCells, rawCells } from '../../common/spreadsheet/raw-cells.js';
import { columnsInFileOrder, labelsByName } from '../../common/spreadsheet/column-spec.js';
import { SheetReader } from '../../common/spreadsheet/sheet-reader.js';
import { ClosedMonths } from '../../periods/closed-months.service.js';
import { lockMonthInput, MONTH_INPUT } from '../../periods/month-input-locks.js';
import { BpjsInputException } from '../bpjs-input.exception.js';
import { INSERT_BILL_LINES } from '../sql/uploads.sql.js';
import { Bill } from '../entities/bill.entity.js';
import { fileChecksum } from '../../common/file-checksum.js';
import { ADJUSTMENT_ENTRY } from '../../common/errors/common.exception.js';
import { IssueCollector, type UploadReport } from '../../common/uploads/row-issue.js';
import { storedReport, writeIssues } from '../../common/uploads/upload-writer.js';
import { type TotalRow, totalRow, totalRowMismatch } from '../../common/uploads/total-row.js';
import { replacedVersion, type ReplacedVersion } from '../uploads/replaced-version.js';
import { isRowReport, rowsUnlessReport } from '../uploads/row-report-upload.js';
import { isError, nikFrom } from '../../common/uploads/cell-values.js';
import { type BillLineRecord, BILL_COLUMNS, validateBillRow } from './bill-row.validator.js';
import { type BillFileWarning, sameFileOtherMonths } from './same-file-other-month.js';

export interface UploadBillCommand {
  month: string;
  invoiceTotal: number;
  path: string;
  filename: string;
  actor: string;
}

export interface BillUploadResult extends UploadReport, Partial<ReplacedVersion> {
  id: string;
  month: string;
  version: number;
  invoiceTotal: number;
  lines: number;
  linesTotal: number;
  /** The month's latest version held the same file and invoice total: it is returned, no version is added. */
  recognised?: true;
  /** SAME_FILE_OTHER_MONTH: the same bytes are stored as the bill of another month (checksum), naming each month and version. */
  fileWarnings: BillFileWarning[];
}

/**
 * What a bill upload for a finalized month is told: its bill cannot be replaced, and a BPJS correction's money is a payment
 * adjustment (QA: it was given the payments' advice, naming the API field adjustsMonth, to a console user).
 */
export const BILL_OF_CLOSED_MONTH =
  'Tagihan bulan yang sudah difinalisasi tidak dapat diganti. Bila BPJS mengoreksi tagihan bulan itu, selisih uangnya dicatat sebagai ' +
  `pembayaran penyesuaian pada bulan yang masih terbuka ${ADJUSTMENT_ENTRY}.`;

/**
 * Stores a BPJS bill for a month (DOMAIN §7, §12) as the month's next version: earlier versions
 * are kept, the latest is the month's bill. Bad rows are reported (row, column, Indonesian
 * message) and left out; the good ones are kept. Refused for a finalized month, as a whole
 * when no row can be read, and when the file is the service's row report (row-report-upload.ts). One transaction: a bill is stored completely or not at all.
 */
@Injectable()
export class UploadBill {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ClosedMonths) private readonly closedMonths: ClosedMonths,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async execute(command: UploadBillCommand): Promise<BillUploadResult> {
    BpjsInputException.assertNotInFuture(command.month, this.clock.now());
    await this.closedMonths.assertOpen([command.month], undefined, BILL_OF_CLOSED_MONTH);
    const checksum = await fileChecksum(command.path);
    return this.dataSource.transaction((m) => this.store(command, checksum, m));
  }

  private async store(command: UploadBillCommand, checksum: string, m: EntityManager): Promise<BillUploadResult> {
    const { month } = command;
    await lockMonthInput(m, MONTH_INPUT.BILL, [month]);
    await this.closedMonths.assertOpen([month], m, BILL_OF_CLOSED_MONTH);
    const latest = await m.getRepository(Bill).findOne({ where: { month }, order: { version: 'DESC' } });
    const fileWarnings = await sameFileOtherMonths(m, month, checksum);
    if (latest?.checksum === checksum && Number(latest.invoiceTotal) === command.invoiceTotal) return { ...(await this.recognised(latest, m)), fileWarnings };
    const [bill] = await m.query(
      `INSERT INTO bill (month, version, invoice_total, checksum, filename, uploaded_by, uploaded_at)
       SELECT $1, coalesce(max(version), 0) + 1, $2, $3, $4, $5, $6 FROM bill WHERE month = $1
       RETURNING id, version`,
      [month, command.invoiceTotal, checksum, command.filename, command.actor, this.clock.now()],
    );

    const collector = new IssueCollector();
    const reader = new SheetReader(command.path, { filename: command.filename, columns: BILL_COLUMNS, maxRows: this.config.uploadMaxRows });
    let lines = 0;
    let linesTotal = 0;
    let footer: (TotalRow & { raw: RawCells }) | null = null;
    const emptyReport = () => BpjsInputException.rowReportUploaded('bill', month, latest && { version: latest.version, count: latest.lines }, 0, true);
    for await (const batch of rowsUnlessReport(reader.batches(), command.path, () => reader.header?.found ?? [], emptyReport)) {
      // findings name each column as the file's header does (No Kartu, not NOKA)
      const names = (collector.names = labelsByName(BILL_COLUMNS, reader.header!.labels));
      const records: BillLineRecord[] = [];
      for (const row of batch) {
        const total = totalRow(row.rowNumber, row.cells.slice(0, 3), row.cells[3], () => !isError(nikFrom(row.cells[1])));
        if (total) {
          if (!total.subtotal) footer = { ...total, raw: rawCells(BILL_COLUMNS, row.cells) };
          continue;
        }
        const { record, issues } = validateBillRow(row, names);
        if (collector.row(row.rowNumber, issues, () => rawCells(BILL_COLUMNS, row.cells)) && record) records.push(record);
      }
      if (!records.length) continue;
      await m.query(INSERT_BILL_LINES, [
        bill.id,
        records.map((r) => r.rowNumber),
        records.map((r) => r.noka),
        records.map((r) => r.nik),
        records.map((r) => r.name),
        records.map((r) => r.amount),
        records.map((r) => r.nokaRestored),
      ]);
      lines += records.length;
      linesTotal += records.reduce((s, r) => s + r.amount, 0);
    }
    collector.sheetWarnings = reader.sheetWarnings; // rows Excel hid, read all the same
    // the fixed row report sent back would replace the month's bill by its few rows (QA): refused, the transaction undone
    if (await isRowReport(command.path, reader.header?.found ?? [])) {
      throw BpjsInputException.rowReportUploaded('bill', month, latest && { version: latest.version, count: latest.lines }, lines);
    }
    if (lines === 0) throw BpjsInputException.noAcceptedRows(collector.report());
    const mismatch = totalRowMismatch(footer, linesTotal, 'IURAN');
    if (mismatch) collector.warnAbout(mismatch, footer!.raw);

    // column_labels, column_order: the report's Perbaiki sheet is headed and laid out as the file was, like the findings
    await m.query('UPDATE bill SET lines = $2, lines_total = $3, rows_read = $4, accepted = $5, rejected = $6, warnings = $7, column_labels = $8, column_order = $9, sheet_warnings = $10, file_warnings = $11 WHERE id = $1', [
      bill.id,
      lines,
      linesTotal,
      collector.rowsRead,
      collector.accepted,
      collector.rejected,
      collector.warnedRows,
      JSON.stringify(collector.names),
      columnsInFileOrder(BILL_COLUMNS, reader.header!.indexes),
      JSON.stringify(collector.sheetWarnings),
      JSON.stringify(fileWarnings),
    ]);
    await writeIssues(m, bill.id, collector);
    const replaced = replacedVersion(latest && { version: latest.version, count: latest.lines }, lines, 'baris tagihan');
    return { id: bill.id, month, version: Number(bill.version), invoiceTotal: command.invoiceTotal, lines, linesTotal, ...collector.report(), ...replaced, fileWarnings };
  }

  /** The month's latest version, which holds the same file and invoice total: the upload adds nothing. */
  private async recognised(bill: Bill, m: EntityManager): Promise<Omit<BillUploadResult, 'fileWarnings'>> {
    const { id, month, version, lines } = bill;
    return { id, month, version, invoiceTotal: Number(bill.invoiceTotal), lines, linesTotal: Number(bill.linesTotal), ...(await storedReport(m, bill)), recognised: true };
  }
}
