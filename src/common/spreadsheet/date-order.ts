/**
 * Which way a file writes its slashed dates. §12 reads `10/1/2026` as day/month (10 January), but a sheet saved by an
 * Excel set to US English writes month/day (1 October): its `10/15/2026` is refused (there is no month 15), and its
 * `10/1/2026` was read as 10 January silently (QA: a TMT nine months early in the register, a payment dated nine
 * months early in a payments sheet). A date is told by the file's other dates:
 * - a date only day/month can be (`15/10/2026`) shows the file writes day first: its ambiguous dates are read so;
 * - a date only month/day can be (`10/15/2026`, refused itself) shows it writes month first: its ambiguous dates are
 *   refused, each naming both readings and the row that showed the order, to be written unambiguously.
 * A row with such a date waits (DateOrder) until the file shows its order; a file that never shows it is read day
 * first (§12). Date cells and `YYYY-MM-DD` are never in doubt; nor is `5/5/2026`. A row refused for something else
 * waits too, and in a month-first file its dates either way round are refused with it, the row that shows the order
 * included (QA: that row's TMT `12/1/2026` went unmentioned beside its refused birth date; once the birth date was
 * fixed, the file no longer showed its order and the TMT was registered as 12 January, not 1 December).
 * Used by the register (enrollment sheets) and the payments sheet: each says what a row is and where it goes (DateOrderSink).
 */
import { calendarDay } from './cell.js';
import { dayName } from '../month.js';

const SLASHED = /^(\d{1,2})([/-])(\d{1,2})\2(\d{4})$/;

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

/** What a row's text dates say of the file's order: `ambiguous` (read day first), one only day/month can be, one only month/day can be. */
export interface RowDateForms<C extends string = string> {
  ambiguous: AmbiguousDate<C>[];
  dayFirst: boolean;
  monthFirst?: { column: C; text: string };
}

/** Notes a text date cell's form into `into` (the row's forms). */
export function noteDateForm<C extends string>(column: C, text: string, into: RowDateForms<C>): void {
  const m = SLASHED.exec(text.trim());
  if (!m) return;
  const [a, b, year] = [Number(m[1]), Number(m[3]), Number(m[4])];
  const dayFirst = calendarDay(year, b, a);
  const monthFirst = calendarDay(year, a, b);
  if (dayFirst && monthFirst) {
    if (a !== b) into.ambiguous.push({ column, text: text.trim(), dayFirst, monthFirst });
  } else if (dayFirst) into.dayFirst = true;
  else if (monthFirst) into.monthFirst ??= { column, text: text.trim() };
}

export const noDateForms = <C extends string = string>(): RowDateForms<C> => ({ ambiguous: [], dayFirst: false });

/** The forms, when the row's text dates say anything of the order (else undefined). */
export const dateFormsOf = <C extends string>(forms: RowDateForms<C>): RowDateForms<C> | undefined =>
  forms.ambiguous.length || forms.dayFirst || forms.monthFirst ? forms : undefined;

/** Why a row's date is refused in a file that writes month first: the column at fault and an Indonesian message. */
export interface DateOrderRefusal<C extends string = string> {
  column: C;
  message: string;
}

/**
 * Where DateOrder sends a row: kept as validated (its dates read day first), or refused for its dates read either way
 * (a row refused already keeps its other findings after these).
 */
export interface DateOrderSink<T, C extends string = string> {
  keep(row: T): void;
  refuse(row: T, refusals: DateOrderRefusal<C>[]): void;
}

/**
 * Rows held at most while the file has not shown its order: past this, they are read day first (§12) and no more are
 * held. Each keeps its cells in memory; a real file shows its order within its first rows (a birth date after the 12th).
 */
const MAX_HELD = 5_000;

/** Holds the rows whose dates read either way (`T`: what the caller needs to keep or refuse one) until the file shows its order. */
export class DateOrder<T, C extends string = string> {
  private order: 'UNKNOWN' | 'DAY_FIRST' | 'MONTH_FIRST' = 'UNKNOWN';
  /** The first date only month/day can be: named in the refusals. */
  private shownBy?: { rowNumber: number; column: C; text: string };
  private held: { row: T; ambiguous: AmbiguousDate<C>[] }[] = [];

  /** `labels`: how the refusals name the columns (the file's alias header, else the column's own name). */
  constructor(public labels: Readonly<Record<C, string>>) {}

  /**
   * A validated row, accepted or refused for something else, and the forms of its text dates. Sends to `into` what can
   * be decided now: the row itself, or nothing while it waits, or the rows waiting until now.
   */
  take(rowNumber: number, row: T, forms: RowDateForms<C> | undefined, into: DateOrderSink<T, C>): void {
    if (forms) this.learn(rowNumber, forms, into);
    if (!forms?.ambiguous.length || this.order === 'DAY_FIRST') return into.keep(row);
    if (this.order === 'MONTH_FIRST') return into.refuse(row, this.refusals(forms.ambiguous));
    if (this.held.length >= MAX_HELD) {
      this.settle(into);
      return into.keep(row);
    }
    this.held.push({ row, ambiguous: forms.ambiguous });
  }

  /**
   * A row whose fate is decided elsewhere (the register's contested NOKAs, held until the file is read): what its dates
   * say of the order is learned as any row's; `refusalsOf` judges its dates once the file is read.
   */
  note(rowNumber: number, forms: RowDateForms<C> | undefined, into: DateOrderSink<T, C>): void {
    if (forms) this.learn(rowNumber, forms, into);
  }

  /** After `settle`: a noted row's refusals, for its dates either way round in a file that writes month first (none otherwise). */
  refusalsOf(forms: RowDateForms<C> | undefined): DateOrderRefusal<C>[] {
    return this.order === 'MONTH_FIRST' && forms?.ambiguous.length ? this.refusals(forms.ambiguous) : [];
  }

  /** Once the file is read (or too many wait): rows still waiting are read day first (§12). */
  settle(into: DateOrderSink<T, C>): void {
    if (this.order === 'UNKNOWN') this.order = 'DAY_FIRST';
    for (const h of this.held) into.keep(h.row);
    this.held = [];
  }

  private learn(rowNumber: number, forms: RowDateForms<C>, into: DateOrderSink<T, C>): void {
    if (this.order !== 'UNKNOWN') return;
    if (forms.dayFirst) return this.settle(into);
    if (!forms.monthFirst) return;
    this.order = 'MONTH_FIRST';
    this.shownBy = { rowNumber, ...forms.monthFirst };
    for (const h of this.held) into.refuse(h.row, this.refusals(h.ambiguous));
    this.held = [];
  }

  private refusals(dates: AmbiguousDate<C>[]): DateOrderRefusal<C>[] {
    const by = this.shownBy!;
    return dates.map((d) => ({
      column: d.column,
      message:
        `${this.labels[d.column]} "${d.text}" dapat berarti ${dayName(d.dayFirst)} atau ${dayName(d.monthFirst)}, dan berkas ini menulis tanggal sebagai ` +
        `bulan/tanggal/tahun (baris ${by.rowNumber}: ${this.labels[by.column]} ${by.text}). Tulis tanggalnya sebagai tanggal/bulan/tahun ` +
        `(${Number(d.monthFirst.slice(8))}/${Number(d.monthFirst.slice(5, 7))}/${d.monthFirst.slice(0, 4)} untuk ${dayName(d.monthFirst)}) atau YYYY-MM-DD (${d.monthFirst}).`,
    }));
  }
}
