/**
 * Dates in cells (DOMAIN §12): reading a date column's cell as a day (cellDay: a date cell, text in a §12 form,
 * or a number cell holding an Excel serial, serialDay), calendar checks (calendarDay, parseDateText), and the
 * Indonesian messages for what is no date: a text in another form (dateTextProblem), a number that is no serial,
 * a year alone (yearOnly, bareYear), a 1904-system serial that is ambiguous. The Cell itself is cell.ts.
 */
import { dayName, MONTH_NAMES } from '../month.js';
import { digitsValue } from '../text.js';
import { type Cell, numberCell, serialMs, utcDay } from './cell.js';

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DMY = /^(\d{1,2})([/-])(\d{1,2})\2(\d{4})$/;

/**
 * A date typed as text in one of the §12 forms: `YYYY-MM-DD`, `DD/MM/YYYY`, `DD-MM-YYYY`
 * (one-digit day and month accepted). A trailing time `00:00:00` is ignored. Null when not a
 * real calendar day.
 */
export function parseDateText(raw: string): string | null {
  if (isCanonicalDay(raw)) return raw;
  let m = ISO.exec(raw);
  if (m) return calendarDay(+m[1], +m[2], +m[3]);
  const text = raw.trim().replace(/[ T]00:00(:00(\.0+)?)?$/, '');
  m = ISO.exec(text);
  if (m) return calendarDay(+m[1], +m[2], +m[3]);
  m = DMY.exec(text);
  if (m) return calendarDay(+m[4], +m[3], +m[1]);
  return null;
}

/** `YYYY-MM-DD` with two-digit month and day naming a real day (calendarDay): the form most cells hold, read without a match array. */
function isCanonicalDay(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  return calendarDay(digitsValue(text, 0, 4), digitsValue(text, 5, 7), digitsValue(text, 8, 10)) === text;
}

/**
 * Why a text that is no date in a §12 form is not, in Indonesian (to follow "… bukan tanggal yang valid: "), or null
 * when nothing more precise can be said. QA: `31/02/1985`, `15/05/85`, `15.05.1985`, `1985/05/15`, `15 Mei 1985` and
 * a CSV's `31182` all got the same message.
 */
export function dateTextProblem(raw: string): string | null {
  const text = raw.trim();
  let m = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})$/.exec(text);
  if (m) {
    const [day, month, year] = [Number(m[1]), Number(m[3]), m[4]];
    // one guess, not two (QA: a TMT of 01/09/26 was offered 1926): 30–99 as 19xx, 00–29 as 20xx
    if (year.length === 2) return `tahunnya hanya 2 digit (${year}); tulis 4 digit, misalnya ${m[1]}/${m[3]}/${Number(year) >= 30 ? '19' : '20'}${year}`;
    if (m[2] === '.') return `pemisahnya titik; gunakan garis miring atau tanda hubung: ${m[1]}/${m[3]}/${year}`;
    // a dash date is day first whatever the file (§12, date-order.ts): its month/day reading said in words, no value to copy
    const monthFirst = month > 12 && m[2] === '-' ? calendarDay(Number(year), day, month) : null;
    if (monthFirst) return `bulan ${month} tidak ada (dengan tanda hubung tanggal ditulis dulu: DD-MM-YYYY); bila maksudnya ${dayName(monthFirst)}, tulis sebagai YYYY-MM-DD`;
    if (month > 12) return `bulan ${month} tidak ada${day <= 12 ? `; bila ditulis bulan/tanggal, tulis tanggal dulu: ${m[3]}/${m[1]}/${year}` : ''}`;
    if (month >= 1 && day > daysInMonth(Number(year), month)) return `tanggal ${day} tidak ada di bulan ${MONTH_NAMES[month - 1]} ${year} (hanya ${daysInMonth(Number(year), month)} hari)`;
    return null;
  }
  m = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(text);
  if (m) return `urutan tahun-bulan-tanggal ditulis dengan tanda hubung: ${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12 && Number(m[3]) > daysInMonth(Number(m[1]), Number(m[2]))) {
    return `tanggal ${Number(m[3])} tidak ada di bulan ${MONTH_NAMES[Number(m[2]) - 1]} ${m[1]} (hanya ${daysInMonth(Number(m[1]), Number(m[2]))} hari)`;
  }
  if (/^\d{1,2}[\s-]+\p{L}+\.?[\s-]+\d{4}$/u.test(text)) return 'nama bulan tidak dibaca; tulis bulannya sebagai angka, misalnya 15/05/1985';
  if (/^\d{5}(\.0+)?$/.test(text)) {
    const day = serialDay(numberCell(Number(text)));
    if (day) return `tampaknya nomor seri tanggal Excel (${Number(text)} = ${day.slice(8)}/${day.slice(5, 7)}/${day.slice(0, 4)}), yang tidak dibaca dari teks; tulis tanggalnya`;
  }
  return null;
}

/** `YYYY-MM-DD` when year/month/day name a real day, else null. */
export function calendarDay(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || year < 1000 || year > 9999 || day > daysInMonth(year, month)) return null;
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS[month - 1];
}

/**
 * The day of a date cell, of a text cell in a §12 form, or of a number cell holding an Excel date
 * serial (`serialDay`); null otherwise. Called for date columns only: a number elsewhere stays a number.
 */
export function cellDay(cell: Cell): string | null {
  if (cell.kind === 'date') return cell.text;
  if (cell.kind === 'text') return parseDateText(cell.text);
  if (cell.kind === 'number') return serialDay(cell);
  return null;
}

/** The days an Excel serial in a number cell is read as (1900-03-01 is serial 61, after Excel's phantom 1900-02-29). */
const FIRST_SERIAL_MS = Date.UTC(1900, 2, 1);
const LAST_SERIAL_MS = Date.UTC(2100, 11, 31, 23, 59);

/**
 * The day of a number cell read as an Excel date serial, in the workbook's date system (1900, or
 * 1904: `date1904`), when that day falls in 1900-03-01 … 2100-12-31; null otherwise. A date pasted
 * as a value into a cell formatted as Text or General (the enrollment template's date columns are
 * Text) arrives as its serial: 46326 is 2026-10-31. A time of day is dropped, as for date cells.
 */
export function serialDay(cell: Cell): string | null {
  const serial = cell.kind === 'number' ? cell.number : undefined;
  if (serial === undefined || !Number.isFinite(serial)) return null;
  const ms = serialMs(serial, cell.date1904);
  return ms >= FIRST_SERIAL_MS && ms <= LAST_SERIAL_MS ? utcDay(new Date(ms)) : null;
}

/**
 * The day a number cell of a 1904-system workbook is in the 1900 system (1,462 days earlier), when that
 * is a day `serialDay` reads; null for any other cell. The 1904 reading is the day Excel shows for the
 * serial in that workbook, and the one taken; this one is what the number meant if it was pasted as a
 * value from a workbook of the 1900 system (the usual one): such a serial is ambiguous.
 */
export function serialDayIn1900(cell: Cell): string | null {
  return cell.kind === 'number' && cell.date1904 ? serialDay(numberCell(cell.number!)) : null;
}

/**
 * A date cell's value as messages show it: the day, and for a number cell read as a serial the
 * number too (`46326 (nomor seri tanggal Excel untuk 2026-10-31)`), so an odd serial is recognised
 * (a year typed as a number, 1985 read as 1905-06-07, is refused before by `yearOnly` where checked).
 * In a 1904-system workbook it says so, with the day the number is in the 1900 system (`serialDayIn1900`).
 */
export function shownDay(cell: Cell, day: string): string {
  if (cell.kind !== 'number') return day;
  if (!cell.date1904) return `${cell.text} (nomor seri tanggal Excel untuk ${day})`;
  const other = serialDayIn1900(cell);
  return `${cell.text} (nomor seri tanggal Excel untuk ${day} dalam sistem tanggal 1904 berkas ini${other ? `; dalam sistem 1900 nomor itu ${other}` : ''})`;
}

/**
 * Why a date serial of a 1904-system workbook is ambiguous, in Indonesian, or null for any other cell:
 * read as `day` in the workbook's system, it is `serialDayIn1900` if it was pasted from a 1900-system
 * workbook. Said where something else in the row points to that other day (a NIK's birth date), not of
 * every serial: the 1904 reading is the day Excel shows.
 */
export function ambiguousSerial(cell: Cell, column: string, day: string): string | null {
  const other = serialDayIn1900(cell);
  if (other === null) return null;
  return (
    `${column} ${cell.text} adalah nomor seri tanggal Excel, dan berkas ini memakai sistem tanggal 1904 (Excel untuk Mac versi lama), sehingga terbaca ${dayName(day)}; ` +
    `dalam sistem 1900 nomor yang sama adalah ${dayName(other)}. Bila tanggal ini disalin dari buku kerja lain, periksa tanggalnya dan ketik sebagai YYYY-MM-DD atau DD/MM/YYYY.`
  );
}

/**
 * Why a number cell of a date column is not a date, in Indonesian, or null for other cells: it is
 * no Excel date serial of 1900-03-01 … 2100-12-31 (a year, a day number, a serial with its digits
 * cut). Says how a pasted date becomes a number and how to type it.
 */
export function numberNotADate(cell: Cell, column: string): string | null {
  if (cell.kind !== 'number') return null;
  // eight digits that are a day written without separators (20261201, 01122026), or seven that lost a day's leading zero
  // in a number cell (03122026 → 3122026): say that day, not the serial example (QA: TMT 20261201 was told "46326 = 31/10/2026")
  const digits = /^\d{8}$/.test(cell.text) ? cell.text : /^\d{7}$/.test(cell.text) ? `0${cell.text}` : null;
  const meant = digits && (calendarDay(+digits.slice(0, 4), +digits.slice(4, 6), +digits.slice(6)) ?? calendarDay(+digits.slice(4), +digits.slice(2, 4), +digits.slice(0, 2)));
  if (meant) {
    return `${column} ${cell.text} berupa angka tanpa pemisah, bukan tanggal. Bila maksudnya ${dayName(meant)}, ketik ${meant} atau ${meant.slice(8)}/${meant.slice(5, 7)}/${meant.slice(0, 4)} di sel berformat Teks.`;
  }
  return (
    `${column} ${cell.text} berupa angka, bukan tanggal: tanggal yang ditempel sebagai nilai ke sel berformat Teks atau Umum menjadi nomor seri tanggal Excel ` +
    '(46326 = 31/10/2026), tetapi angka ini bukan nomor seri tanggal 1900–2100. Ketik tanggalnya sebagai YYYY-MM-DD atau DD/MM/YYYY, atau format selnya sebagai Tanggal.'
  );
}

/**
 * The years a whole number in a date column is taken for: a year typed alone, not an Excel serial
 * of 1905 (1900 system: serials 1900–2100 are 1905-03-14 … 1905-09-30; 1904 system: 1909-03-15 …
 * 1909-10-01). No date column takes such a day: not a living resident's birth, nor coverage or a payment.
 */
const BARE_YEARS = [1900, 2100] as const;

/**
 * Why a date column's cell holds a year only, in Indonesian, or null: a whole number of 1900–2100,
 * in a number cell (1985 would otherwise be read as the serial of 1905-06-07, QA), typed as text,
 * or typed into a cell formatted as a date, which stores it as that serial and shows the day of
 * 1905 (or of 1909 in the 1904 date system). Callers refuse the row before reading the cell as a
 * date (`cellDay`); other serials stay dates.
 */
export function yearOnly(cell: Cell, column: string): string | null {
  const year = bareYear(cell);
  if (year === undefined) return null;
  return `${column} hanya berisi tahun (${year}), bukan tanggal lengkap${typedIntoDateCell(cell)}. Ketik tanggal lengkapnya sebagai YYYY-MM-DD atau DD/MM/YYYY (misalnya 17/08/${year}).`;
}

/** How a date cell came to hold a year alone (`bareYear`), said after the year; empty for other cells. */
export function typedIntoDateCell(cell: Cell): string {
  return cell.kind === 'date' ? `: tahun itu tampaknya diketik ke sel berformat tanggal, sehingga terbaca sebagai tanggal ${cell.text}` : '';
}

/** The year a cell holds alone (`yearOnly`): a whole number of 1900–2100 as a number, as four digits of text, or as a date cell's serial. */
export function bareYear(cell: Cell): number | undefined {
  const year =
    cell.kind === 'number' ? cell.number : cell.kind === 'date' ? cell.serial : cell.kind === 'text' && /^\d{4}$/.test(cell.text) ? Number(cell.text) : undefined;
  return year !== undefined && Number.isInteger(year) && year >= BARE_YEARS[0] && year <= BARE_YEARS[1] ? year : undefined;
}
