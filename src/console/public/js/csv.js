/** CSV for exports built in the browser (RFC 4180, comma separated, CRLF). Pure, unit-tested. */

/** A cell that a spreadsheet would run as a formula is written as text (prefixed with '). */
export function csvCell(value) {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** toCsv([{ label, key }], rows) → text with a header line. */
export function toCsv(columns, rows) {
  const lines = [columns.map((c) => csvCell(c.label)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(c.value ? c.value(row) : row[c.key])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** A Blob that Excel opens as UTF-8 (byte order mark first). */
export function csvBlob(text) {
  return new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' });
}
