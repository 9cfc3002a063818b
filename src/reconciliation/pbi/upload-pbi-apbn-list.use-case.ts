import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock/clock.js';
import { APP_CONFIG, type AppConfig } from '../../common/config/app-config.js';
import { type ColumnSpec, columnsInFileOrder, labelsByName } from '../../common/spreadsheet/column-spec.js';
import { fieldCountIssue } from '../../common/spreadsheet/field-count.js';
import { mergedCellIssue, withMergedCells } from '../../common/spreadsheet/merged-cells.js';
import { rawCells } from '../../common/spreadsheet/raw-cells.js';
import { SheetReader } from '../../common/spreadsheet/sheet-reader.js';
import type { Cell } from '../../common/spreadsheet/cell.js';
import { clip } from '../../common/errors/domain.exception.js';
import { ClosedMonths } from '../../periods/closed-months.service.js';
import { BpjsInputException } from '../bpjs-input.exception.js';
import { lockMonthInput, MONTH_INPUT } from '../../periods/month-input-locks.js';
import { PbiApbnList } from '../entities/pbi-apbn-list.entity.js';
import { INSERT_PBI_ENTRIES } from '../sql/uploads.sql.js';
import { isError, nikFrom } from '../../common/uploads/cell-values.js';
import { fileChecksum } from '../../common/file-checksum.js';
import { IssueCollector, type RowIssue, type UploadReport } from '../../common/uploads/row-issue.js';
import { replacedVersion, type ReplacedVersion } from '../uploads/replaced-version.js';
import { isRowReport, rowsUnlessReport } from '../uploads/row-report-upload.js';
import { storedReport, writeIssues } from '../../common/uploads/upload-writer.js';

/** DOMAIN §12: the PBI-APBN list needs NIK; every other column is ignored. */
export const PBI_COLUMNS: readonly ColumnSpec[] = [{ name: 'NIK', aliases: ['NO KTP', 'NOMOR INDUK KEPENDUDUKAN', 'NIK PESERTA'], required: true, width: 20 }];

export interface UploadPbiListCommand {
  month: string;
  path: string;
  filename: string;
  actor: string;
}

export interface PbiListUploadResult extends UploadReport, Partial<ReplacedVersion> {
  id: string;
  month: string;
  version: number;
  /** Distinct NIKs stored. */
  niks: number;
  /** The month's latest version held the same file: it is returned, no version is added. */
  recognised?: true;
}


/**
 * Stores the central PBI-APBN NIK list of a month (DOMAIN §7, double coverage) as the month's
 * next version; refused for a finalized month. NIKs not in the register are kept (the
 * reconciliation ignores them); unreadable NIKs are reported per row. The service's row report sent
 * back is refused whole (row-report-upload.ts): it would replace the list by its few rows.
 */
/** What a PBI-APBN list upload for a finalized month is told (a payment adjustment cannot stand for a list). */
export const PBI_LIST_OF_CLOSED_MONTH = 'Daftar PBI APBN bulan yang sudah difinalisasi tidak dapat diganti; hasil rekonsiliasinya tetap seperti saat difinalisasi.';

@Injectable()
export class UploadPbiApbnList {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ClosedMonths) private readonly closedMonths: ClosedMonths,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async execute(command: UploadPbiListCommand): Promise<PbiListUploadResult> {
    BpjsInputException.assertNotInFuture(command.month, this.clock.now());
    await this.closedMonths.assertOpen([command.month], undefined, PBI_LIST_OF_CLOSED_MONTH);
    const checksum = await fileChecksum(command.path);
    return this.dataSource.transaction((m) => this.store(command, checksum, m));
  }

  private async store(command: UploadPbiListCommand, checksum: string, m: EntityManager): Promise<PbiListUploadResult> {
    const { month } = command;
    await lockMonthInput(m, MONTH_INPUT.PBI_APBN, [month]);
    await this.closedMonths.assertOpen([month], m, PBI_LIST_OF_CLOSED_MONTH);
    const latest = await m.getRepository(PbiApbnList).findOne({ where: { month }, order: { version: 'DESC' } });
    if (latest?.checksum === checksum) return { id: latest.id, month, version: latest.version, niks: latest.niks, ...(await storedReport(m, latest)), recognised: true };
    const [list] = await m.query(
      `INSERT INTO pbi_apbn_list (month, version, checksum, filename, uploaded_by, uploaded_at)
       SELECT $1, coalesce(max(version), 0) + 1, $2, $3, $4, $5 FROM pbi_apbn_list WHERE month = $1
       RETURNING id, version`,
      [month, checksum, command.filename, command.actor, this.clock.now()],
    );
    const collector = new IssueCollector();
    // the row's other cells tell a total row (`Jumlah`, 1.234) from a participant's NIK typed short
    const reader = new SheetReader(command.path, { filename: command.filename, columns: PBI_COLUMNS, maxRows: this.config.uploadMaxRows, otherCells: true });
    let rowsAbove = 0; // the list's rows before the one read: what a total row without a label counts
    const emptyReport = () => BpjsInputException.rowReportUploaded('pbi', month, latest && { version: latest.version, count: latest.niks }, 0, true);
    for await (const batch of rowsUnlessReport(reader.batches(), command.path, () => reader.header?.found ?? [], emptyReport)) {
      // findings name the column as the file's header does (No KTP, not NIK)
      const names = (collector.names = labelsByName(PBI_COLUMNS, reader.header!.labels));
      const niks: string[] = [];
      for (const row of batch) {
        const nik = nikFrom(row.cells[0], names.NIK);
        const found: Omit<RowIssue, 'row'>[] = isError(nik)
          ? [notListRow(row.cells[0], row.others ?? [], names.NIK, rowsAbove) ?? { column: 'NIK', severity: 'REJECT' as const, code: nik.code, message: nik.error }]
          : nik.warning ? [{ column: 'NIK', severity: 'WARN', code: 'NIK_FORMULA_TEXT', message: nik.warning }] : [];
        // a .csv row with more fields than its header (`NIK1,NIK2` under NIK kept only the first): refused whole, alone
        const issues = row.overflow ? [fieldCountIssue(row.overflow)] : withMergedCells<Omit<RowIssue, 'row'>>(found, row.merged, (cell) => mergedCellIssue(cell, names));
        if (collector.row(row.rowNumber, issues, () => rawCells(PBI_COLUMNS, row.cells)) && !row.merged && !row.overflow && !isError(nik)) niks.push(nik.value);
        rowsAbove += 1;
      }
      if (niks.length) await m.query(INSERT_PBI_ENTRIES, [list.id, niks]);
    }
    collector.sheetWarnings = reader.sheetWarnings; // rows Excel hid, read all the same
    const [{ n }] = await m.query('SELECT count(*)::int AS n FROM pbi_apbn_entry WHERE list_id = $1', [list.id]);
    // the fixed row report sent back would replace the month's list by its few NIKs (QA): refused, the transaction undone
    if (await isRowReport(command.path, reader.header?.found ?? [])) {
      throw BpjsInputException.rowReportUploaded('pbi', month, latest && { version: latest.version, count: latest.niks }, Number(n));
    }
    if (collector.accepted === 0) throw BpjsInputException.noAcceptedRows(collector.report());
    // column_labels, column_order: the report's Perbaiki sheet is headed and laid out as the file was, like the findings
    await m.query('UPDATE pbi_apbn_list SET niks = $2, rows_read = $3, accepted = $4, rejected = $5, warnings = $6, column_labels = $7, column_order = $8, sheet_warnings = $9 WHERE id = $1', [
      list.id,
      n,
      collector.rowsRead,
      collector.accepted,
      collector.rejected,
      collector.warnedRows,
      JSON.stringify(collector.names),
      columnsInFileOrder(PBI_COLUMNS, reader.header!.indexes),
      JSON.stringify(collector.sheetWarnings),
    ]);
    await writeIssues(m, list.id, collector);
    const replaced = replacedVersion(latest && { version: latest.version, count: latest.niks }, Number(n), 'NIK');
    return { id: list.id, month, version: Number(list.version), niks: Number(n), ...collector.report(), ...replaced };
  }
}

/**
 * A row of the list that is no participant's, said as such (NOT_LIST_ROW) instead of *harus 16 digit angka*; null for
 * anything else, a NIK typed wrong among them. Either words without a single digit where the NIK belongs: a signature or
 * a note under the list ("Mengetahui,", "Kepala Dinas Sosial"); or the list's total row (isTotalRow), `rowsAbove` rows under its header.
 */
export function notListRow(cell: Cell, others: readonly Cell[], column: string, rowsAbove: number): Omit<RowIssue, 'row'> | null {
  const shown = `${column} "${clip(cell.text)}" bukan NIK`;
  if (isTotalRow(cell, others, rowsAbove)) return notListRowIssue(`${shown} melainkan jumlah: baris jumlah (total) bukan baris peserta, hapus baris ini dari berkas.`);
  if (cell.kind !== 'text' || /\d/.test(cell.text) || !/\p{L}/u.test(cell.text)) return null;
  return notListRowIssue(`${shown}: bila baris ini tanda tangan atau keterangan di bawah daftar, hapus baris ini dari berkas.`);
}

function notListRowIssue(message: string): Omit<RowIssue, 'row'> {
  return { column: 'NIK', severity: 'REJECT', code: 'NOT_LIST_ROW', message };
}

/** A count: a whole number of at most 9 digits, in a number cell or typed, with or without thousands separators (`1.234`, `1,234`, `1 234`). */
const COUNT = /^(?:\d{1,9}|\d{1,3}(?:([.,\s])\d{3}){1,2})$/;
/** A total's label: `Jumlah`, `TOTAL`, `Jumlah Peserta PBI`, `Grand Total`, `Sub Total`. */
const TOTAL_LABEL = /^(?:grand\s*|sub\s*)?(?:jumlah|total)\b/i;

/**
 * The list's total row: the NIK column holds a count (at most 9 digits, where a NIK has 16) and the row holds nothing
 * else but a `Jumlah`/`Total` label (no name, no number of its own: such a row is a participant's, its NIK typed
 * short), or nothing else at all when the count is the number of rows above it; or the NIK column itself holds such a
 * label with a number (`Jumlah: 1.234`). A short number alone that counts nothing is a NIK typed short (QA: a 5-digit
 * NIK after 7 rows was told it was a total).
 */
function isTotalRow(cell: Cell, others: readonly Cell[], rowsAbove: number): boolean {
  if (cell.kind === 'text' && TOTAL_LABEL.test(cell.text)) return /\d/.test(cell.text);
  const count = cell.kind === 'number' ? (Number.isInteger(cell.number) && cell.number! >= 0 && cell.number! < 1e9 ? cell.number! : null)
    : cell.kind === 'text' && COUNT.test(cell.text) ? Number(cell.text.replace(/[.,\s]/g, '')) : null;
  if (count === null || !others.every((other) => other.kind === 'text' && TOTAL_LABEL.test(other.text))) return false;
  return others.length > 0 || count === rowsAbove;
}
