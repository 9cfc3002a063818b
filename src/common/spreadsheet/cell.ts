/**
 * One cell as read from a sheet, with the kind of value it held. Callers decide what a kind means
 * for a column: a NIK from a `number` cell has already lost digits in Excel and must be refused.
 */
import { clip } from '../errors/domain.exception.js';
import { CONTROL_CHARACTER, controlCharacterSaid, trimSpace } from '../text.js';
import { dayName } from '../month.js';

export type CellKind = 'empty' | 'text' | 'number' | 'date' | 'boolean' | 'error';

export interface Cell {
  /** The kind of the value (for a formula: of its cached result). */
  readonly kind: CellKind;
  /** Trimmed text: the string itself, a number as JavaScript prints it, a date as `YYYY-MM-DD`, '' when empty. */
  readonly text: string;
  /** The number, for `number` cells. */
  readonly number?: number;
  /** Present when the cell held a formula (its text); `kind`/`text` describe the cached result. */
  readonly formula?: string;
  /** True when the cell held rich text (several formatted runs), flattened into `text`. */
  readonly richText?: boolean;
  /**
   * The code of the first character that cannot be taken (see `characterFailure`): a control
   * character (text.ts CONTROL_CHARACTER; NUL among them, which PostgreSQL text cannot hold),
   * replaced in `text` by U+FFFD; or U+FFFD itself, a letter lost before the upload.
   */
  readonly badCharacter?: number;
  /**
   * For a `number` cell of an .xlsx in the 1904 date system: the system its serial counts in when a
   * date column reads it as a date (`cellDay`). Absent in the 1900 system and in a .csv.
   */
  readonly date1904?: true;
  /**
   * For a `number` cell of an .xlsx formatted as a percentage (`0%`): the number is the fraction
   * (0.4), the cell shows 40%. A column of percents reads it as the percent (pledge-sheet.ts PERSEN).
   */
  readonly percent?: true;
  /**
   * For a `date` cell of an .xlsx: the Excel serial it holds, in the workbook's date system. A year
   * typed into a cell formatted as a date is stored as that serial (1985: 1905-06-07), `yearOnly`.
   */
  readonly serial?: number;
}

const DAY_MS = 86_400_000;

export const EMPTY_CELL: Cell = Object.freeze({ kind: 'empty', text: '' });

/** A cell that makes its row a row: a value, or a formula, even one without a saved value (never "empty" to the skip rule). */
export function holdsValue(cell: Cell): boolean {
  return cell.kind !== 'empty' || cell.formula !== undefined;
}

/**
 * A row under the data that is no record: its key cell (`key`: NIK, KODE_KOMITMEN) is empty and at most one other of
 * `cells` holds a value, as a signature block does ("Mengetahui,", "Kepala Puskesmas"). Readers refuse it with one
 * message instead of one per empty column (QA: six "wajib diisi" a row).
 */
export function isNoteRow(cells: readonly Cell[], key: number): boolean {
  return !holdsValue(cells[key]) && cells.filter(holdsValue).length <= 1;
}

/**
 * A total row under the data: its key cell holds a label without a digit ("JUMLAH", "TOTAL PESERTA") and at most one
 * other cell a value (the count). Refused as a note row is, with one message (QA: seven for a "JUMLAH | 3" row).
 */
export function isLabelRow(cells: readonly Cell[], key: number): boolean {
  const label = cells[key];
  return label?.kind === 'text' && label.formula === undefined && !/\d/.test(label.text) && cells.filter(holdsValue).length <= 2;
}

/** A control character (text.ts CONTROL_CHARACTER) or U+FFFD, whichever comes first. */
const BAD_CHARACTER = new RegExp(`${CONTROL_CHARACTER.source}|\uFFFD`);
const CONTROL_CHARACTERS = new RegExp(CONTROL_CHARACTER.source, 'g');

/**
 * A text cell, trimmed (of NEL U+0085 too). Every text of a .csv and of an .xlsx comes through here (an .xlsx cell
 * cannot hold NUL, but its escape `_x0000_` decodes into one: see `decodeXstring`), so no control character
 * reaches a row, a stored finding or the database: they are replaced by U+FFFD and `badCharacter`
 * says which, for the row checks to refuse the row naming the column.
 */
export function textCell(raw: string): Cell {
  const text = trimSpace(raw);
  if (text === '') return EMPTY_CELL;
  const bad = BAD_CHARACTER.exec(text);
  if (!bad) return { kind: 'text', text };
  return { kind: 'text', text: text.replace(CONTROL_CHARACTERS, '\uFFFD'), badCharacter: bad[0].charCodeAt(0) };
}

const XSTRING_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/**
 * The text of an .xlsx string with its `_xHHHH_` escapes decoded, as Excel and LibreOffice show
 * it (ECMA-376 ST_Xstring): Excel writes a carriage return in a cell as `_x000D_`, and a name
 * that really holds `_x0041_` as `_x005F_x0041_`. ExcelJS's streaming reader leaves them as
 * written, so a cell would otherwise be stored with text its author never saw.
 */
export function decodeXstring(text: string): string {
  return text.includes('_x') ? text.replace(XSTRING_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

export function numberCell(value: number, formula?: string, date1904 = false): Cell {
  return { kind: 'number', text: String(value), number: value, ...(formula !== undefined && { formula }), ...(date1904 && { date1904: true as const }) };
}

/**
 * A date cell as ExcelJS converts it: `date` is the serial's moment (midnight UTC of the day, its
 * `excelToDate`), counted in the workbook's date system; the serial is kept, to the minute.
 */
export function dateCell(date: Date, date1904 = false): Cell {
  return { kind: 'date', text: utcDay(date), serial: Math.round((date.getTime() - epochMs(date1904)) / 60_000) / 1440 };
}

/** A date cell from its serial, in the workbook's date system: a formula's cached result in a date-formatted cell. */
export function serialDateCell(serial: number, date1904: boolean, formula?: string): Cell {
  return { kind: 'date', text: utcDay(new Date(serialMs(serial, date1904))), serial, ...(formula !== undefined && { formula }) };
}

/**
 * `YYYY-MM-DD` of a Date that ExcelJS built from a serial (UTC based), rounded to the nearest second: a serial a
 * formula left a hair under midnight (46357.99999999999) is the next day, as Excel shows it, while a time typed into the
 * cell keeps its day (QA: 01/12/2026 23:59:51, serial 46357.9999, rounded to the minute, was stored as 2026-12-02).
 */
export function utcDay(date: Date): string {
  const day = Math.floor((Math.round(date.getTime() / 1000) * 1000) / DAY_MS);
  let text = DAY_TEXT.get(day);
  if (text === undefined) {
    text = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (DAY_TEXT.size < 100_000) DAY_TEXT.set(day, text);
  }
  return text;
}

/** `YYYY-MM-DD` by day number: a register has a few thousand distinct dates, each formatted once. */
const DAY_TEXT = new Map<number, string>();

/** The moment an Excel serial stands for, counted from the workbook's epoch (`epochMs`). */
function serialMs(serial: number, date1904 = false): number {
  return epochMs(date1904) + serial * DAY_MS;
}

/** Serial 0 of a date system: 1899-12-30 in the 1900 system (past its phantom 1900-02-29), 1904-01-01 in the 1904 system. */
function epochMs(date1904 = false): number {
  return date1904 ? EPOCH_1904_MS : EPOCH_1900_MS;
}
const EPOCH_1900_MS = Date.UTC(1899, 11, 30);
const EPOCH_1904_MS = Date.UTC(1904, 0, 1);

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DMY = /^(\d{1,2})([/-])(\d{1,2})\2(\d{4})$/;

/**
 * A date typed as text in one of the §12 forms: `YYYY-MM-DD`, `DD/MM/YYYY`, `DD-MM-YYYY`
 * (one-digit day and month accepted). A trailing time `00:00:00` is ignored. Null when not a
 * real calendar day.
 */
export function parseDateText(raw: string): string | null {
  let m = ISO.exec(raw);
  if (m) return calendarDay(+m[1], +m[2], +m[3]);
  const text = raw.trim().replace(/[ T]00:00(:00(\.0+)?)?$/, '');
  m = ISO.exec(text);
  if (m) return calendarDay(+m[1], +m[2], +m[3]);
  m = DMY.exec(text);
  if (m) return calendarDay(+m[4], +m[3], +m[1]);
  return null;
}

const MONTH_NAMES_ID = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

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
    if (month >= 1 && day > daysInMonth(Number(year), month)) return `tanggal ${day} tidak ada di bulan ${MONTH_NAMES_ID[month - 1]} ${year} (hanya ${daysInMonth(Number(year), month)} hari)`;
    return null;
  }
  m = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(text);
  if (m) return `urutan tahun-bulan-tanggal ditulis dengan tanda hubung: ${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12 && Number(m[3]) > daysInMonth(Number(m[1]), Number(m[2]))) {
    return `tanggal ${Number(m[3])} tidak ada di bulan ${MONTH_NAMES_ID[Number(m[2]) - 1]} ${m[1]} (hanya ${daysInMonth(Number(m[1]), Number(m[2]))} hari)`;
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

const SCIENTIFIC = /^\d+([.,]\d+)?E\+?\d+$/i;

/**
 * A number as Excel writes it into a .csv once it is too long for the column (`1.70306E+15`): a
 * NIK, KK or card number typed into a numeric cell, its digits already lost. In a .csv every cell is
 * text, so this is how a numeric cell shows; callers refuse it as they refuse an .xlsx number cell.
 */
export function isScientificText(cell: Cell): boolean {
  return cell.kind === 'text' && SCIENTIFIC.test(cell.text);
}

const FORMULA_TEXT = /^=\s*"([^"]*)"$/;

/**
 * The text between the quotes of a cell written as Excel's formula text, `="1703012345678901"`, or undefined: what an
 * export writes into a .csv so that Excel opens a long number (a NIK) as text, keeping its digits and leading zeros;
 * Excel shows the text between the quotes. A .csv's every cell is text, so it reaches a row as written.
 */
export function formulaTextOf(cell: Cell): string | undefined {
  if (cell.kind !== 'text' || cell.formula !== undefined) return undefined;
  return FORMULA_TEXT.exec(cell.text)?.[1];
}

/**
 * The one wording of a NIK (`column` as the file heads it) written as Excel writes a long number into a .csv,
 * `1.70306E+15` (isScientificText): its digits are lost, so it cannot be read back, only typed again.
 */
export function scientificNikSaid(cell: Cell, column: string): string {
  return `${column} "${cell.text}" ditulis dalam notasi ilmiah (angka berpangkat E+, cara Excel menampilkan angka yang panjang), sehingga digit NIK sudah hilang dan tidak dapat dipulihkan dari berkas ini. Ketik ulang ke-16 digit NIK sebagai teks.`;
}

/** The row-issue code of characterFailure. */
export const INVALID_CHARACTER = 'INVALID_CHARACTER';

/**
 * Why a text cell cannot be taken as it is, in Indonesian, or null: it holds a control character
 * (text.ts CONTROL_CHARACTER: NUL, the other C0 codes but tab and line breaks, DEL and C1; never part
 * of a name, number or code, and NUL cannot be stored; JSON refuses the same), or U+FFFD, the mark of a letter already lost when the file was read or
 * saved in another encoding. The row is refused naming the column; the report repeats the value
 * with U+FFFD in place of the control character, so uploaded back untouched it is refused again.
 */
export function characterFailure(cell: Cell, column: string): { code: typeof INVALID_CHARACTER; message: string } | null {
  const bad = cell.badCharacter;
  if (bad === undefined) return null;
  const shown = clip(cell.text);
  if (bad === 0xfffd) {
    return {
      code: INVALID_CHARACTER,
      message:
        `${column} "${shown}" memuat karakter pengganti � (U+FFFD): sebuah huruf sudah rusak sebelum berkas diunggah (berkas pernah dibuka atau disimpan dengan pengodean lain). ` +
        'Ketik ulang isian sel itu, lalu unggah kembali.',
    };
  }
  return {
    code: INVALID_CHARACTER,
    message:
      `${column} memuat ${controlCharacterSaid(bad)} (di sini ditandai �: "${shown}"). ` +
      'Hapus karakter itu atau ketik ulang isian sel, lalu unggah kembali.',
  };
}

/** The row-issue codes of formulaFailure: the formula's result is an error, or there is none. */
export type FormulaFailureCode = 'FORMULA_ERROR' | 'FORMULA_WITHOUT_VALUE';

/**
 * Why a cell's formula gave nothing to read, in Indonesian, or null: its result is an error
 * (`#N/A`), or it was saved without a result. (ExcelJS's streaming reader drops a cached error
 * result, so such a formula looks like one saved without its result.) One wording for every upload.
 */
export function formulaFailure(cell: Cell, column: string): { code: FormulaFailureCode; message: string } | null {
  if (cell.kind === 'error') {
    return { code: 'FORMULA_ERROR', message: `${column}: sel berisi galat ${cell.text} (hasil rumus). Perbaiki rumusnya, atau ketik nilainya langsung.` };
  }
  if (cell.kind !== 'empty' || cell.formula === undefined) return null;
  return {
    code: 'FORMULA_WITHOUT_VALUE',
    message:
      `${column}: rumus =${cell.formula.slice(0, 100)} tidak menghasilkan nilai yang dapat dibaca (hasilnya galat seperti #N/A atau #DIV/0!, atau belum tersimpan di berkas). ` +
      'Perbaiki rumusnya, atau salin sel lalu tempel sebagai nilai (Paste Special > Values).',
  };
}
