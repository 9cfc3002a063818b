import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AUDIT_CONCERNS, AUDIT_DETAIL } from '../../audit/audit-detail.js';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, dayInWib } from '../../common/clock/clock.js';
import { APP_CONFIG, type AppConfig } from '../../common/config/app-config.js';
import { SheetReader } from '../../common/spreadsheet/sheet-reader.js';
import { lockMonthInput, MONTH_INPUT } from '../../periods/month-input-locks.js';
import { ClosedMonths } from '../../periods/closed-months.service.js';
import { BpjsInputException } from '../../reconciliation/bpjs-input.exception.js';
import { IssueCollector, type UploadReport } from '../../common/uploads/row-issue.js';
import { type TotalRow, totalRow, totalRowMismatch } from '../../common/uploads/total-row.js';
import { paymentKey, recordedAlready } from '../duplicate-payments.js';
import { repeatOfRecorded, repeatOfRow, sameFigures } from '../repeat-messages.js';
import { CANONICAL_NAMES, type CheckedPaymentRow, type KnownPledges, PAYMENT_COLUMNS, type PaymentRecord, paidBeforeYearAllowed, validatePaymentRow } from '../payment-row.validator.js';
import type { Cell } from '../../common/spreadsheet/cell.js';
import { DATE_ORDER_AMBIGUOUS, DateOrder, type DateOrderSink, reworded } from '../../common/spreadsheet/date-order.js';
import { storedPledgeCodeIn } from '../../funding/pledges/pledge-code.js';
import { columnsInFileOrder, labelsByName } from '../../common/spreadsheet/column-spec.js';
import { INSERT_PAYMENTS } from '../sql/payment-status.sql.js';
import { INSERT_PAYMENT_UPLOAD, PAYMENT_UPLOAD_OF_FILE } from '../sql/payment-uploads.sql.js';
import { fileChecksum } from '../../common/file-checksum.js';
import { paymentReportCells, type PaymentUploadRow } from '../payment-upload-report.js';
import { PaymentException } from '../payments.exception.js';
import { storedReport, writeIssues } from '../../common/uploads/upload-writer.js';
import { paymentWarnings, warningIssue } from '../payment-warnings.js';
import { recordedBy, uploadLabel } from '../recorded-by.js';

/** A row of the sheet as validated, with its cells for the row report. */
type CheckedRow = CheckedPaymentRow & { row: number; cells: readonly Cell[] };

/** What an upload has recorded and found so far, batch after batch. */
interface Tally {
  collector: IssueCollector;
  months: Set<string>;
  /** Payments recorded and their total, in rupiah. */
  payments: number;
  amount: number;
  /** Rows refused only as payments recorded already. */
  recordedRows: number;
  /** The payments those rows repeat: ALREADY_RECORDED names the upload or officer that recorded them. */
  recordedIds: string[];
  /** Payment key → the row of the file recorded with it, and its figures (a later repeat is compared with them). */
  firstRowOf: Map<string, { row: number; amount: number; paidAt: string; adjustsMonth: string | null }>;
  /** The id its `payment_upload` row will have (its payments name it before it is written). */
  uploadId: string;
  /** The first payments recorded, for the audit event (AUDITED_PAYMENTS_MAX, AUDITED_PAYMENTS_CHARS). */
  listed: AuditedPayment[];
  listedChars: number;
  /** Every payment recorded: the audit event concerns each (found by its id, AUDIT_CONCERNS). */
  ids: string[];
}

/** A payment recorded from a sheet, as the `payment.upload` audit event names it. */
interface AuditedPayment {
  id: string;
  pledgeCode: string;
  month: string;
  amount: number;
  paidAt: string;
  reference: string;
  adjustsMonth?: string;
  row: number;
}

/**
 * The `payment.upload` audit event names the payments a sheet recorded, the first of them only: the audit keeps a summary
 * to 4 000 characters (longer, it is stored truncated as a whole), so at most 20, and fewer when their references are
 * long; the rest are counted (`more`) and listed by GET /payments?uploadId=.
 */
const AUDITED_PAYMENTS_MAX = 20;
const AUDITED_PAYMENTS_CHARS = 3300;

/**
 * Where DateOrder sends the rows: into `ready`, a row refused for its paid date read either way with that finding first,
 * one whose paid date only month/day can be in a file that shows day first with its DATE_FORMAT said anew.
 */
const readyIn = (ready: CheckedRow[]): DateOrderSink<CheckedRow> => ({
  keep: (c) => ready.push(c),
  refuse: (c, refusals) =>
    ready.push({ ...c, record: undefined, issues: [...refusals.map((r) => ({ column: r.column, severity: 'REJECT' as const, code: DATE_ORDER_AMBIGUOUS, message: r.message })), ...c.issues] }),
  reword: (c, refusals) => ready.push({ ...c, issues: reworded(c.issues, 'DATE_FORMAT', refusals) }),
});

export interface UploadPaymentsCommand {
  path: string;
  filename: string;
  actor: string;
}

export interface PaymentUploadResult extends UploadReport {
  /** The upload, for its row report. */
  id: string;
  /** Payments recorded and their total, in rupiah. */
  payments: number;
  amount: number;
  /**
   * The same file as an earlier upload, nothing of which can be recorded now because its payments are recorded already
   * (and its other rows, if any, are refused): the answer is that upload (its counts and findings, as bills and
   * enrollment uploads answer a file sent again), nothing is stored, and `message` says so, naming it.
   */
  recognised?: true;
  message?: string;
}

/**
 * Records payments from a sheet (DOMAIN §8): each row is checked like a single payment (known
 * pledge, open month, whole rupiah, real date, reference); bad rows are reported and skipped, the
 * good ones recorded together in one transaction, with the payment's warnings (payment-warnings.ts) as
 * WARN findings of their rows. A paid date either way round (10/1/2026) is read as the file writes its dates
 * (date-order.ts): its row waits until the file shows the order, then is recorded (day first) or refused
 * (DATE_ORDER_AMBIGUOUS); a file that never shows it, or shows both, is read day first (§12).
 */
/**
 * Rows a payment sheet may hold, as a pledge sheet (413 TOO_MANY_ROWS beyond): a month's payments are a row per pledge
 * (hundreds at most, 300 pledges for a province-sized register), and each row is checked against the payments stored for
 * its pledge and month, so a 150,000-row sheet kept the service busy for over a minute (QA: /health unanswered for 60 s).
 */
export const PAYMENT_SHEET_MAX_ROWS = 5000;

@Injectable()
export class UploadPayments {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(ClosedMonths) private readonly closedMonths: ClosedMonths,
  ) {}

  async execute(command: UploadPaymentsCommand): Promise<PaymentUploadResult> {
    const checksum = await fileChecksum(command.path);
    return this.dataSource.transaction((m) => this.record(command, checksum, m));
  }

  private async record(command: UploadPaymentsCommand, checksum: string, m: EntityManager): Promise<PaymentUploadResult> {
    const known: { code: string; fiscal_year: number; source_type: string }[] = await m.query('SELECT code, fiscal_year, source_type FROM pledge');
    const fiscalYears = new Map<string, number>(known.map((r) => [r.code, r.fiscal_year]));
    const paidInAdvance = new Set(known.filter((r) => paidBeforeYearAllowed(r.source_type)).map((r) => r.code));
    const pledges: KnownPledges = { fiscalYears, paidInAdvance, stored: storedPledgeCodeIn(fiscalYears.keys()) };
    const today = dayInWib(this.clock.now());
    const closed = await this.closedMonths.closedBy(m); // finalized or frozen: a row of such a month is refused
    const collector = new IssueCollector();
    const reader = new SheetReader(command.path, { filename: command.filename, columns: PAYMENT_COLUMNS, maxRows: Math.min(this.config.uploadMaxRows, PAYMENT_SHEET_MAX_ROWS) });
    const tally: Tally = { collector, months: new Set(), payments: 0, amount: 0, recordedRows: 0, recordedIds: [], firstRowOf: new Map(), uploadId: randomUUID(), listed: [], listedChars: 0, ids: [] };
    // rows whose paid date reads either way (10/1/2026) wait until the file shows which way it writes dates
    const dateOrder = new DateOrder<CheckedRow>(CANONICAL_NAMES);
    let footer: TotalRow | null = null;
    let names = CANONICAL_NAMES; // the headers as the file wrote them, once the header row is read
    for await (const all of reader.batches()) {
      if (names === CANONICAL_NAMES) names = collector.names = dateOrder.labels = labelsByName(PAYMENT_COLUMNS, reader.header!.labels);
      const ready: CheckedRow[] = [];
      const sink = readyIn(ready);
      for (const row of all) {
        const total = totalRow(row.rowNumber, [row.cells[0]], row.cells[2], () => fiscalYears.has(row.cells[0].text.trim()));
        if (total && !total.subtotal) footer = total;
        if (total) continue;
        const checked: CheckedRow = { row: row.rowNumber, cells: row.cells, ...validatePaymentRow(row, pledges, closed, today, names) };
        dateOrder.take(checked.row, checked, checked.dates, sink);
      }
      await this.recordRows(m, ready, tally, command.actor);
    }
    const waited: CheckedRow[] = [];
    dateOrder.settle(readyIn(waited)); // a file that never showed its order: read day first (§12)
    await this.recordRows(m, waited, tally, command.actor);
    collector.sortByRow(); // the rows that waited are listed in their place, as the stored report lists them
    const { months, payments, amount, recordedRows } = tally;
    collector.sheetWarnings = reader.sheetWarnings; // rows Excel hid, read all the same
    if (payments === 0 && recordedRows > 0 && recordedRows === collector.rejected) return this.allRecorded(collector.report(), checksum, m, tally.recordedIds);
    // the same file again after an upload that was partly refused: its payments are recorded, the rest refused again (QA: NO_ACCEPTED_ROWS)
    if (payments === 0 && recordedRows > 0) {
      const earlier = await this.sameFile(checksum, m, true);
      if (earlier) return earlier;
    }
    if (payments === 0) throw BpjsInputException.noAcceptedRows(collector.report());
    const mismatch = totalRowMismatch(footer, amount, 'JUMLAH');
    if (mismatch) collector.warnAbout(mismatch, null);
    // A month finalized (or frozen by a month finalized) while the sheet was read: refuse the whole upload rather than
    // change it. The months' payment locks make finalize wait for this upload, or this upload see finalize's close.
    await lockMonthInput(m, MONTH_INPUT.PAYMENTS, months);
    await this.closedMonths.assertPaymentMonthsOpen(months, m);
    // Kept with its findings for the row report (GET /payment-uploads/:id/report.xlsx).
    const [{ id }]: { id: string }[] = await m.query(INSERT_PAYMENT_UPLOAD, [
      command.filename,
      command.actor,
      this.clock.now(),
      collector.rowsRead,
      collector.accepted,
      collector.rejected,
      collector.warnedRows,
      payments,
      amount,
      JSON.stringify(collector.names), // the report's Perbaiki sheet is headed as the file was, like the findings
      columnsInFileOrder(PAYMENT_COLUMNS, reader.header!.indexes), // and laid out as it was
      checksum,
      JSON.stringify(collector.sheetWarnings),
      tally.uploadId,
    ]);
    await writeIssues(m, id, collector);
    return Object.assign({ id, ...collector.report(), payments, amount }, { [AUDIT_DETAIL]: auditedPayments(tally), [AUDIT_CONCERNS]: { entity: 'payment', ids: tally.ids } });
  }

  /**
   * Records a batch's rows that are ready (validated, their date order known): a duplicate of a payment recorded or of
   * an earlier row of the file is refused, the payment's warnings are found, and the accepted rows are inserted.
   */
  private async recordRows(m: EntityManager, checked: CheckedRow[], tally: Tally, actor: string): Promise<void> {
    const candidates = checked.filter((c) => c.record);
    // a row refused only for its closed month is looked up too: a payment recorded already is told as such, whatever its month
    const closedRows = checked.filter((c) => c.closedRecord && c.issues.every((i) => i.code === 'MONTH_CLOSED'));
    const recorded = await recordedAlready(m, [...candidates.map((c) => c.record!), ...closedRows.map((c) => c.closedRecord!)]);
    closedRows.forEach((c, index) => {
      const stored = recorded.get(candidates.length + index);
      if (!stored) return;
      const record = c.closedRecord!;
      c.issues.splice(0, c.issues.length, { column: 'REFERENSI', severity: 'REJECT', code: 'PAYMENT_DUPLICATE', message: repeatOfRecorded(record, stored, 'row', true) });
      if (stored.month === record.month && sameFigures(record, stored)) countRecorded(tally, stored.id);
    });
    const kept: typeof candidates = []; // the rows to record: a duplicate is no earlier correction of a later row's month
    candidates.forEach((candidate, index) => {
      const { row, issues } = candidate;
      const record = candidate.record!;
      const key = paymentKey(record);
      const earlier = tally.firstRowOf.get(key);
      // a row of this file recorded already (an earlier batch, or a later row while this one waited) is named as such
      const stored = recorded.get(index);
      const message =
        earlier ? repeatOfRow(record, earlier.row, earlier)
        : stored ? repeatOfRecorded(record, stored, 'row')
        : null;
      // a repeat with other figures, or a correction reusing another month's SP2D, is no payment recorded already:
      // the sheet is not answered "all recorded"
      if (!earlier && stored && stored.month === record.month && sameFigures(record, stored)) countRecorded(tally, stored.id);
      if (message) issues.push({ column: 'REFERENSI', severity: 'REJECT', code: 'PAYMENT_DUPLICATE', message });
      else {
        tally.firstRowOf.set(key, { row, amount: record.amount, paidAt: record.paidAt, adjustsMonth: record.adjustsMonth });
        kept.push(candidate);
      }
    });
    // nothing due, a correction without shortfall: set-based per batch, read before the batch is stored
    const warned = await paymentWarnings(m, kept.map((c) => c.record!));
    kept.forEach((c, index) => c.issues.push(...warned[index].map(warningIssue)));
    const records: PaymentRecord[] = [];
    for (const { row, cells, record, issues } of checked) {
      // the collector names each issue's column as the file wrote it (NO SP2D, not REFERENSI), as its message does
      if (tally.collector.row(row, issues, () => paymentReportCells(cells)) && record) records.push(record);
    }
    if (!records.length) return;
    const ids = records.map(() => randomUUID());
    await m.query(INSERT_PAYMENTS, [
      records.map((r) => r.pledgeCode),
      records.map((r) => r.month),
      records.map((r) => r.amount),
      records.map((r) => r.paidAt),
      records.map((r) => r.reference),
      records.map((r) => r.adjustsMonth),
      actor,
      this.clock.now(),
      ids,
      tally.uploadId,
    ]);
    tally.ids.push(...ids);
    records.forEach((r, i) => listForAudit(tally, { id: ids[i], pledgeCode: r.pledgeCode, month: r.month, amount: r.amount, paidAt: r.paidAt, reference: r.reference, ...(r.adjustsMonth ? { adjustsMonth: r.adjustsMonth } : {}), row: r.rowNumber }));
    for (const r of records) tally.months.add(r.month);
    tally.payments += records.length;
    tally.amount += records.reduce((s, r) => s + r.amount, 0);
  }

  /**
   * Every row of the sheet is a payment recorded already (nothing else refused): the earlier upload of the same
   * file, recognised (nothing stored), or ALREADY_RECORDED (409, as POST /payments answers one such payment).
   */
  private async allRecorded(report: UploadReport, checksum: string, m: EntityManager, recordedIds: readonly string[]): Promise<PaymentUploadResult> {
    const earlier = await this.sameFile(checksum, m, false);
    // another file (another officer's sheet of the same payments, at once or before): named as the same file's upload is (QA)
    if (!earlier) throw PaymentException.alreadyRecorded(report, await recordedBy(m, recordedIds));
    return earlier;
  }

  /**
   * The earlier upload of the same file (same bytes), answered as it is (its counts and findings), nothing stored: when
   * every row of the file is a payment recorded already, or some are and the others are refused (as that upload refused
   * them: QA, a sheet with 4 rows recorded and 12 refused, sent again, was answered NO_ACCEPTED_ROWS; `refused`: rows
   * are refused now for another reason than being recorded). Undefined when no upload had these bytes.
   */
  private async sameFile(checksum: string, m: EntityManager, refused: boolean): Promise<PaymentUploadResult | undefined> {
    const [earlier]: PaymentUploadRow[] = await m.query(PAYMENT_UPLOAD_OF_FILE, [checksum]);
    if (!earlier) return undefined;
    const stored = await storedReport(m, { id: earlier.id, counts: earlier, sheetWarnings: earlier.sheetWarnings });
    const upload = uploadLabel(earlier);
    const message = refused
      ? `Berkas ini sudah diunggah (${upload}): ${earlier.payments} pembayarannya sudah tercatat dan ${stored.rejected} baris ditolak; tidak ada yang disimpan. ` +
        'Perbaiki baris yang ditolak (lihat laporan unggahan itu) lalu unggah ulang: pembayaran yang sudah tercatat tidak dicatat dua kali.'
      : `Semua pembayaran di berkas ini sudah tercatat (${upload}); tidak ada yang disimpan.`;
    return { id: earlier.id, ...stored, payments: earlier.payments, amount: Number(earlier.amount), recognised: true, message };
  }
}

function countRecorded(tally: Tally, id: string): void {
  tally.recordedRows++;
  tally.recordedIds.push(id);
}

/** Keeps `p` for the audit event while there is room (AUDITED_PAYMENTS_MAX, AUDITED_PAYMENTS_CHARS). */
function listForAudit(tally: Tally, p: AuditedPayment): void {
  const chars = JSON.stringify(p).length + 1;
  if (tally.listed.length >= AUDITED_PAYMENTS_MAX || tally.listedChars + chars > AUDITED_PAYMENTS_CHARS) return;
  tally.listed.push(p);
  tally.listedChars += chars;
}

/** The `recorded` field of the `payment.upload` audit event: the upload, its payments' count and total, the first of them. */
function auditedPayments(tally: Tally): { recorded: Record<string, unknown> } {
  const more = tally.payments - tally.listed.length;
  return {
    recorded: {
      uploadId: tally.uploadId,
      payments: tally.payments,
      amount: tally.amount,
      listed: tally.listed,
      ...(more > 0 ? { more, note: `${tally.listed.length} pembayaran pertama tercantum; ${more} lainnya: GET /api/v1/payments?uploadId=${tally.uploadId}` } : {}),
    },
  };
}
