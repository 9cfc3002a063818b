/**
 * The enrollment row's identity numbers (DOMAIN §2): NIK, NO_KK and NOKA read from their cells, each refused with
 * what to do, and what the NIK's digits say (region, birth date, sex) checked against the row. Used by
 * EnrollmentRowValidator; `L` names the columns as the file does, `required` is its REQUIRED finding of a column.
 */
import type { Cell } from '../../common/spreadsheet/cell.js';
import { ambiguousSerial, serialDayIn1900 } from '../../common/spreadsheet/cell-dates.js';
import { formulaTextOf, isScientificText, scientificNikSaid } from '../../common/spreadsheet/cell-checks.js';
import { birthDateAgrees, checkNik, type NikFacts } from '../../common/nik.js';
import { dayName, MONTH_NAMES } from '../../common/month.js';
import type { ColumnLabels, EnrollmentColumnName } from '../enrollment-columns.js';
import { reject, type EnrollmentRowIssue, RowIssueCode as C, warn } from './row-issue.js';
import { strayHint, TEXT_FORMAT_HINT, withoutSpaces } from './row-cells.js';

const HOME_REGENCY = '1703';

/** The REQUIRED finding of an empty column (EnrollmentRowValidator.required). */
export type Required = (column: EnrollmentColumnName) => EnrollmentRowIssue;

/**
 * The NIK and what its digits say (region, birth date, sex), or null with the issue recorded. A NIK written as Excel's
 * formula text, `="1703012345678901"` (formulaTextOf: how exports keep 16 digits as text in a .csv, and what Excel shows
 * as those digits), is read as the digits between the quotes, with a warning naming the NIK read; anything else between
 * them is refused, saying how the cell is written.
 */
export function nikOf(cell: Cell, L: ColumnLabels, issues: EnrollmentRowIssue[], required: Required): { nik: string; facts: NikFacts } | null {
  if (cell.kind === 'empty') return void issues.push(required('NIK')), null;
  if (isScientificText(cell)) return void issues.push(reject('NIK', C.NIK_NUMERIC_CELL, `${scientificNikSaid(cell, L.NIK)} ${TEXT_FORMAT_HINT}`)), null;
  if (cell.kind === 'number') {
    issues.push(reject('NIK', C.NIK_NUMERIC_CELL, `${L.NIK}: terbaca sebagai angka (${cell.text}), bukan teks. Excel hanya menyimpan 15 digit angka, sehingga digit terakhir NIK sudah berubah. ${TEXT_FORMAT_HINT}`));
    return null;
  }
  const quoted = formulaTextOf(cell);
  const nik = withoutSpaces(quoted ?? cell.text);
  if (quoted !== undefined && !/^\d{16}$/.test(nik)) {
    issues.push(reject('NIK', C.NIK_FORMULA_TEXT, `${L.NIK} ditulis sebagai rumus teks ${cell.text.slice(0, 40)} dan di antara tanda petiknya bukan 16 digit angka. Tulis 16 digit NIK saja, tanpa = dan tanda petik.`));
    return null;
  }
  const check = checkNik(nik);
  if (check.ok) {
    if (quoted !== undefined) issues.push(warn('NIK', C.NIK_FORMULA_TEXT, `${L.NIK} ditulis sebagai rumus teks ="…" (cara Excel menjaga angka panjang tetap teks di berkas CSV) dan dibaca sebagai NIK ${nik}. Baris diterima; sebaiknya tulis 16 digit NIK saja, tanpa = dan tanda petik.`));
    return { nik, facts: check.facts };
  }
  switch (check.problem) {
    case 'NOT_DIGITS': {
      // digit groups joined by dots or dashes are said so, with the digits they make (QA operator: "karakter selain angka" alone)
      const separated = separatorsSaid(L.NIK, withoutSpaces(cell.text), false);
      issues.push(reject('NIK', C.NIK_NOT_DIGITS, `${L.NIK} "${cell.text}" ${separated ?? `mengandung karakter selain angka; NIK harus 16 digit angka.${strayHint(cell.text)}`}`));
      break;
    }
    case 'LENGTH':
      issues.push(reject('NIK', C.NIK_LENGTH, `${L.NIK} "${nik}" terdiri dari ${nik.length} digit; NIK harus tepat 16 digit.`));
      break;
    case 'BIRTH_DATE':
      issues.push(reject('NIK', C.NIK_BIRTH_DATE_IMPOSSIBLE, `${L.NIK} ${nik}: digit 7-12 (${nik.slice(6, 12)}) bukan tanggal lahir yang mungkin (DDMMYY, tanggal +40 untuk perempuan). Periksa NIK pada KTP/KK.`));
      break;
    case 'SERIAL_ZERO':
      issues.push(reject('NIK', C.NIK_SERIAL_ZERO, `${L.NIK} ${nik}: nomor urut (4 digit terakhir) tidak boleh 0000.`));
      break;
  }
  return null;
}

/** `birth`: the day read and its cell (a 1904-system serial whose 1900 reading is the NIK's day is said to be ambiguous). */
export function crossCheckNik(nik: string, facts: NikFacts, birth: { day: string; cell: Cell }, sex: 'L' | 'P', L: ColumnLabels, issues: EnrollmentRowIssue[]): void {
  const birthDate = birth.day;
  if (facts.regency !== HOME_REGENCY) {
    issues.push(warn('NIK', C.NIK_REGION_OUTSIDE, `${L.NIK} ${nik} diterbitkan di luar Kabupaten Bengkulu Utara (kode ${nik.slice(0, 4)}); pastikan peserta berdomisili di desa yang dicantumkan.`));
  }
  if (!birthDateAgrees(facts, birthDate)) {
    const other = serialDayIn1900(birth.cell);
    const ambiguous = other && birthDateAgrees(facts, other) ? ` ${ambiguousSerial(birth.cell, L.TANGGAL_LAHIR, birthDate)} Tanggal ${dayName(other)} sesuai dengan NIK.` : '';
    // the NIK holds day, month and the year's last two digits (QA: the digits alone, and the date in ISO, were hard to compare)
    const inNik = `${facts.day} ${MONTH_NAMES[facts.month - 1]}, tahun berakhiran ${String(facts.yy).padStart(2, '0')}`;
    issues.push(warn('TANGGAL_LAHIR', C.NIK_BIRTH_DATE_MISMATCH, `${L.TANGGAL_LAHIR} ${dayName(birthDate)} tidak sesuai dengan tanggal lahir di NIK (${nik.slice(6, 12)}: ${inNik}).${ambiguous}`));
  }
  if ((sex === 'P') !== facts.female) {
    issues.push(warn('JENIS_KELAMIN', C.NIK_SEX_MISMATCH, `${L.JENIS_KELAMIN} ${sex} tidak sesuai dengan NIK (tanggal di NIK ${facts.female ? 'ditambah 40: perempuan' : 'tanpa tambahan 40: laki-laki'}).`));
  }
}

export function noKkOf(cell: Cell, L: ColumnLabels, issues: EnrollmentRowIssue[], required: Required): string | null {
  if (cell.kind === 'empty') return void issues.push(required('NO_KK')), null;
  if (cell.kind === 'number' || isScientificText(cell)) {
    issues.push(reject('NO_KK', C.NO_KK_NUMERIC_CELL, `${L.NO_KK}: terbaca sebagai angka (${cell.text}), bukan teks; digit terakhir sudah berubah di Excel. ${TEXT_FORMAT_HINT}`));
    return null;
  }
  // spaces between the digit groups are tolerated, as in a NIK; dots and dashes are refused, as in a NIK, saying to remove them
  const noKk = withoutSpaces(cell.text);
  if (/^\d{16}$/.test(noKk)) return noKk;
  const separated = separatorsSaid(L.NO_KK, noKk);
  issues.push(reject('NO_KK', C.NO_KK_INVALID, `${L.NO_KK} "${cell.text}" ${separated ?? `harus tepat 16 digit angka.${strayHint(cell.text)}`}`));
  return null;
}

export function nokaOf(cell: Cell, L: ColumnLabels, issues: EnrollmentRowIssue[]): string | null {
  if (cell.kind === 'empty') return null;
  const noka = withoutSpaces(cell.text);
  if (/^\d{13}$/.test(noka)) return noka;
  const hint =
    cell.kind === 'number' || isScientificText(cell) ? ` Nilai terbaca sebagai angka sehingga angka 0 di depan hilang. ${TEXT_FORMAT_HINT}`
    // fewer digits as text: most often the zeros lost when the file went through a number column and back (QA operator)
    : /^\d{8,12}$/.test(noka) ? ` Nilai ini ${noka.length} digit: bila angka 0 di depan hilang, tulis lengkap 13 digit (${noka.padStart(13, '0')}) dan format kolom sebagai Teks.`
    : strayHint(cell.text);
  issues.push(reject('NOKA', C.NOKA_INVALID, `${L.NOKA} "${cell.text}" harus tepat 13 digit angka atau dikosongkan.${hint}`));
  return null;
}

/** Digit groups joined by dots or dashes (`1703.0123.4567.8901`), spaces already removed. */
const SEPARATED_DIGITS = /^\d+(?:[.-]\d+)+$/;

/**
 * For a NO_KK or a NIK written with dots or dashes between its digit groups (QA: refused as "harus tepat 16 digit angka"
 * or "mengandung karakter selain angka" alone; `likeNik`: the NO_KK's message compares it with the NIK's rule):
 * that it holds them and to remove them, with the digits it then is, or how many they are when not 16; else null.
 */
function separatorsSaid(label: string, text: string, likeNik = true): string | null {
  if (!SEPARATED_DIGITS.test(text)) return null;
  const dots = text.includes('.');
  const dashes = text.includes('-');
  const which = dots && dashes ? 'titik dan tanda hubung' : dots ? 'titik' : 'tanda hubung';
  const digits = text.replace(/[.-]/g, '');
  const then = digits.length === 16 ? ` (${digits}); spasi di antara kelompok angka boleh${likeNik ? ', seperti pada NIK' : ''}.` : `; tanpa ${which} nilainya ${digits.length} digit (${digits}), jadi periksa juga angkanya.`;
  return `memuat ${which} di antara angkanya. Hapus ${which}nya: ${label} ditulis 16 digit angka saja${then}`;
}
