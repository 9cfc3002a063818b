/**
 * Reading typed values out of sheet cells for the BPJS and payment uploads, each returning either
 * the value or an Indonesian message. NIKs must come from text cells (DOMAIN §2: a 16-digit number
 * in a numeric cell has already lost its last digit in Excel).
 */
import { MAX_RUPIAH, rupiah, rupiahText } from '../money.js';
import type { Cell } from '../spreadsheet/cell.js';
import { characterFailure, formulaFailure, formulaTextOf, isScientificText, scientificNikSaid } from '../spreadsheet/cell-checks.js';

export type Parsed<T> = { value: T } | { error: string; code: string };

export const TEXT_FORMAT_HINT = 'Format kolom sebagai Teks (klik kanan > Format Cells > Text (Format Sel > Teks)), ketik ulang nilainya, lalu unggah kembali.';

/**
 * A formula cell with nothing readable (formulaFailure) as a refusal with `code`, or a cell with a
 * control character or U+FFFD (characterFailure) as INVALID_CHARACTER; null for neither.
 */
function formulaRefusal(cell: Cell, column: string, code: string): { code: string; error: string } | null {
  const failure = formulaFailure(cell, column);
  if (failure) return { code, error: failure.message };
  return textRefusal(cell, column);
}

/** A text cell with a control character or U+FFFD (characterFailure) as a refusal, or null. */
export function textRefusal(cell: Cell, column: string): { code: string; error: string } | null {
  const bad = characterFailure(cell, column);
  return bad && { code: bad.code, error: bad.message };
}

/**
 * A NIK; messages name the cell's column `column` (the header as the file wrote it: `No KTP`). One written as Excel's
 * formula text, `="1703012345678901"` (formulaTextOf), is the 16 digits between the quotes, with a `warning` naming
 * the NIK read (NIK_FORMULA_TEXT), as the enrollment sheet reads it.
 */
export function nikFrom(cell: Cell, column = 'NIK'): Parsed<string> & { warning?: string } {
  const formula = formulaRefusal(cell, column, 'NIK_FORMULA');
  if (formula) return formula;
  if (cell.kind === 'empty') return { code: 'NIK_REQUIRED', error: `${column} wajib diisi.` };
  if (isScientificText(cell)) return { code: 'NIK_NUMERIC_CELL', error: `${scientificNikSaid(cell, column)} ${TEXT_FORMAT_HINT}` };
  if (cell.kind === 'number') {
    return { code: 'NIK_NUMERIC_CELL', error: `${column} terbaca sebagai angka (${cell.text}) sehingga digit terakhirnya bisa sudah berubah. ${TEXT_FORMAT_HINT}` };
  }
  const quoted = formulaTextOf(cell);
  const text = (quoted ?? cell.text).replace(/[\s'’]/g, '');
  if (quoted !== undefined) {
    return /^\d{16}$/.test(text)
      ? { value: text, warning: `${column} ditulis sebagai rumus teks ="…" (cara Excel menjaga angka panjang tetap teks di berkas CSV) dan dibaca sebagai NIK ${text}. Baris diterima; sebaiknya tulis 16 digit NIK saja, tanpa = dan tanda petik.` }
      : { code: 'NIK_FORMULA_TEXT', error: `${column} ditulis sebagai rumus teks ${cell.text.slice(0, 40)} dan di antara tanda petiknya bukan 16 digit angka. Tulis 16 digit NIK saja, tanpa = dan tanda petik.` };
  }
  if (!/^\d{16}$/.test(text)) return { code: 'NIK_FORMAT', error: `${column} "${cell.text}" harus 16 digit angka.` };
  return { value: text };
}

/**
 * A NOKA as written but not of 13 digits (`12345678901234`, `-`): the refusal of nokaFrom carries it,
 * whitespace removed, with the warning under which a bill keeps its line (DOMAIN §7: what BPJS billed
 * is reconciled; the line meets the participant's NOKA as NOKA_MISMATCH).
 */
export interface MalformedNoka {
  value: string;
  warning: string;
}

/**
 * A NOKA: 13 digits or empty. A numeric cell loses leading zeros: they are restored with a warning.
 * A formula without a readable result is refused, not read as an empty NOKA. Messages name the
 * cell's column `column` (the header as the file wrote it: `No Kartu`). A value read as written
 * (text, or a whole number Excel kept exactly) that is not 13 digits is refused with `malformed`:
 * a bill keeps such a line (bill-row.validator.ts); a value the spreadsheet already changed
 * (scientific notation, a date) is refused without it.
 */
export function nokaFrom(cell: Cell, column = 'NOKA'): Parsed<string> & { warning?: string; malformed?: MalformedNoka } {
  const formula = formulaRefusal(cell, column, 'NOKA_FORMULA');
  if (formula) return formula;
  if (cell.kind === 'empty') return { value: '' };
  if (isScientificText(cell)) {
    // a .csv: the number as Excel wrote it, its digits lost (an .xlsx number cell keeps them, and is restored below)
    return { code: 'NOKA_FORMAT', error: `${column} terbaca sebagai angka (${cell.text}) sehingga digitnya sudah berubah di Excel. ${TEXT_FORMAT_HINT}` };
  }
  if (cell.kind === 'number') {
    const n = cell.number ?? NaN;
    if (!Number.isInteger(n) || n < 0 || String(n).length > 13) {
      const refusal = { code: 'NOKA_FORMAT', error: `${column} "${cell.text}" harus 13 digit angka.` };
      return Number.isSafeInteger(n) && n >= 0 ? { ...refusal, malformed: malformedNoka(String(n), cell, column) } : refusal;
    }
    const value = String(n).padStart(13, '0');
    return value === String(n)
      ? { value }
      : { value, warning: `${column} terbaca sebagai angka; nol di depan dipulihkan menjadi ${value}. ${TEXT_FORMAT_HINT}` };
  }
  // a leading apostrophe (typed to keep Excel from making the card number a number) is not part of it, as for a NIK
  // (QA: a bill's '1000012955484 was reconciled as NOKA_MISMATCH)
  const text = cell.text.replace(/\s/g, '').replace(/^['’]/, '');
  if (!/^\d{13}$/.test(text)) {
    const refusal = { code: 'NOKA_FORMAT', error: `${column} "${cell.text}" harus 13 digit angka (atau kosong).` };
    return cell.kind === 'text' ? { ...refusal, malformed: malformedNoka(text, cell, column) } : refusal;
  }
  return { value: text };
}

function malformedNoka(value: string, cell: Cell, column: string): MalformedNoka {
  return { value, warning: `${column} "${cell.text}" bukan 13 digit angka; baris tetap dihitung dan dicocokkan lewat NIK. Jika peserta sudah punya NOKA lain, dilaporkan sebagai temuan NOKA berbeda; jika belum punya NOKA, NOKA ini tidak dilaporkan lagi.` };
}

/**
 * Whole rupiah greater than zero and at most MAX_RUPIAH: a number cell, or text such as `37800`,
 * `37.800`, `37,800`, `Rp37.800`, `IDR 37.800`, with zero sen written out or not (`37.800,00`,
 * `37,800.00`, `Rp.37.800,-`); a number within a millionth of a whole one (a formula's floating-point
 * leftover) is that whole number. Fractions, zero and negatives are refused; so is a formula whose
 * result is an error or was not saved (named as such, not as an empty cell). `signed`: a negative amount
 * (`-22680`, `-Rp22.680`) is read too, for a payment sheet's correction giving money back; zero never.
 */
export function rupiahFrom(cell: Cell, column: string, { signed = false }: { signed?: boolean } = {}): Parsed<number> {
  const refuse = {
    code: 'AMOUNT_FORMAT',
    error: signed
      ? `${column} harus bilangan bulat rupiah bukan 0, paling besar ${rupiah(MAX_RUPIAH)} (mis. 37800; negatif, mis. -22680, hanya untuk koreksi), bukan "${cell.text}".`
      : `${column} harus bilangan bulat rupiah lebih dari 0 dan paling besar ${rupiah(MAX_RUPIAH)} (mis. 37800), bukan "${cell.text}".`,
  };
  const within = (n: number | null): n is number => n !== null && Number.isSafeInteger(n) && n !== 0 && Math.abs(n) <= MAX_RUPIAH && (signed || n > 0);
  const formula = formulaRefusal(cell, column, 'AMOUNT_FORMULA');
  if (formula) return formula;
  if (cell.kind === 'empty') return { code: 'AMOUNT_REQUIRED', error: `${column} wajib diisi.` };
  if (cell.kind === 'number') {
    const n = wholeWithinFloatNoise(cell.number ?? NaN);
    return within(n) ? { value: n } : refuse;
  }
  if (cell.kind !== 'text') return refuse;
  // `-22.680`, `-Rp22.680`, `Rp -22.680` (U+2212 too): a negative amount, read only where one may be (`signed`)
  const minus = signed ? /^\s*((?:rp\.?|idr)\s*)?[-\u2212]\s*/i.exec(cell.text) : null;
  const value = minus ? rupiahText((minus[1] ?? '') + cell.text.slice(minus[0].length)) : rupiahText(cell.text);
  const n = value === null ? null : minus ? -value : value;
  return within(n) ? { value: n } : refuse;
}

/**
 * A number a millionth or less from a whole one is that whole number: what a formula such as
 * `=37800*14%` saves, 5292.000000000001, which Excel shows as 5292 (QA: refused quoting the
 * leftover). A real fraction (5292.5) stays one, and is refused.
 */
function wholeWithinFloatNoise(n: number): number {
  const whole = Math.round(n);
  return Math.abs(n - whole) <= 1e-6 ? whole : n;
}

export function isError<T>(parsed: Parsed<T>): parsed is { error: string; code: string } {
  return 'error' in parsed;
}
