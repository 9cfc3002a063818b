/**
 * One cell as read from a sheet, with the kind of value it held. Callers decide what a kind means
 * for a column: a NIK from a `number` cell has already lost digits in Excel and must be refused.
 * Holds the Cell shape, the constructors the format readers build cells with (text, number, date) and the
 * Excel serial/epoch arithmetic they share. Reading a cell as a date is cell-dates.ts; why a cell is
 * refused (bad character, formula without value) cell-checks.ts.
 */
import { CONTROL_CHARACTER, trimSpace } from '../text.js';

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
export function serialMs(serial: number, date1904 = false): number {
  return epochMs(date1904) + serial * DAY_MS;
}

/** Serial 0 of a date system: 1899-12-30 in the 1900 system (past its phantom 1900-02-29), 1904-01-01 in the 1904 system. */
function epochMs(date1904 = false): number {
  return date1904 ? EPOCH_1904_MS : EPOCH_1900_MS;
}
const EPOCH_1900_MS = Date.UTC(1899, 11, 30);
const EPOCH_1904_MS = Date.UTC(1904, 0, 1);
