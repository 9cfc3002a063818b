/**
 * The dates of a row report's rows written as the enrollment template's date columns take them and the register's export
 * writes them: day first, `DD/MM/YYYY`, as text (the report's columns are Text, as the template's). An uploaded row keeps
 * its cells as read (RawCells): a date cell as `YYYY-MM-DD`, a date pasted as a value as its Excel serial, typed text as
 * typed, and a row refused once the file was read (NOKA_TAKEN …) its staged dates as `YYYY-MM-DD`; so one report showed
 * three forms (QA). Each value that reads as one day whatever the file's order is rewritten; any other value (no date,
 * a year alone, a slashed date only month/day can be) stays as uploaded, for its refusal to be seen and fixed.
 */
import { bareYear, parseDateText, serialDay } from './cell-dates.js';
import { numberCell } from './cell.js';
import { dayFirst } from '../month.js';

/**
 * SQL: whether a reported row of upload $1 holds, in one of the columns $2 (text[]), a slashed date only month/day can
 * be (`12/25/2026`): the file wrote its dates month first (date-order.ts), and a report that wrote its other dates day
 * first would make its dates either way round (`3/1/2026`, refused as such in that file) read day first once uploaded
 * back. Such a report keeps its dates as uploaded.
 */
export const REPORT_SHOWS_MONTH_FIRST = `
  SELECT EXISTS (
    SELECT 1 FROM upload_issue i CROSS JOIN LATERAL jsonb_each_text(i.raw) c(name, value)
    WHERE i.upload_id = $1 AND i.sheet IS NULL AND i.raw IS NOT NULL AND c.name = ANY($2::text[])
      AND c.value ~ '^\\s*(0?[1-9]|1[0-2])/(1[3-9]|2[0-9]|3[01])/[0-9]{4}\\s*$'
  ) AS month_first`;

/** A date column's raw value as the report writes it: `DD/MM/YYYY` when it is one day (`date1904`: the row's serials count from 1904), else as it is. */
export function reportDate(value: string | number | undefined, date1904: boolean): string | number | undefined {
  if (value === undefined) return value;
  if (typeof value === 'number') {
    const cell = numberCell(value, undefined, date1904);
    if (bareYear(cell) !== undefined) return value; // a year alone, refused as such: not the day of 1905 it would be
    const day = serialDay(cell);
    return day ? dayFirst(day) : value;
  }
  const day = parseDateText(value);
  return day ? dayFirst(day) : value;
}
