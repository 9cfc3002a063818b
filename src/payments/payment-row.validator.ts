/**
 * Columns and row rules of the payments sheet (DOMAIN §8): pledge code, month, amount, paid date,
 * reference, and optionally the earlier month a correction adjusts. Pure logic: the caller passes
 * the known pledges (KnownPledges), the closed months and today's date (WIB).
 */
import { bareYear, calendarDay, cellDay, dateTextProblem, numberNotADate, serialDay, shownDay, typedIntoDateCell, yearOnly } from '../common/spreadsheet/cell-dates.js';
import { characterFailure, formulaFailure } from '../common/spreadsheet/cell-checks.js';
import { type Cell, holdsValue, isNoteRow } from '../common/spreadsheet/cell.js';
import { type ColumnSpec, labelsByName } from '../common/spreadsheet/column-spec.js';
import { dateFormsOf, noDateForms, noteDateForm, type RowDateForms } from '../common/spreadsheet/date-order.js';
import { fieldCountIssue } from '../common/spreadsheet/field-count.js';
import { mergedCellIssue, mergedLabelRange, withMergedCells } from '../common/spreadsheet/merged-cells.js';
import type { SheetRow } from '../common/spreadsheet/sheet-row.js';
import { pledgeNotFoundMessage } from '../funding/funding.exception.js';
import { dayName, isMonth, monthName } from '../common/month.js';
import { maxLength } from 'class-validator';
import { lengthMessage } from '../common/text.js';
import { rupiah } from '../common/money.js';
import { paymentReference, REFERENCE_MAX } from './duplicate-payments.js';
import { PAID_AT_FORM, PAID_YEARS } from './paid-at.js';
import { openMonthToRecordIn } from '../periods/open-month.js';
import { isError, rupiahFrom } from '../common/uploads/cell-values.js';
import type { RowIssue } from '../common/uploads/row-issue.js';

export const PAYMENT_COLUMNS: readonly ColumnSpec[] = [
  { name: 'KODE_KOMITMEN', aliases: ['KOMITMEN', 'KODE', 'PLEDGE', 'PLEDGE CODE', 'KODE PLEDGE'], required: true },
  { name: 'BULAN', aliases: ['BULAN IURAN', 'PERIODE', 'MONTH'], required: true },
  { name: 'JUMLAH', aliases: ['NILAI', 'JUMLAH BAYAR', 'NOMINAL', 'AMOUNT'], required: true },
  { name: 'TANGGAL_BAYAR', aliases: ['TANGGAL', 'TGL BAYAR', 'TANGGAL SP2D', 'PAID AT'], required: true },
  { name: 'REFERENSI', aliases: ['NO SP2D', 'NOMOR SP2D', 'SP2D', 'REFERENCE'], required: true },
  // headed as the console's payment form names the field, "Koreksi untuk bulan" (QA: the template said PENYESUAIAN_BULAN,
  // the form Koreksi untuk bulan); PENYESUAIAN_BULAN stays the key of stored rows (upload_issue.raw, column_order) and is
  // still read as a header
  { name: 'PENYESUAIAN_BULAN', header: 'KOREKSI_UNTUK_BULAN', aliases: ['KOREKSI BULAN', 'BULAN KOREKSI', 'ADJUSTS MONTH'] },
];

export interface PaymentRecord {
  rowNumber: number;
  pledgeCode: string;
  month: string;
  amount: number;
  paidAt: string;
  reference: string;
  adjustsMonth: string | null;
}

type Issue = Omit<RowIssue, 'row'>;

/** A row's record, or its issues; and what its paid date in slashes says of the file's date order (date-order.ts), when anything. */
export interface CheckedPaymentRow {
  record?: PaymentRecord;
  /**
   * The payment of a row refused only as MONTH_CLOSED: a payment recorded already, sent again, is PAYMENT_DUPLICATE
   * instead (RECORDED_ALREADY), as POST /payments answers DUPLICATE_PAYMENT before MONTH_CLOSED; MONTH_CLOSED would say
   * to record it as a correction in an open month, and it would count twice (QA).
   */
  closedRecord?: PaymentRecord;
  issues: Issue[];
  dates?: RowDateForms;
}

/** The pledges a sheet's rows may name, read once per upload. */
export interface KnownPledges {
  /** Code → fiscal year. */
  readonly fiscalYears: ReadonlyMap<string, number>;
  /** The codes of the pledges that may be paid before their fiscal year (paidBeforeYearAllowed: a company's CSR). */
  readonly paidInAdvance: ReadonlySet<string>;
  /** The stored code a typed one stands for, exactly or ignoring case (storedPledgeCodeIn), to name in PLEDGE_NOT_FOUND. */
  readonly stored: (code: string) => string | undefined;
}

/**
 * `YYYY-MM` typed as text (or a whole date as `YYYY-MM-DD` text, as row reports write date cells back), or a date cell (Excel turns `2026-10` into 1 October 2026), or a number
 * cell holding an Excel date serial (a date pasted as a value into a General cell: 46082 is
 * 1 March 2026), counted in the workbook's date system (serialDay); a month of 2000–2099 only.
 */
function monthFromCell(cell: Cell): string | null {
  if (cell.kind === 'date') return bareYear(cell) === undefined ? cell.text.slice(0, 7) : null; // 2026 typed into a date cell is no month of 1905
  if (cell.kind === 'number') {
    const month = serialDay(cell)?.slice(0, 7);
    return month && isMonth(month) ? month : null;
  }
  const text = cell.text.trim();
  if (isMonth(text)) return text;
  // a date cell as the row report writes it back (YYYY-MM-DD text): its month, as for the date cell (QA: a report with BULAN as dates could not be uploaded back)
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso) {
    const day = calendarDay(+iso[1], +iso[2], +iso[3]);
    return day && isMonth(day.slice(0, 7)) ? day.slice(0, 7) : null;
  }
  const mmYyyy = /^(\d{1,2})[/-](\d{4})$/.exec(text);
  if (mmYyyy) {
    const candidate = `${mmYyyy[2]}-${mmYyyy[1].padStart(2, '0')}`;
    return isMonth(candidate) ? candidate : null;
  }
  return null;
}

/** Why a month cell is no month: a number that is no Excel date serial of 2000–2099 (2026, 202610) is said to be one. */
function notAMonth(cell: Cell, column: string, example: string): string {
  const what =
    cell.kind === 'date' ? `${column} hanya berisi tahun (${bareYear(cell)})${typedIntoDateCell(cell)}`
    : cell.kind === 'number' ? `${column} ${cell.text} berupa angka, bukan bulan (bukan nomor seri tanggal Excel tahun 2000–2099)`
    : `${column} "${cell.text}" bukan bulan`;
  return `${what}: tulis YYYY-MM atau MM/YYYY (mis. ${example}), atau isi dengan sel tanggal.`;
}

/** A term of §8 a payment breaks, with its sheet code, named by the sheet column at fault. */
export interface PaymentTermsProblem {
  code: 'OUTSIDE_FISCAL_YEAR' | 'PAID_BEFORE_YEAR' | 'PAID_IN_FUTURE';
  column: 'BULAN' | 'PENYESUAIAN_BULAN' | 'TANGGAL_BAYAR';
  message: string;
}

/**
 * Whether a pledge of `sourceType` may be paid before its fiscal year begins: a company's CSR (TJSLP) may, a transfer in
 * December for January being its own decision (QA: TJSLP-ALNO-2027 paid on 6 December 2026 was refused); budget money
 * (APBD, APBD_PROV, DESA) may not, a year's budget not being spent before it. Told as PAID_BEFORE_MONTH instead.
 */
export function paidBeforeYearAllowed(sourceType: string | null | undefined): boolean {
  return sourceType === 'TJSLP';
}

/**
 * Why a payment cannot be what it says, every reason at once (empty when none): the month it pays
 * for (`adjustsMonth` for a correction, else `month`) must fall in the pledge's fiscal year, and it
 * cannot have been paid before that year began (a year typed wrong, 2016 for 2026, would otherwise
 * count as on time; budget sources only, `inAdvance` false: paidBeforeYearAllowed) or after today (WIB). Shared by
 * the API route and the sheet. A field left out (the API's request had it malformed) and a year unknown (`null`: no
 * such pledge) skip the terms that read them, so the others are still told beside the malformed fields.
 */
export function paymentTermsProblems(
  p: { month?: string; adjustsMonth?: string | null; paidAt?: string },
  fiscalYear: number | null,
  today: string,
  inAdvance = false,
): PaymentTermsProblem[] {
  const problems: PaymentTermsProblem[] = [];
  const paysFor = p.adjustsMonth === undefined ? undefined : (p.adjustsMonth ?? p.month);
  if (fiscalYear !== null && paysFor !== undefined && Number(paysFor.slice(0, 4)) !== fiscalYear) {
    problems.push({
      code: 'OUTSIDE_FISCAL_YEAR',
      column: p.adjustsMonth ? 'PENYESUAIAN_BULAN' : 'BULAN',
      message: `Bulan ${monthName(paysFor)} di luar tahun anggaran komitmen (${fiscalYear}). Pembayaran untuk bulan itu dicatat pada komitmen tahun ${paysFor.slice(0, 4)}.`,
    });
  }
  if (p.paidAt === undefined) return problems;
  const yearStart = `${fiscalYear}-01-01`;
  if (fiscalYear !== null && p.paidAt < yearStart && !inAdvance) {
    problems.push({
      code: 'PAID_BEFORE_YEAR',
      column: 'TANGGAL_BAYAR',
      message: `Tanggal bayar ${dayName(p.paidAt)} sebelum tahun anggaran komitmen (${fiscalYear}) dimulai: dana tahun ${fiscalYear} dibayarkan mulai ${dayName(yearStart)}. Periksa tahun pada tanggal bayar.`,
    });
  }
  if (p.paidAt > today) problems.push({ code: 'PAID_IN_FUTURE', column: 'TANGGAL_BAYAR', message: `Tanggal bayar ${dayName(p.paidAt)} sesudah hari ini (${dayName(today)}): periksa tanggal SP2D, terutama tahunnya.` });
  return problems;
}

/**
 * A correction (adjustsMonth) is for a closed month only (DOMAIN §9: finalized, or frozen by a later finalized month
 * of its year): a month still open takes the payment itself, or it would show unpaid there and overpaid in the month
 * recorded (QA).
 */
export function adjustsOpenMonth(adjustsMonth: string): string {
  const name = monthName(adjustsMonth);
  return `Bulan ${name} belum difinalisasi: catat pembayaran ini langsung untuk ${name}, bukan sebagai koreksi. Koreksi hanya untuk bulan yang sudah difinalisasi atau dibekukan.`;
}

/**
 * A row of a closed month, finalized or frozen by the finalized month `by` (ClosedMonths.closedBy): recorded in an
 * open month (`open`, openMonthToRecordIn) with PENYESUAIAN_BULAN naming the closed one, both columns said (QA: BULAN was
 * left as it was), or keeping `adjustsMonth`, the earlier month the row corrects already.
 */
export function closedMonthRow(month: string, by: string, open: string, n: Readonly<Record<string, string>> = CANONICAL_NAMES, adjustsMonth?: string | null): string {
  const closed = by === month ? 'sudah difinalisasi' : `sudah dibekukan karena bulan ${monthName(by)} sudah difinalisasi`;
  const corrects = adjustsMonth ? `${n.PENYESUAIAN_BULAN} tetap ${adjustsMonth}` : `${n.PENYESUAIAN_BULAN} = ${month}`;
  return `Bulan ${monthName(month)} ${closed}. Catat pembayaran ini di bulan yang masih terbuka (mis. ${monthName(open)}): ${n.BULAN} = ${open} dan ${corrects}.`;
}

/**
 * A negative JUMLAH without PENYESUAIAN_BULAN: money given back is a correction of the closed month that was overpaid,
 * recorded in an open month; an ordinary payment is never negative (CHK_payment_amount).
 */
export function negativeWithoutAdjustment(amount: number, n: Readonly<Record<string, string>> = CANONICAL_NAMES): string {
  return (
    `${n.JUMLAH} ${rupiah(amount)} negatif tanpa ${n.PENYESUAIAN_BULAN}: jumlah negatif hanya untuk koreksi yang mengembalikan kelebihan bayar ` +
    `bulan yang sudah ditutup. Isi ${n.PENYESUAIAN_BULAN} dengan bulan yang dikoreksi, atau tulis jumlah lebih dari 0.`
  );
}

/** Each column named by its canonical header: for a file that used them, or no header at all. */
export const CANONICAL_NAMES: Readonly<Record<string, string>> = labelsByName(PAYMENT_COLUMNS);

/**
 * A row's record, or its issues. The issues' `column` is the canonical one (rawCells and the merged
 * cells match on it); their messages name each column by `names`, the headers as the file wrote them
 * (HeaderMatch.labels: `NO SP2D wajib diisi`, not REFERENSI, for a file headed NO SP2D).
 */
export function validatePaymentRow(
  row: SheetRow,
  pledges: KnownPledges,
  closedMonths: ReadonlyMap<string, string>,
  today: string,
  names: Readonly<Record<string, string>> = CANONICAL_NAMES,
): CheckedPaymentRow {
  // a .csv row with more fields than its header: refused whole, its shifted columns not judged (QA: `1,500,000` was Rp1)
  if (row.overflow) return { issues: [fieldCountIssue(row.overflow)] };
  // a signature block under the payments ("Bendahara,", a name): one message, not one per empty column (QA: five each)
  if (isNoteRow(row.cells, 0)) return { issues: [{ column: null, severity: 'REJECT', code: 'NOT_PAYMENT_ROW', message: NOT_PAYMENT_ROW }] };
  // a total row whose label is merged across columns, the sum in JUMLAH: one message, not MERGED_CELL for each column the label covers (QA)
  const label = mergedLabelRange(row.rowNumber, row.merged);
  if (label && !pledges.fiscalYears.has(row.cells[0].text.trim())) return { issues: [{ column: null, severity: 'REJECT', code: 'NOT_PAYMENT_ROW', message: notPaymentRowMerged(label) }] };
  // a signature typed in KODE_KOMITMEN ("Bendahara,", "ttd"), no month, amount or paid date: one message (QA: four each)
  if (isNoteInPledgeColumn(row.cells, pledges)) return { issues: [{ column: null, severity: 'REJECT', code: 'NOT_PAYMENT_ROW', message: notPaymentRowNote(row.cells[0].text.trim(), names) }] };
  const checked = checkPaymentRow(row, pledges, closedMonths, today, names);
  // a cell hidden by a merged range reads as empty: refused as such, the row's other findings kept
  return row.merged ? { issues: withMergedCells(checked.issues, row.merged, (cell) => mergedCellIssue(cell, names)) } : checked;
}

/** What a note row under the payments (isNoteRow: KODE_KOMITMEN empty, at most one other cell filled) is told, as the register's NOT_PARTICIPANT_ROW. */
export const NOT_PAYMENT_ROW = 'Baris ini bukan data (KODE_KOMITMEN kosong; mis. baris tanda tangan atau jumlah): hapus baris ini.';

/**
 * A row of a signature block typed in KODE_KOMITMEN ("Bendahara,", "ttd", a name): text there that is no pledge code
 * (not even in another case), BULAN, JUMLAH and TANGGAL_BAYAR empty. A pledge's row missing them is still told per column.
 */
function isNoteInPledgeColumn(cells: readonly Cell[], pledges: KnownPledges): boolean {
  const text = cells[0].kind === 'text' && !cells[0].formula ? cells[0].text.trim() : '';
  return text !== '' && pledges.stored(text) === undefined && !cells.slice(1, 4).some(holdsValue);
}

/** NOT_PAYMENT_ROW of such a row (isNoteInPledgeColumn), naming what its KODE_KOMITMEN holds and the columns left empty. */
export function notPaymentRowNote(text: string, n: Readonly<Record<string, string>> = CANONICAL_NAMES): string {
  return (
    `Baris ini tidak berisi data pembayaran (${n.KODE_KOMITMEN} "${text}" bukan kode komitmen, dan ${n.BULAN}, ${n.JUMLAH} serta ${n.TANGGAL_BAYAR} kosong, ` +
    'seperti tanda tangan): hapus baris ini dari berkas.'
  );
}

/** What a row with a label merged across columns (mergedLabelRange) and no known pledge code is told: NOT_PAYMENT_ROW, naming the range. */
export function notPaymentRowMerged(range: string): string {
  return `Baris ini tidak berisi data pembayaran (sel gabungan ${range}, seperti label JUMLAH atau TOTAL, tanpa kode komitmen): hapus baris ini dari berkas.`;
}

function checkPaymentRow(
  { rowNumber, cells }: SheetRow,
  pledges: KnownPledges,
  closedMonths: ReadonlyMap<string, string>,
  today: string,
  n: Readonly<Record<string, string>>,
): CheckedPaymentRow {
  const issues: Issue[] = [];
  const reject = (column: string, code: string, message: string) => issues.push({ column, severity: 'REJECT', code, message });
  // A formula with nothing readable is named as such (the amount's reader names its own), not as an
  // empty or malformed cell, and so is a control character or U+FFFD: the checks below then skip that column.
  const formulas = new Set<string>();
  PAYMENT_COLUMNS.forEach(({ name }, i) => {
    const failure = name === 'JUMLAH' ? null : (formulaFailure(cells[i], n[name]) ?? characterFailure(cells[i], n[name]));
    if (!failure) return;
    reject(name, failure.code, failure.message);
    formulas.add(name);
  });
  const check = (column: string, code: string, message: string) => formulas.has(column) || reject(column, code, message);

  const pledgeCode = cells[0].text.trim();
  if (!pledgeCode) check('KODE_KOMITMEN', 'PLEDGE_REQUIRED', `${n.KODE_KOMITMEN} wajib diisi.`);
  // as the API says it: naming the pledge that differs only in case (QA: "apbd-2026" for APBD-2026)
  else if (!pledges.fiscalYears.has(pledgeCode)) check('KODE_KOMITMEN', 'PLEDGE_NOT_FOUND', pledgeNotFoundMessage(pledgeCode, pledges.stored(pledgeCode)));

  const month = monthFromCell(cells[1]);
  if (!holdsValue(cells[1])) check('BULAN', 'MONTH_REQUIRED', `${n.BULAN} wajib diisi.`); // as JUMLAH's, not `BULAN "" bukan bulan` (QA)
  else if (!month) check('BULAN', 'MONTH_FORMAT', notAMonth(cells[1], n.BULAN, '2026-10 atau 10/2026'));
  else if (closedMonths.has(month)) {
    // a row correcting an earlier month keeps PENYESUAIAN_BULAN (QA: told to correct the closed BULAN instead)
    const adjusts = cells[5].kind === 'empty' ? null : monthFromCell(cells[5]);
    const open = openMonthToRecordIn(month, today.slice(0, 7), closedMonths);
    check('BULAN', 'MONTH_CLOSED', closedMonthRow(month, closedMonths.get(month)!, open, n, adjusts && adjusts < month ? adjusts : null));
  }

  // negative only for a correction giving back what a closed month was overpaid (its PENYESUAIAN_BULAN), checked below
  const amount = rupiahFrom(cells[2], n.JUMLAH, { signed: true });
  if (isError(amount)) reject('JUMLAH', amount.code, amount.error);

  // a year typed alone (2026) is no Excel serial of a day in 1905: said as such, as in the enrollment sheet
  const yearAlone = yearOnly(cells[3], n.TANGGAL_BAYAR);
  const paidAt = yearAlone ? null : cellDay(cells[3]);
  // 10/1/2026 is 10 January or 1 October: read as the file writes its dates (date-order.ts; QA: a US-English export)
  const forms = noDateForms();
  if (!yearAlone && cells[3].kind === 'text') noteDateForm('TANGGAL_BAYAR', cells[3].text, forms);
  const dates = dateFormsOf(forms);
  if (!holdsValue(cells[3])) check('TANGGAL_BAYAR', 'PAID_AT_REQUIRED', `${n.TANGGAL_BAYAR} wajib diisi.`);
  else if (yearAlone) check('TANGGAL_BAYAR', 'DATE_FORMAT', yearAlone);
  else if (!paidAt) check('TANGGAL_BAYAR', 'DATE_FORMAT', numberNotADate(cells[3], n.TANGGAL_BAYAR) ?? `${n.TANGGAL_BAYAR} "${cells[3].text}" bukan tanggal${cells[3].kind === 'text' && dateTextProblem(cells[3].text) ? `: ${dateTextProblem(cells[3].text)}` : ''} (gunakan YYYY-MM-DD atau DD/MM/YYYY).`);
  else if (!PAID_AT_FORM.test(paidAt)) {
    // the API's rule for paidAt (a 1900 or 1000 day is a typo or Excel's day zero, never an SP2D)
    check('TANGGAL_BAYAR', 'DATE_FORMAT', `${n.TANGGAL_BAYAR} ${shownDay(cells[3], paidAt)} di luar tahun ${PAID_YEARS}: tanggal bayar harus pada tahun ${PAID_YEARS}, seperti paidAt pada pencatatan satu pembayaran.`);
  }

  const reference = paymentReference(cells[4].text);
  if (!reference) check('REFERENSI', 'REFERENCE_REQUIRED', `${n.REFERENSI} (mis. nomor SP2D) wajib diisi.`);
  // POST /payments' limit, counted as it counts (a character outside the BMP, 🎉, is one): refused, never cut (QA)
  else if (!maxLength(reference, REFERENCE_MAX)) check('REFERENSI', 'REFERENCE_TOO_LONG', `${lengthMessage(n.REFERENSI, [...reference].length, REFERENCE_MAX)}.`);

  let adjustsMonth: string | null = null;
  if (cells[5].kind !== 'empty') {
    adjustsMonth = monthFromCell(cells[5]);
    if (!adjustsMonth) check('PENYESUAIAN_BULAN', 'MONTH_FORMAT', notAMonth(cells[5], n.PENYESUAIAN_BULAN, '2026-09 atau 09/2026'));
    else if (month && adjustsMonth >= month) {
      check('PENYESUAIAN_BULAN', 'INVALID_ADJUSTMENT', `${n.PENYESUAIAN_BULAN} (${monthName(adjustsMonth)}) harus lebih awal dari ${n.BULAN} (${monthName(month)}).`);
    } else if (!closedMonths.has(adjustsMonth)) check('PENYESUAIAN_BULAN', 'ADJUSTS_OPEN_MONTH', adjustsOpenMonth(adjustsMonth));
  }

  if (!isError(amount) && amount.value < 0 && cells[5].kind === 'empty') check('JUMLAH', 'NEGATIVE_WITHOUT_ADJUSTMENT', negativeWithoutAdjustment(amount.value, n));

  // the terms are judged whenever the cells they read are sound, so a row hears every reason at once
  const fiscalYear = pledges.fiscalYears.get(pledgeCode);
  if (fiscalYear !== undefined && month && paidAt && PAID_AT_FORM.test(paidAt) && (cells[5].kind === 'empty' || adjustsMonth)) {
    for (const term of paymentTermsProblems({ month, adjustsMonth, paidAt }, fiscalYear, today, pledges.paidInAdvance.has(pledgeCode))) {
      check(term.column, term.code, term.message);
    }
  }
  if (isError(amount)) return { issues, dates };
  const record = { rowNumber, pledgeCode, month: month!, amount: amount.value, paidAt: paidAt!, reference, adjustsMonth };
  if (!issues.length) return { record, issues, dates };
  // refused only for its closed month: the upload looks it up, a payment recorded already being told as such (QA)
  return issues.every((i) => i.code === 'MONTH_CLOSED') ? { closedRecord: record, issues, dates } : { issues, dates };
}
