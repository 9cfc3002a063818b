/**
 * The register's rows through DateOrder (common/spreadsheet/date-order.ts): a row whose only doubt is a slashed date
 * either way round (`3/1/2026`) waits until the file shows which way it writes its dates, then is staged (day first)
 * or refused as DATE_ORDER_AMBIGUOUS, naming both readings and the row that showed the order.
 */
import type { SheetRow } from '../../common/spreadsheet/sheet-reader.js';
import { DateOrder, type DateOrderRefusal, type DateOrderSink } from '../../common/spreadsheet/date-order.js';
import { columnLabels, type EnrollmentColumnName } from '../enrollment-columns.js';
import { type IssueRow, issueRowsOf } from '../staging-writer.js';
import type { EnrollmentRecord } from './enrollment-row.validator.js';
import { reject, type RowIssue, RowIssueCode } from './row-issue.js';

/** A validated row as DateOrder holds it: its accepted record (if any) with its warnings. */
export interface ValidatedRow {
  row: SheetRow;
  record?: EnrollmentRecord;
  issues: RowIssue[];
}

/** What to stage now: accepted records, and findings. */
export interface Staged {
  records: EnrollmentRecord[];
  issues: IssueRow[];
}

export type EnrollmentDateOrder = DateOrder<ValidatedRow, EnrollmentColumnName>;

export const enrollmentDateOrder = (): EnrollmentDateOrder => new DateOrder(columnLabels());

/** Stages into `into`: a kept row's record and findings, or a refused row's refusals before its other findings. */
export const stagedInto = (into: Staged): DateOrderSink<ValidatedRow, EnrollmentColumnName> => ({
  keep({ row, record, issues }) {
    if (record) into.records.push(record);
    into.issues.push(...issueRowsOf(row, issues));
  },
  refuse({ row, issues }, refusals) {
    into.issues.push(...issueRowsOf(row, [...dateOrderIssues(refusals), ...issues]));
  },
});

/** DateOrder's refusals as the register's findings. */
export const dateOrderIssues = (refusals: DateOrderRefusal<EnrollmentColumnName>[]): RowIssue[] =>
  refusals.map((r) => reject(r.column, RowIssueCode.DATE_ORDER_AMBIGUOUS, r.message));
