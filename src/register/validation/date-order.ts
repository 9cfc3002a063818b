/**
 * The register's rows through DateOrder (common/spreadsheet/date-order.ts): a row whose only doubt is a slashed date
 * either way round (`3/1/2026`) waits until the file shows which way it writes its dates, then is staged (day first)
 * or refused as DATE_ORDER_AMBIGUOUS, naming both readings and the row that showed the order; a date only month/day can
 * be (`1/20/1980`, DATE_INVALID) waits too, and in a file that also shows day first is refused naming that row.
 */
import type { SheetRow } from '../../common/spreadsheet/sheet-row.js';
import { DateOrder, type DateOrderRefusal, type DateOrderSink, reworded } from '../../common/spreadsheet/date-order.js';
import { columnLabels, type EnrollmentColumnName } from '../enrollment-columns.js';
import { type IssueRow, issueRowsOf } from '../staging-writer.js';
import type { EnrollmentRecord } from './enrollment-row.validator.js';
import { reject, type EnrollmentRowIssue, RowIssueCode } from './row-issue.js';

/** A validated row as DateOrder holds it: its accepted record (if any) with its warnings. */
export interface ValidatedRow {
  row: SheetRow;
  record?: EnrollmentRecord;
  issues: EnrollmentRowIssue[];
}

/** What to stage now: accepted records, and findings. */
export interface Staged {
  records: EnrollmentRecord[];
  issues: IssueRow[];
}

export type EnrollmentDateOrder = DateOrder<ValidatedRow, EnrollmentColumnName>;

export const enrollmentDateOrder = (): EnrollmentDateOrder => new DateOrder(columnLabels());

/**
 * Stages into `into`: a kept row's record and findings, or a refused row's refusals before its other findings, or a row
 * with a date only month/day can be in a file that shows day first with that date's DATE_INVALID said anew.
 */
export const stagedInto = (into: Staged): DateOrderSink<ValidatedRow, EnrollmentColumnName> => ({
  keep({ row, record, issues }) {
    if (record) into.records.push(record);
    into.issues.push(...issueRowsOf(row, issues));
  },
  refuse({ row, issues }, refusals) {
    into.issues.push(...issueRowsOf(row, [...dateOrderIssues(refusals), ...issues]));
  },
  reword({ row, issues }, refusals) {
    into.issues.push(...issueRowsOf(row, reworded(issues, RowIssueCode.DATE_INVALID, refusals)));
  },
});

/** DateOrder's refusals as the register's findings. */
export const dateOrderIssues = (refusals: DateOrderRefusal<EnrollmentColumnName>[]): EnrollmentRowIssue[] =>
  refusals.map((r) => reject(r.column, RowIssueCode.DATE_ORDER_AMBIGUOUS, r.message));
