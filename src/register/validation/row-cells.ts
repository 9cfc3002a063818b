/**
 * What the enrollment row checks (EnrollmentRowValidator) do to a row's cells before and after judging them: cells
 * that cannot be read (formula failures, control characters) or hold a dash for "none" read as empty, whitespace
 * removed or collapsed, and the hints the messages add. Pure functions.
 */
import { characterFailure, formulaFailure } from '../../common/spreadsheet/cell-checks.js';
import { type Cell, EMPTY_CELL } from '../../common/spreadsheet/cell.js';
import { strayCharacterSaid } from '../../common/text.js';
import { type ColumnLabels, ENROLLMENT_COLUMNS, type EnrollmentColumnName } from '../enrollment-columns.js';
import { reject, type EnrollmentRowIssue, RowIssueCode as C } from './row-issue.js';

export const TEXT_FORMAT_HINT = 'Format kolom sebagai Teks (klik kanan > Format Cells > Text (Format Sel > Teks)), ketik ulang nilainya, lalu unggah kembali.';

/** " Sel ini diawali tanda petik ('): hapus karakter itu." for a character a person cannot see among the digits (strayCharacterSaid), or ''. */
export function strayHint(text: string): string {
  const said = strayCharacterSaid(text);
  return said ? ` Sel ini ${said}: hapus karakter itu.` : '';
}

const SPACE = /\s/;
/** Whitespace that `replace(/\s+/g, ' ')` would change: a run of two, or one that is not a space. */
export const UNCOLLAPSED_SPACE = /\s\s|[^\S ]/;

/** The text with every whitespace removed (the same string when it has none: the common case). */
export function withoutSpaces(text: string): string {
  return SPACE.test(text) ? text.replace(/\s+/g, '') : text;
}

/**
 * Cells holding an error value (#N/A, #DIV/0!) or a formula that gave no value we can read
 * (formulaFailure), or a character that cannot be taken (characterFailure: NUL and other control
 * characters, U+FFFD): one finding naming the column, and the cell read as empty for the checks
 * after. Returns `cells` itself when there is none (almost every row).
 */
export function withoutFormulaFailures(cells: readonly Cell[], issues: EnrollmentRowIssue[], labels: ColumnLabels): readonly Cell[] {
  let out: Cell[] | undefined;
  for (let i = 0; i < ENROLLMENT_COLUMNS.length && i < cells.length; i++) {
    const column = ENROLLMENT_COLUMNS[i].name;
    const failure = formulaFailure(cells[i], labels[column]) ?? characterFailure(cells[i], labels[column]);
    if (!failure) continue;
    issues.push(reject(column, C[failure.code], failure.message));
    (out ??= [...cells])[i] = EMPTY_CELL;
  }
  return out ?? cells;
}

/** A cell holding only a dash (`-`, `–` or `—`, spaces around it allowed): how many write "none". */
const DASH_ONLY = /^\s*[-\u2013\u2014]\s*$/;

/**
 * Cells holding only a dash read as empty: in an optional column (NOKA, TAT, ALASAN_BERAKHIR) a dash means none (QA:
 * refused with three errors); in a required one it is refused as empty, its column noted in `dashed` so the message
 * says the column is required. Returns `cells` itself when there is none (almost every row).
 */
export function withoutDashes(cells: readonly Cell[], dashed: Set<EnrollmentColumnName>): readonly Cell[] {
  let out: Cell[] | undefined;
  for (let i = 0; i < ENROLLMENT_COLUMNS.length && i < cells.length; i++) {
    const cell = cells[i];
    if (cell.kind !== 'text' || cell.text.length > 3 || !DASH_ONLY.test(cell.text)) continue;
    if (ENROLLMENT_COLUMNS[i].required) dashed.add(ENROLLMENT_COLUMNS[i].name);
    (out ??= [...cells])[i] = EMPTY_CELL;
  }
  return out ?? cells;
}

/** A column with a formula or character finding is not also reported as empty. */
export function withoutRequiredRepeats(issues: EnrollmentRowIssue[]): EnrollmentRowIssue[] {
  const formula = new Set(issues.filter((i) => i.code === C.FORMULA_ERROR || i.code === C.FORMULA_WITHOUT_VALUE || i.code === C.INVALID_CHARACTER).map((i) => i.column));
  return issues.filter((i) => i.code !== C.REQUIRED || !formula.has(i.column));
}
