/**
 * Columns and row rules of the BPJS bill sheet (DOMAIN §12: NOKA, NIK, NAMA, IURAN). Pure logic.
 * A line is kept as billed: duplicates and unknown NIKs are findings of the reconciliation, not
 * upload errors, and so is a NOKA that is not 13 digits (kept as written, with a warning: the line
 * meets the participant's NOKA as NOKA_MISMATCH). Rows are rejected only when a value cannot be
 * read safely.
 */
import { type ColumnSpec, labelsByName } from '../../common/spreadsheet/column-spec.js';
import { fieldCountIssue } from '../../common/spreadsheet/field-count.js';
import { mergedCellIssue, mergedLabelRange, withMergedCells } from '../../common/spreadsheet/merged-cells.js';
import type { SheetRow } from '../../common/spreadsheet/sheet-row.js';
import { type Cell, holdsValue, isNoteRow } from '../../common/spreadsheet/cell.js';
import { isError, nikFrom, nokaFrom, rupiahFrom, textRefusal } from '../../common/uploads/cell-values.js';
import type { RowIssue } from '../../common/uploads/row-issue.js';

export const BILL_COLUMNS: readonly ColumnSpec[] = [
  { name: 'NOKA', aliases: ['NO KARTU', 'NOMOR KARTU', 'NO KARTU BPJS', 'NOMOR KARTU BPJS', 'NO JKN'], required: true, width: 16 },
  { name: 'NIK', aliases: ['NO KTP', 'NOMOR INDUK KEPENDUDUKAN', 'NIK PESERTA'], required: true, width: 20 },
  { name: 'NAMA', aliases: ['NAMA PESERTA', 'NAMA LENGKAP'], width: 30 },
  { name: 'IURAN', aliases: ['JUMLAH IURAN', 'NOMINAL', 'TAGIHAN', 'JUMLAH', 'BESARAN IURAN'], required: true, width: 14 },
];

export interface BillLineRecord {
  rowNumber: number;
  noka: string;
  nik: string;
  name: string;
  amount: number;
  /** The NOKA was a number in the file, its leading zeros put back (NOKA_NUMERIC_CELL): not a card number to record (finding-actions.ts). */
  nokaRestored: boolean;
}

/**
 * A row's record, or its issues. The issues' `column` is the column's own name (rawCells and the
 * merged cells match on it); their messages name each column by `names`, the headers as the file
 * wrote them (labelsByName of HeaderMatch.labels: `No Kartu "12345" …`, not NOKA, for a file headed No Kartu).
 */
export function validateBillRow(row: SheetRow, names: Readonly<Record<string, string>> = labelsByName(BILL_COLUMNS)): { record?: BillLineRecord; issues: Omit<RowIssue, 'row'>[] } {
  // a .csv row with more fields than its header: refused whole, its shifted columns not judged (QA: `Budi,37,800` was Rp37)
  if (row.overflow) return { issues: [fieldCountIssue(row.overflow)] };
  // a signature block under the lines ("Bengkulu, 5 Desember 2026", "Kepala Cabang"): one message, not one per empty
  // column nor per merged cell (QA: "NIK wajib diisi. / IURAN wajib diisi.", and "isi IURAN di setiap baris")
  if (isNoteRow(row.cells, 1)) return { issues: [{ column: null, severity: 'REJECT', code: 'NOT_BILL_ROW', message: NOT_BILL_ROW }] };
  // a total row whose label is merged across columns, the sum in IURAN: one message, not MERGED_CELL for each column the label covers (QA)
  const label = mergedLabelRange(row.rowNumber, row.merged);
  if (label && !holdsValue(row.cells[1]) && !nokaOf(row.cells[0])) return { issues: [{ column: null, severity: 'REJECT', code: 'NOT_BILL_ROW', message: notBillRowMerged(label) }] };
  const checked = checkBillRow(row, names);
  // a cell hidden by a merged range reads as empty: refused as such, the row's other findings kept
  return row.merged ? { issues: withMergedCells(checked.issues, row.merged, (cell) => mergedCellIssue(cell, names)) } : checked;
}

/** What a note row under the lines (isNoteRow: NIK empty, at most one other cell filled) is told, as the register's NOT_PARTICIPANT_ROW. */
export const NOT_BILL_ROW = 'Baris ini bukan data (NIK kosong; mis. baris tanda tangan atau jumlah): hapus baris ini.';

/** What a row with a label merged across columns (mergedLabelRange) and no NIK or NOKA is told: NOT_BILL_ROW, naming the range. */
export function notBillRowMerged(range: string): string {
  return `Baris ini tidak berisi data tagihan (sel gabungan ${range}, seperti label JUMLAH atau TOTAL, tanpa NIK): hapus baris ini dari berkas.`;
}

/** A NOKA of 13 digits the cell holds (nokaFrom), or undefined: a line's NOKA, which a label row has not. */
function nokaOf(cell: Cell): string | undefined {
  const noka = nokaFrom(cell);
  return isError(noka) || !noka.value ? undefined : noka.value;
}

function checkBillRow({ rowNumber, cells }: SheetRow, n: Readonly<Record<string, string>>): { record?: BillLineRecord; issues: Omit<RowIssue, 'row'>[] } {
  const issues: Omit<RowIssue, 'row'>[] = [];
  const noka = nokaFrom(cells[0], n.NOKA);
  const nik = nikFrom(cells[1], n.NIK);
  const amount = rupiahFrom(cells[3], n.IURAN);
  const name = textRefusal(cells[2], n.NAMA);
  // a NOKA as written but not of 13 digits is BPJS's: kept with a warning when it is the row's only fault
  const kept = isError(noka) && noka.malformed && !isError(nik) && !name && !isError(amount) ? noka.malformed : undefined;
  if (isError(noka)) {
    issues.push(kept ? { column: 'NOKA', severity: 'WARN', code: noka.code, message: kept.warning } : { column: 'NOKA', severity: 'REJECT', code: noka.code, message: noka.error });
  } else if (noka.warning) issues.push({ column: 'NOKA', severity: 'WARN', code: 'NOKA_NUMERIC_CELL', message: noka.warning });
  if (isError(nik)) issues.push({ column: 'NIK', severity: 'REJECT', code: nik.code, message: nik.error });
  else if (nik.warning) issues.push({ column: 'NIK', severity: 'WARN', code: 'NIK_FORMULA_TEXT', message: nik.warning });
  if (name) issues.push({ column: 'NAMA', severity: 'REJECT', code: name.code, message: name.error });
  if (isError(amount)) issues.push({ column: 'IURAN', severity: 'REJECT', code: amount.code, message: amount.error });
  const billedNoka = isError(noka) ? kept?.value : noka.value;
  if (billedNoka === undefined || isError(nik) || name || isError(amount)) return { issues };
  const cut = cutName(cells[2].text);
  if (cut) issues.push({ column: 'NAMA', severity: 'WARN', code: 'NAME_TOO_LONG', message: `${n.NAMA} lebih dari ${NAME_MAX} karakter (${cut.length}); disimpan ${NAME_MAX} karakter pertamanya.` });
  return { record: { rowNumber, noka: billedNoka, nik: nik.value, name: cut ? cut.kept : cells[2].text, amount: amount.value, nokaRestored: !isError(noka) && !!noka.warning }, issues };
}

/** The longest NAMA a bill line keeps. */
const NAME_MAX = 200;
const GRAPHEMES = new Intl.Segmenter('id', { granularity: 'grapheme' });

/**
 * A NAMA longer than NAME_MAX characters (as a reader counts them: 🎉 or an accented letter is one), cut after
 * the NAME_MAX-th, never inside one (QA: a cut by UTF-16 unit stored half an emoji as U+FFFD); null when it fits.
 * The line is kept, with a warning: the name is BPJS's and identifies no one here (the NIK and NOKA do), so a long
 * one is no reason to leave a billed line, and its rupiah, out of the reconciliation.
 */
function cutName(text: string): { kept: string; length: number } | null {
  if (text.length <= NAME_MAX) return null; // no more characters than UTF-16 units
  const characters = Array.from(GRAPHEMES.segment(text), (s) => s.segment);
  return characters.length > NAME_MAX ? { kept: characters.slice(0, NAME_MAX).join(''), length: characters.length } : null;
}
