/**
 * Formula injection (DOMAIN §11): text that came from a user (names, NIKs from a bill, SP2D
 * references, funder names, legal bases) and starts with `=`, `+`, `-` or `@` (or a tab/carriage
 * return, which some tools strip before parsing) must never become a formula.
 *
 * Every writer passes user text through `textValue()`: the result is always a plain string, which
 * ExcelJS writes as a string cell (never `<f>`). Cells whose text looks like a formula additionally
 * get the Text number format (`@`, see `markAsText`), so retyping the cell in Excel or LibreOffice
 * keeps it text. The text itself is not altered, so an operator who fixes and re-uploads a row
 * gets back exactly what BPJS or the register sent.
 */
import type ExcelJS from 'exceljs';

const FORMULA_START = /^[=+\-@\t\r]/;

/** True when a spreadsheet would read this text as the start of a formula. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/**
 * An underscore that starts `_xHHHH_`, which an .xlsx string would otherwise carry as an escape (Excel
 * shows `_x0041_` as `A`). Each is escaped, overlapping ones too (`_x005F_x0042_` has two).
 */
const XSTRING_LOOKALIKE = /_(?=x[0-9A-Fa-f]{4}_)/g;

/**
 * User text for a cell: always a string (null for nothing), never a formula object. Text that looks
 * like an .xlsx escape (`_x0041_`) gets its underscore escaped (`_x005F_x0041_`, as Excel writes it),
 * so Excel, LibreOffice and the service's own reader show it as written; ExcelJS writes it unescaped.
 */
export function textValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = typeof value === 'string' ? value : String(value);
  return text.includes('_x') ? text.replace(XSTRING_LOOKALIKE, '_x005F_') : text;
}

/** After `row.getCell(n).value = textValue(x)`: gives formula-like text the Text format (`@`). */
export function markAsText(cell: ExcelJS.Cell): void {
  // A new style object: cells may share theirs with the whole column.
  if (typeof cell.value === 'string' && looksLikeFormula(cell.value) && cell.numFmt !== TEXT_FORMAT) cell.style = { ...cell.style, numFmt: TEXT_FORMAT };
}

/** The Text number format: what is typed into such a cell stays text. */
export const TEXT_FORMAT = '@';
