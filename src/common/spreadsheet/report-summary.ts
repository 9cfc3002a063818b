/**
 * The "Ringkasan" lines every upload's row report shares (row-report.writer.ts): the SummaryLine shape
 * (label, value, optional rupiah format), the row counts in their fixed order and labels, and a line per
 * warning about the file as a whole. The callers build their own summary from these before writing.
 */
/** A moment is given as text (`wibTimestamp`): a Date would be written as a 1900 serial, four years off in a 1904-system report. */
export type SummaryValue = string | number | null;

/** A line of the "Ringkasan" sheet: label, value, and optionally `rupiah` for an amount. */
export type SummaryLine = readonly [label: string, value: SummaryValue, format?: 'rupiah'];

/** The row counts every upload's summary gives, in this order and with these labels. */
export function rowCountLines(c: { rowsRead: SummaryValue; accepted: SummaryValue; rejected: SummaryValue; warnings: SummaryValue }): SummaryLine[] {
  return [
    ['Baris dibaca', c.rowsRead],
    ['Diterima', c.accepted],
    ['Ditolak', c.rejected],
    ['Dengan peringatan', c.warnings],
  ];
}

/** The upload's warnings about its file as a whole (hidden rows: hidden-rows.ts), a Ringkasan line each, after the counts. */
export function sheetWarningLines(warnings: readonly { message: string }[] | null | undefined): SummaryLine[] {
  return (warnings ?? []).map((w) => ['Peringatan berkas', w.message] as const);
}
