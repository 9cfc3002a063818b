/**
 * The pledge sheet (one row per pledge, DOMAIN §5, §12): its columns, and how a row becomes a
 * PledgeInput. Village and NIK lists go in a cell (separated by commas, semicolons or spaces; a NIK
 * may be written in groups of digits, nik-list.ts) or in a second sheet `Daftar` with columns KODE
 * (the pledge code) and NILAI (a village code or a NIK).
 */
import { characterFailure, formulaFailure, isScientificText, scientificNikSaid } from '../../common/spreadsheet/cell-checks.js';
import { type Cell, EMPTY_CELL, holdsValue } from '../../common/spreadsheet/cell.js';
import { type ColumnSpec, labelsByName } from '../../common/spreadsheet/column-spec.js';
import type { PledgeInput } from '../domain/pledge-rules.js';
import { nikList } from './nik-list.js';
import { rupiahText } from '../../common/money.js';
import { clip } from '../../common/errors/domain.exception.js';
import { sheetMonthOutsideYear, writtenYearMonth, type YearMonth } from '../domain/pledge-months.js';

/**
 * Headers the format does not know are not read (COLUMNS_NOT_READ); one looking like an optional column
 * the file lacks refuses it (UNKNOWN_COLUMN, unknown-columns.ts), so the common phrasings are aliases here.
 */
export const PLEDGE_COLUMNS = [
  { name: 'KODE', aliases: ['code', 'KODE KOMITMEN'], required: true },
  { name: 'SUMBER', aliases: ['sourceType', 'SUMBER DANA'], required: true },
  { name: 'JENIS_DANA', aliases: ['fund', 'DANA'] },
  { name: 'PEMBERI_DANA', aliases: ['funder', 'PEMBERI'] },
  { name: 'TAHUN', aliases: ['fiscalYear', 'TAHUN ANGGARAN'], required: true },
  { name: 'BULAN_DARI', aliases: ['fromMonth', 'DARI BULAN', 'BULAN MULAI'] },
  { name: 'BULAN_SAMPAI', aliases: ['toMonth', 'SAMPAI BULAN', 'BULAN SELESAI', 'BULAN AKHIR'] },
  { name: 'CAKUPAN', aliases: ['scope'] },
  { name: 'KODE_DESA', aliases: ['villageCodes', 'DESA'] },
  { name: 'NIK', aliases: ['niks', 'DAFTAR NIK'] },
  { name: 'PERSEN', aliases: ['sharePercent', 'PERSEN BAGIAN', 'PROSENTASE', 'PERSENTASE'] },
  { name: 'KUOTA', aliases: ['quota', 'KUOTA PESERTA'] },
  { name: 'PAGU', aliases: ['budget', 'ANGGARAN', 'PAGU ANGGARAN'] },
  { name: 'PRIORITAS', aliases: ['priority'] },
  { name: 'DASAR_HUKUM', aliases: ['legalBasis', 'DASAR HUKUM'] },
] as const satisfies readonly ColumnSpec[];

export const LIST_COLUMNS = [
  { name: 'KODE', aliases: ['code', 'KODE KOMITMEN'], required: true },
  { name: 'NILAI', aliases: ['value', 'KODE_DESA / NIK'], required: true },
] as const satisfies readonly ColumnSpec[];

export const LIST_SHEET_NAME = 'Daftar';
/** The pledges' own sheet (read when the workbook has it; else the first visible sheet). */
export const PLEDGE_SHEET_NAME = 'Komitmen';

type Column = (typeof PLEDGE_COLUMNS)[number]['name'];
const FIELD: Record<Column, keyof PledgeInput> = {
  KODE: 'code',
  SUMBER: 'sourceType',
  JENIS_DANA: 'fund',
  PEMBERI_DANA: 'funder',
  TAHUN: 'fiscalYear',
  BULAN_DARI: 'fromMonth',
  BULAN_SAMPAI: 'toMonth',
  CAKUPAN: 'scope',
  KODE_DESA: 'villageCodes',
  NIK: 'niks',
  PERSEN: 'sharePercent',
  KUOTA: 'quota',
  PAGU: 'budget',
  PRIORITAS: 'priority',
  DASAR_HUKUM: 'legalBasis',
};
const NUMERIC = new Set<Column>(['TAHUN', 'BULAN_DARI', 'BULAN_SAMPAI', 'PERSEN', 'KUOTA', 'PAGU', 'PRIORITAS']);
const MONTHS = new Set<Column>(['BULAN_DARI', 'BULAN_SAMPAI']);

/**
 * A month cell that writes its year too: text `2026-11` (pledge-months.ts writtenYearMonth, after an export's apostrophe),
 * or a date cell (Excel turns a typed `2026-11` into 1 November 2026), `shown` as the refusal quotes it. Null otherwise:
 * a number is read as every number column reads it. A date of 1900 is a small number in a date-formatted cell, not a month.
 */
function yearMonthCell(cell: Cell): (YearMonth & { shown: string }) | null {
  if (cell.kind === 'date') {
    const [year, month] = cell.text.split('-').map(Number);
    return year > 1900 ? { year, month, shown: cell.text.slice(0, 7) } : null;
  }
  if (cell.kind !== 'text') return null;
  const shown = cell.text.trim().replace(LEADING_APOSTROPHE, '');
  const written = writtenYearMonth(shown);
  return written && { ...written, shown };
}
const ENUMS = new Set<Column>(['SUMBER', 'JENIS_DANA', 'CAKUPAN']);

/**
 * The Indonesian names the console and the workbooks show for the codes (QA: `Peserta tertentu`, as the form says it,
 * was refused with "CAKUPAN harus salah satu dari: ALL, VILLAGES, RESIDENTS."), by their letters and digits only:
 * `Peserta tertentu (NIK)` is PESERTA_TERTENTU_NIK.
 */
const NAMED: Partial<Record<Column, Record<string, string>>> = {
  SUMBER: { APBD_KABUPATEN: 'APBD', APBD_KAB: 'APBD', APBD_PROVINSI: 'APBD_PROV', APBD_PROV: 'APBD_PROV', ANGGARAN_DESA: 'DESA', APBDES: 'DESA', APBD_DESA: 'DESA', CSR: 'TJSLP', TJSLP_CSR: 'TJSLP', TJSLP_CSR_PERUSAHAAN: 'TJSLP' },
  JENIS_DANA: { ALOKASI_DANA_DESA: 'ADD', ALOKASI_DANA_DESA_ADD: 'ADD', PENDAPATAN_ASLI_DESA: 'PADES', PENDAPATAN_ASLI_DESA_PADES: 'PADES', PADESA: 'PADES' },
  CAKUPAN: { SEMUA: 'ALL', SEMUA_PESERTA: 'ALL', DESA: 'VILLAGES', DESA_TERTENTU: 'VILLAGES', PESERTA_TERTENTU: 'RESIDENTS', PESERTA_TERTENTU_NIK: 'RESIDENTS', DAFTAR_NIK: 'RESIDENTS' },
};

/** A code cell (SUMBER, JENIS_DANA, CAKUPAN) as its code: written as the code (`apbd prov`), or by its Indonesian name. */
function enumValue(name: Column, text: string): string {
  const named = NAMED[name]?.[text.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '')];
  return named ?? text.toUpperCase().replace(/\s+/g, '_');
}

const VILLAGE_CODE = /^\d{2}\.?\d{2}\.?\d{2}\.?\d{4}$/;

/**
 * A KODE_DESA cell's villages: codes separated by commas, semicolons, new lines or spaces, each optionally followed by
 * its name as the enrollment template's drop-down writes it (`17.03.06.2001 - Talang Jambu`), which is left out. What
 * is not a code stays whole, for the rules to refuse by name (QA: `Talang Jambu` was refused as "Talang, Jambu" and
 * the drop-down's form as "-, Talang, Jambu").
 */
export function villageList(text: string): string[] {
  return text
    .split(/[,;\n]+/)
    .map((item) => item.trim())
    .filter(Boolean)
    .flatMap((item) => {
      const words = item.split(/\s+/);
      if (words.every((w) => VILLAGE_CODE.test(w))) return words;
      const code = /^(\d{2}\.?\d{2}\.?\d{2}\.?\d{4})(?=$|[\s\-–—:(])/.exec(item);
      return code ? [code[1]] : [item];
    });
}

export interface RowProblem {
  column: string;
  message: string;
}

/** A sheet's columns named as the file's header does (`DARI BULAN` for BULAN_DARI): labelsByName of HeaderMatch.labels. */
export type ColumnNames = Readonly<Record<string, string>>;

/**
 * NIKs written in a number cell, in the column the file heads `column`; `cell` given, a .csv's text in scientific notation
 * (`1.70306E+15`, isScientificText) is said as such, its digits lost (scientificNikSaid, as the other uploads say it).
 */
export const nikAsNumber = (column: string, cell?: Cell) =>
  cell && isScientificText(cell)
    ? `${scientificNikSaid(cell, column)} Format kolom ${column} sebagai Teks lalu ketik ulang.`
    : `NIK ditulis sebagai angka sehingga digit terakhirnya hilang di Excel. Format kolom ${column} sebagai Teks lalu ketik ulang.`;

/**
 * A sheet row as a PledgeInput. Refused here: NIKs from numeric cells (Excel has cut their
 * digits) and formulas without a readable result (a PAGU of #DIV/0! is not "no budget"). Numbers
 * are read as the pledge rules then check them: a number cell as it is, text as whole digits,
 * optionally in thousands groups with dots (1.500.000) and after "Rp"; any other text is refused
 * here (notWhole: 1.5 and 5,0 as not whole, `lima` as no number). A problem's `column` is the
 * column's own name; its message names the column by `names`, the headers as the file wrote them.
 */
export function rowToInput(cells: readonly Cell[], names: ColumnNames = labelsByName(PLEDGE_COLUMNS)): { input: PledgeInput; problems: RowProblem[] } {
  const input: Record<string, unknown> = {};
  const problems: RowProblem[] = [];
  PLEDGE_COLUMNS.forEach(({ name }, i) => {
    const cell = cells[i];
    if (!cell) return;
    const formula = formulaFailure(cell, names[name]) ?? characterFailure(cell, names[name]);
    if (formula) {
      problems.push({ column: name, message: formula.message });
      return;
    }
    if (cell.kind === 'empty') return;
    const field = FIELD[name];
    if (name === 'NIK' && (cell.kind === 'number' || isScientificText(cell))) {
      problems.push({ column: name, message: nikAsNumber(names.NIK, cell) });
      return;
    }
    const written = MONTHS.has(name) ? yearMonthCell(cell) : null;
    if (written) {
      // a month written with its year (`2026-11`, a date cell): its number when of TAHUN's year (or TAHUN is unread) (QA)
      const year = input.fiscalYear;
      if (typeof year === 'number' && written.year !== year) problems.push({ column: name, message: sheetMonthOutsideYear(names[name] ?? name, written.shown, written, year) });
      else input[field] = written.month;
    } else if (name === 'KODE_DESA') input[field] = villageList(cell.text);
    else if (name === 'NIK') input[field] = nikList(cell.text);
    else if (NUMERIC.has(name)) {
      // PAGU's text as the other uploads read rupiah (QA: `1,500,000` and `1500000.00` were refused here only)
      const value = name === 'PERSEN' ? percentValue(cell) : cell.kind === 'number' ? cell.number : name === 'PAGU' ? (rupiahText(cell.text.trim().replace(LEADING_APOSTROPHE, '')) ?? wholeNumber(cell.text)) : wholeNumber(cell.text);
      // text the sheet cannot read as a whole number: said so here (the rules would say "bukan teks", yet `Rp 1.500.000` is read)
      if (typeof value === 'string') problems.push({ column: name, message: notWhole(names[name] ?? name, name, value) });
      else if (name === 'PERSEN' && typeof value === 'number' && !(Number.isInteger(value) && value >= 1 && value <= 100)) problems.push({ column: name, message: percentOutOfRange(names[name] ?? name, value, cell) });
      // a number cell with a fraction (TAHUN 2027.5) is told it is not whole, not that it is out of range (QA)
      else if (typeof value === 'number' && !Number.isInteger(value)) problems.push({ column: name, message: notWhole(names[name] ?? name, name, String(value).replace('.', ',')) });
      else input[field] = value;
    }
    else if (ENUMS.has(name)) input[field] = enumValue(name, cell.text);
    else input[field] = cell.text;
  });
  return { input: input as PledgeInput, problems };
}

/** A total's label opening a row: `TOTAL`, `Jumlah`, `Jumlah Pagu`, `Grand Total`, `Sub Total` (as a bill's or list's total row). */
const TOTAL_LABEL = /^(?:grand\s*|sub\s*)?(?:jumlah|total)\b/i;
const SOURCE = PLEDGE_COLUMNS.findIndex((c) => c.name === 'SUMBER');
const YEAR = PLEDGE_COLUMNS.findIndex((c) => c.name === 'TAHUN');

/**
 * NOT_PLEDGE_ROW: a row under the pledges that is none, told so in one message (QA: "Bengkulu Utara, 5 Desember 2026",
 * "Kepala BPKAD", "ttd" or "Nama Pejabat" in KODE, and `TOTAL … PAGU=Rp 3.000.000`, each heard 4–5 messages, "KODE
 * 'Kepala BPKAD' hanya boleh …" and a TAHUN "harus antara 2018 dan 2099" among them), as the bill's NOT_BILL_ROW and the
 * register's NOT_PARTICIPANT_ROW: SUMBER and TAHUN, which every pledge has, are empty, and the row holds at most one
 * value (a signature block's line, in any column) or opens with a total's label (`TOTAL`, `Jumlah`) whatever sums follow.
 * Null for any other row. The message names the columns as the file heads them (`names`).
 */
export function notPledgeRow(cells: readonly Cell[], names: ColumnNames = labelsByName(PLEDGE_COLUMNS)): string | null {
  if (holdsValue(cells[SOURCE] ?? EMPTY_CELL) || holdsValue(cells[YEAR] ?? EMPTY_CELL)) return null;
  const filled = cells.filter(holdsValue);
  const total = filled[0]?.kind === 'text' && TOTAL_LABEL.test(filled[0].text);
  if (filled.length > 1 && !total) return null;
  return `Baris ini tidak berisi data komitmen (${names.SUMBER} dan ${names.TAHUN} kosong, seperti baris tanda tangan, keterangan atau jumlah): hapus baris ini dari berkas.`;
}

/**
 * PERSEN as the sheet shows it: a cell formatted as a percentage holds the fraction (40% is 0.4),
 * read as the percent it shows when that is whole (QA: 0.4 was refused as "harus bilangan bulat 1
 * sampai 100"); text `40%` or `40 %` is 40. A percent that is not whole (40.5%) is refused as the
 * percent shown; any other cell is read as other number columns are.
 */
export function percentValue(cell: Cell): number | string {
  if (cell.kind === 'number' && cell.percent) {
    const percent = Math.round(cell.number! * 100 * 1e6) / 1e6;
    return Number.isInteger(percent) ? percent : String(percent); // 40.5% is told "PERSEN "40.5" bukan bilangan bulat"
  }
  if (cell.kind === 'number') return cell.number!;
  const typed = /^\s*(\d+)\s*%\s*$/.exec(cell.text);
  return typed ? Number(typed[1]) : wholeNumber(cell.text);
}

/**
 * A PERSEN read as a number that is no whole percent 1 to 100, quoting the value read (QA: a plain 0.4 was told
 * "PERSEN harus bilangan bulat 1 sampai 100." alone); a fraction in a cell not formatted as a percentage is asked
 * whether it meant one (`0,4 = 40%? tulis 40`).
 */
export function percentOutOfRange(label: string, value: number, cell: Cell): string {
  const shown = (n: number) => String(n).replace('.', ',');
  const percent = Math.round(value * 100 * 1e6) / 1e6;
  const meant = !cell.percent && value > 0 && value < 1 ? ` (${shown(value)} = ${shown(percent)}%?${Number.isInteger(percent) ? ` tulis ${percent}` : ''})` : '';
  return `${label} "${shown(value)}${cell.percent ? '%' : ''}" harus bilangan bulat 1 sampai 100${meant}.`;
}

/**
 * `1.500.000`, `1 500 000`, `Rp 1500000`, `1.500.000,00`, `50,0`, `2027.00` → the whole number; after a leading
 * apostrophe too (`'2027`, as exports force text, and as NIK and NOKA are read; QA: "bukan angka"); any other text as
 * it is (the rules refuse it). Zero decimals are taken when written consistently: one or two after a comma, following digits or
 * dotted thousands (`37.800,00`, QA: PERSEN `50,0` was refused while bills read `37.800,00`); after a point, one or two
 * zeros following plain digits (`50.0`; `1.000` is a thousand).
 */
export function wholeNumber(text: string): number | string {
  const digits = text
    .trim()
    .replace(LEADING_APOSTROPHE, '')
    .replace(/^(rp\.?|idr)\s*/i, '')
    .replace(/(,0{1,2}|,-)$/, '') // not `,000`: a thousand written with a comma group
    .replace(/^(-?\d+)\.0{1,2}$/, '$1');
  return /^-?(\d+|\d{1,3}(\.\d{3})+|\d{1,3}( \d{3})+)$/.test(digits) ? Number(digits.replace(/[. ]/g, '')) : text;
}

/** The apostrophe an export or a person types before a number to keep it text in Excel. */
const LEADING_APOSTROPHE = /^['‘’`]/u;

/** How each number column is written, as a refusal shows it. */
const EXAMPLE: Partial<Record<Column, string>> = {
  TAHUN: '2026',
  BULAN_DARI: '1',
  BULAN_SAMPAI: '12',
  PERSEN: '50',
  KUOTA: '100 atau 1.000',
  PAGU: '1500000, 1.500.000 atau Rp 1.500.000',
  PRIORITAS: '10',
};

/**
 * Why text in a number column (headed `label`) is refused: a number with a fraction or odd groups
 * (`1,5`, `1.5`, `12.34.56`) is not whole, rupiah in PAGU; other text (`lima`) is no number (QA: both were
 * told "bukan teks", yet a number typed as text is read).
 */
export function notWhole(label: string, column: Column, text: string): string {
  const numberLike = /^(rp\.?|idr)?\s*[-+]?\d[\d.,\s]*$/i.test(text.trim());
  const what = column === 'PAGU' ? 'rupiah bulat tanpa sen' : 'bilangan bulat';
  const reason = numberLike ? `bukan ${column === 'PAGU' ? 'rupiah bulat' : 'bilangan bulat'}` : 'bukan angka';
  return `${label} "${clip(text.trim())}" ${reason}: tulis ${what}, misalnya ${EXAMPLE[column]}.`;
}
