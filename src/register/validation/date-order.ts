/**
 * Which way a file writes its slashed dates. §12 reads `10/1/2026` as day/month (10 January), but a sheet saved by an
 * Excel set to US English writes month/day (1 October): its `10/15/2026` is refused (there is no month 15), and its
 * `10/1/2026` was read as 10 January and registered silently, a TMT nine months early, owing premiums for months the
 * person was not covered (QA). A date is told by the file's other dates:
 * - a date only day/month can be (`15/10/2026`) shows the file writes day first: its ambiguous dates are read so;
 * - a date only month/day can be (`10/15/2026`, refused itself) shows it writes month first: its ambiguous dates are
 *   refused, each naming both readings and the row that showed the order, to be written unambiguously.
 * A row whose only doubt is such a date waits (DateOrder) until the file shows its order; a file that never shows it
 * is read day first (§12). Date cells and `YYYY-MM-DD` are never in doubt; nor is `5/5/2026`.
 */
import type { SheetRow } from '../../common/spreadsheet/sheet-reader.js';
import { calendarDay } from '../../common/spreadsheet/cell.js';
import { dayName } from '../../common/month.js';
import type { EnrollmentColumnName } from '../enrollment-columns.js';
import { type ColumnLabels, columnLabels } from '../enrollment-columns.js';
import { type IssueRow, issueRowsOf } from '../staging-writer.js';
import type { EnrollmentRecord } from './enrollment-row.validator.js';
import { reject, type RowIssue, RowIssueCode } from './row-issue.js';

const SLASHED = /^(\d{1,2})([/-])(\d{1,2})\2(\d{4})$/;

/** A text date whose two first numbers could each be the month. */
export interface AmbiguousDate {
  column: EnrollmentColumnName;
  text: string;
  /** `YYYY-MM-DD` read day first (§12), and read month first. */
  dayFirst: string;
  monthFirst: string;
}

/** What a row's text dates say of the file's order: `ambiguous` (read day first), one only day/month can be, one only month/day can be. */
export interface RowDateForms {
  ambiguous: AmbiguousDate[];
  dayFirst: boolean;
  monthFirst?: { column: EnrollmentColumnName; text: string };
}

/** Notes a text date cell's form into `into` (the row's forms). */
export function noteDateForm(column: EnrollmentColumnName, text: string, into: RowDateForms): void {
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

export const noDateForms = (): RowDateForms => ({ ambiguous: [], dayFirst: false });

interface Held {
  record: EnrollmentRecord;
  warnings: RowIssue[];
  ambiguous: AmbiguousDate[];
  row: SheetRow;
}

/**
 * Rows held at most while the file has not shown its order: past this, they are read day first (§12) and no more are
 * held. Each keeps its cells in memory; a real file shows its order within its first rows (a birth date after the 12th).
 */
const MAX_HELD = 5_000;

/** What to stage now: accepted records, and findings. */
export interface Staged {
  records: EnrollmentRecord[];
  issues: IssueRow[];
}

export class DateOrder {
  private order: 'UNKNOWN' | 'DAY_FIRST' | 'MONTH_FIRST' = 'UNKNOWN';
  /** The first date only month/day can be: named in the refusals. */
  private shownBy?: { rowNumber: number; column: EnrollmentColumnName; text: string };
  private held: Held[] = [];
  /** How the refusals name the columns: the file's alias header, else the column's own name. */
  labels: ColumnLabels = columnLabels();

  /**
   * A validated row: its accepted record (if any) with its warnings, and the forms of its text dates. Adds to `into`
   * what can be staged now: the row itself, or nothing while it waits, or the rows waiting until now.
   */
  take(row: SheetRow, record: EnrollmentRecord | undefined, issues: RowIssue[], forms: RowDateForms | undefined, into: Staged): void {
    if (forms) this.learn(row.rowNumber, forms, into);
    if (!record || !forms?.ambiguous.length || this.order === 'DAY_FIRST') return this.stage(row, record, issues, into);
    if (this.order === 'MONTH_FIRST') return void into.issues.push(...issueRowsOf(row, [...this.refusals(forms.ambiguous), ...issues]));
    if (this.held.length >= MAX_HELD) {
      this.settleDayFirst(into);
      return this.stage(row, record, issues, into);
    }
    this.held.push({ record, warnings: issues, ambiguous: forms.ambiguous, row });
  }

  /** Once the file is read: rows still waiting are read day first (§12). */
  settle(into: Staged): void {
    this.settleDayFirst(into);
  }

  private learn(rowNumber: number, forms: RowDateForms, into: Staged): void {
    if (this.order !== 'UNKNOWN') return;
    if (forms.dayFirst) return this.settleDayFirst(into);
    if (!forms.monthFirst) return;
    this.order = 'MONTH_FIRST';
    this.shownBy = { rowNumber, ...forms.monthFirst };
    for (const h of this.held) into.issues.push(...issueRowsOf(h.row, [...this.refusals(h.ambiguous), ...h.warnings]));
    this.held = [];
  }

  private settleDayFirst(into: Staged): void {
    if (this.order === 'UNKNOWN') this.order = 'DAY_FIRST';
    for (const h of this.held) this.stage(h.row, h.record, h.warnings, into);
    this.held = [];
  }

  private stage(row: SheetRow, record: EnrollmentRecord | undefined, issues: RowIssue[], into: Staged): void {
    if (record) into.records.push(record);
    into.issues.push(...issueRowsOf(row, issues));
  }

  private refusals(dates: AmbiguousDate[]): RowIssue[] {
    const by = this.shownBy!;
    return dates.map((d) =>
      reject(
        d.column,
        RowIssueCode.DATE_ORDER_AMBIGUOUS,
        `${this.labels[d.column]} "${d.text}" dapat berarti ${dayName(d.dayFirst)} atau ${dayName(d.monthFirst)}, dan berkas ini menulis tanggal sebagai ` +
          `bulan/tanggal/tahun (baris ${by.rowNumber}: ${this.labels[by.column]} ${by.text}). Tulis tanggalnya sebagai tanggal/bulan/tahun ` +
          `(${Number(d.monthFirst.slice(8))}/${Number(d.monthFirst.slice(5, 7))}/${d.monthFirst.slice(0, 4)} untuk ${dayName(d.monthFirst)}) atau YYYY-MM-DD (${d.monthFirst}).`,
      ),
    );
  }
}
