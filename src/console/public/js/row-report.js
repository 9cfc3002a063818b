/**
 * The row report of a stored upload (enrollment sheet, BPJS bill, PBI-APBN list, payment sheet): GET …/:id/report.xlsx,
 * every rejected and warned row as uploaded with its messages, ready to fix and upload again.
 */

/** The report's path under the upload route `base` (e.g. /api/v1/bills). */
export const reportPath = (base, id) => `${base}/${encodeURIComponent(id)}/report.xlsx`;

/** Whether an upload has rows to report (any rejected or warned row; on a pledge sheet, a refused `Daftar` row too). */
export const hasRowReport = (upload) => upload.rejected > 0 || upload.warnings > 0 || upload.listRowsRejected > 0;

/** How many warnings an upload has about the file as a whole (`sheetWarnings`: a sheet not read, hidden rows). */
export const sheetWarningCount = (upload) => (Array.isArray(upload?.sheetWarnings) ? upload.sheetWarnings.length : 0);

/** Whether an upload's report says anything: rows to report, or warnings about the file (its "Ringkasan" lists them). */
export const hasReport = (upload) => hasRowReport(upload) || sheetWarningCount(upload) > 0;
