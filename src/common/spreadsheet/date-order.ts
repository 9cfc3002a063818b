/**
 * Which way a file writes its slashed dates. §12 reads `10/1/2026` as day/month (10 January), but a sheet saved by an
 * Excel set to US English writes month/day (1 October): its `10/15/2026` is refused (there is no month 15), and its
 * `10/1/2026` was read as 10 January silently (QA: a TMT nine months early in the register, a payment dated nine
 * months early in a payments sheet). A date is told by the file's other dates:
 * - a date only day/month can be (`15/10/2026`) shows the file writes day first: its ambiguous dates are read so;
 * - a date only month/day can be (`10/15/2026`, refused itself) shows it writes month first, unless another date of the
 *   file shows day first: then its ambiguous dates are refused, each naming both readings and the row that showed the order.
 * A file that shows both is read day first (§12): a date only month/day can be is then a typo, refused as the
 * impossible day/month date it is, naming the row that showed day first and its month/day reading in words, never as
 * a value to copy (QA: one mistyped `5/13/1990` made a hand-filled day-first file month-first: its `5/1/2026`, meant
 * 5 January, was refused with 1/5/2026 offered for 1 May). So a row with a date either way round, or one only month/day
 * can be, waits (DateOrder) until the file shows day first or is read; a file that never shows its order is read day
 * first (§12). Only slashes are learned: `DD-MM-YYYY` is day first whatever the file (§12). Date cells and
 * `YYYY-MM-DD` are never in doubt; nor is `5/5/2026`. A row refused for something else waits too, and in a month-first
 * file its dates either way round are refused with it, the row that shows the order included (QA: that row's TMT
 * `12/1/2026` went unmentioned beside its refused birth date; once the birth date was fixed, the file no longer showed
 * its order and the TMT was registered as 12 January, not 1 December).
 * Used by the register (enrollment sheets) and the payments sheet: each says what a row is and where it goes (DateOrderSink).
 */
import { calendarDay } from './cell-dates.js';
import { dayName } from '../month.js';

// slashes only: a dash date is day first whatever the file (§12 `DD-MM-YYYY`), never a sign of the order nor read by it
const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** The finding's code (the register's RowIssueCode and the payments sheet's codes share it). */
export const DATE_ORDER_AMBIGUOUS = 'DATE_ORDER_AMBIGUOUS';

/** A text date whose two first numbers could each be the month. */
export interface AmbiguousDate<C extends string = string> {
  column: C;
  text: string;
  /** `YYYY-MM-DD` read day first (§12), and read month first. */
  dayFirst: string;
  monthFirst: string;
}

/** A text date only one order reads. */
export interface OneWayDate<C extends string = string> {
  column: C;
  text: string;
}

/** A text date only month/day reads (refused by the row's own check): `monthFirst`, the day it is so. */
export interface MonthFirstDate<C extends string = string> extends OneWayDate<C> {
  monthFirst: string;
}

/**
 * What a row's text dates say of the file's order: `ambiguous` (read day first), the first only day/month can be,
 * those only month/day can be.
 */
export interface RowDateForms<C extends string = string> {
  ambiguous: AmbiguousDate<C>[];
  dayFirst?: OneWayDate<C>;
  monthFirst: MonthFirstDate<C>[];
}

/** Notes a text date cell's form into `into` (the row's forms). */
export function noteDateForm<C extends string>(column: C, text: string, into: RowDateForms<C>): void {
  if (!text.includes('/')) return;
  const m = SLASHED.exec(text.trim());
  if (!m) return;
  const [a, b, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dayFirst = calendarDay(year, b, a);
  const monthFirst = calendarDay(year, a, b);
  if (dayFirst && monthFirst) {
    if (a !== b) into.ambiguous.push({ column, text: text.trim(), dayFirst, monthFirst });
  } else if (dayFirst) into.dayFirst ??= { column, text: text.trim() };
  else if (monthFirst) into.monthFirst.push({ column, text: text.trim(), monthFirst });
}

export const noDateForms = <C extends string = string>(): RowDateForms<C> => ({ ambiguous: [], monthFirst: [] });

/** The forms, when the row's text dates say anything of the order (else undefined). */
export const dateFormsOf = <C extends string>(forms: RowDateForms<C>): RowDateForms<C> | undefined =>
  forms.ambiguous.length || forms.dayFirst || forms.monthFirst.length ? forms : undefined;

/** Why a row's date is refused: the column at fault and an Indonesian message. */
export interface DateOrderRefusal<C extends string = string> {
  column: C;
  message: string;
}

/**
 * Where DateOrder sends a row: kept as validated (its dates read day first), or refused for its dates read either way
 * (a row refused already keeps its other findings after these), or kept with its own refusal of each date only
 * month/day can be said anew (`reword`: in a file that also shows day first, naming that row).
 */
export interface DateOrderSink<T, C extends string = string> {
  keep(row: T): void;
  refuse(row: T, refusals: DateOrderRefusal<C>[]): void;
  reword(row: T, refusals: DateOrderRefusal<C>[]): void;
}

/** `issues` (a row's findings) with its finding `code` on each refusal's column said as the refusal says it (DateOrderSink.reword). */
export const reworded = <I extends { column: string | null; code: string; message: string }>(issues: I[], code: string, refusals: DateOrderRefusal[]): I[] =>
  issues.map((i) => {
    const said = i.code === code ? refusals.find((r) => r.column === i.column) : undefined;
    return said ? { ...i, message: said.message } : i;
  });

/**
 * Rows held at most while the file has not shown its order: past this, they are read day first (§12), or month first
 * when a date only month/day can be was seen, and no more are held. Each keeps its cells in memory; a real file shows
 * its order within its first rows (a birth date after the 12th).
 */
const MAX_HELD = 5_000;

/** Where a date of the file showed an order. */
type Shown<C extends string> = OneWayDate<C> & { rowNumber: number };

/** Holds the rows whose dates read either way (`T`: what the caller needs to keep or refuse one) until the file shows its order. */
export class DateOrder<T, C extends string = string> {
  private order: 'UNKNOWN' | 'DAY_FIRST' | 'MONTH_FIRST' = 'UNKNOWN';
  /** The first date only day/month can be, and the first only month/day can be: named in the findings. */
  private dayFirstBy?: Shown<C>;
  private monthFirstBy?: Shown<C>;
  private held: { row: T; forms: RowDateForms<C> }[] = [];

  /** `labels`: how the refusals name the columns (the file's alias header, else the column's own name). */
  constructor(public labels: Readonly<Record<C, string>>) {}

  /**
   * A validated row, accepted or refused for something else, and the forms of its text dates. Sends to `into` what can
   * be decided now: the row itself, or nothing while it waits, or the rows waiting until now.
   */
  take(rowNumber: number, row: T, forms: RowDateForms<C> | undefined, into: DateOrderSink<T, C>): void {
    if (forms) this.learn(rowNumber, forms, into);
    if (this.order !== 'UNKNOWN' || !forms || (!forms.ambiguous.length && !forms.monthFirst.length)) return this.send(row, forms, into);
    this.held.push({ row, forms });
    // too many wait: decided on what was seen (a file whose order shows later is then read as decided here)
    if (this.held.length >= MAX_HELD) this.settle(into);
  }

  /**
   * A row whose fate is decided elsewhere (the register's contested NOKAs, held until the file is read): what its dates
   * say of the order is learned as any row's; `refusalsOf` judges its dates once the file is read.
   */
  note(rowNumber: number, forms: RowDateForms<C> | undefined, into: DateOrderSink<T, C>): void {
    if (forms) this.learn(rowNumber, forms, into);
  }

  /**
   * After `settle`: a noted row's refusals, for its dates either way round in a file that writes month first (none
   * otherwise; such a row has no date only month/day can be: it would be refused, not noted).
   */
  refusalsOf(forms: RowDateForms<C> | undefined): DateOrderRefusal<C>[] {
    return this.order === 'MONTH_FIRST' && forms?.ambiguous.length ? this.refusals(forms.ambiguous) : [];
  }

  /** Once the file is read (or too many wait): month first if a date showed it and none day first, else day first (§12). */
  settle(into: DateOrderSink<T, C>): void {
    if (this.order === 'UNKNOWN') this.order = this.monthFirstBy && !this.dayFirstBy ? 'MONTH_FIRST' : 'DAY_FIRST';
    const held = this.held;
    this.held = [];
    for (const h of held) this.send(h.row, h.forms, into);
  }

  /** A date only day/month can be decides the order: day first, whatever was seen before (§12 for a file showing both). */
  private learn(rowNumber: number, forms: RowDateForms<C>, into: DateOrderSink<T, C>): void {
    if (forms.monthFirst.length) this.monthFirstBy ??= { rowNumber, ...oneWay(forms.monthFirst[0]) };
    if (!forms.dayFirst || this.dayFirstBy) return;
    this.dayFirstBy = { rowNumber, ...forms.dayFirst };
    if (this.order === 'UNKNOWN') this.settle(into);
  }

  /** A row once the order is decided. */
  private send(row: T, forms: RowDateForms<C> | undefined, into: DateOrderSink<T, C>): void {
    if (this.order === 'MONTH_FIRST' && forms?.ambiguous.length) return into.refuse(row, this.refusals(forms.ambiguous));
    if (this.dayFirstBy && forms?.monthFirst.length) return into.reword(row, forms.monthFirst.map((d) => this.typo(d, this.dayFirstBy!)));
    into.keep(row);
  }

  /** A date either way round in a month-first file; once a date has shown day first too, no value is offered to copy. */
  private refusals(dates: AmbiguousDate<C>[]): DateOrderRefusal<C>[] {
    const [by, against] = [this.monthFirstBy!, this.dayFirstBy];
    return dates.map((d) => ({
      column: d.column,
      message: against
        ? `${this.labels[d.column]} "${d.text}" dapat berarti ${dayName(d.dayFirst)} atau ${dayName(d.monthFirst)}, dan berkas ini menulis tanggal dengan kedua urutan: ` +
          `bulan/tanggal/tahun (${this.shown(by)}) dan tanggal/bulan/tahun (${this.shown(against)}). Periksa tanggal yang dimaksud dan tulis sebagai YYYY-MM-DD.`
        : `${this.labels[d.column]} "${d.text}" dapat berarti ${dayName(d.dayFirst)} atau ${dayName(d.monthFirst)}, dan berkas ini menulis tanggal sebagai ` +
          `bulan/tanggal/tahun (${this.shown(by)}). Tulis tanggalnya sebagai tanggal/bulan/tahun ` +
          `(${Number(d.monthFirst.slice(8))}/${Number(d.monthFirst.slice(5, 7))}/${d.monthFirst.slice(0, 4)} untuk ${dayName(d.monthFirst)}) atau YYYY-MM-DD (${d.monthFirst}).`,
    }));
  }

  /** A date only month/day can be in a file that shows day first: impossible as §12 reads it, its other reading in words only. */
  private typo(d: MonthFirstDate<C>, against: Shown<C>): DateOrderRefusal<C> {
    return {
      column: d.column,
      message:
        `${this.labels[d.column]} "${d.text}" bukan tanggal yang valid: dibaca tanggal/bulan/tahun, seperti tanggal lain di berkas ini (${this.shown(against)}), ` +
        `bulan ${Number(d.monthFirst.slice(8))} tidak ada; dibaca bulan/tanggal/tahun, artinya ${dayName(d.monthFirst)}. ` +
        'Periksa tanggal yang dimaksud dan tulis sebagai YYYY-MM-DD.',
    };
  }

  private shown(by: Shown<C>): string {
    return `baris ${by.rowNumber}: ${this.labels[by.column]} ${by.text}`;
  }
}

const oneWay = <C extends string>({ column, text }: OneWayDate<C>): OneWayDate<C> => ({ column, text });
