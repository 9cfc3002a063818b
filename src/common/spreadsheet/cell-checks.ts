/**
 * Why a cell cannot be taken as it is, one wording for every upload: a control character or U+FFFD in its text
 * (characterFailure, INVALID_CHARACTER), a formula with an error or no saved result (formulaFailure), a long number
 * Excel wrote into a .csv in scientific notation (isScientificText). Callers refuse the row naming the column.
 */
import { clip } from '../errors/domain.exception.js';
import { controlCharacterSaid } from '../text.js';
import type { Cell } from './cell.js';

const SCIENTIFIC = /^\d+([.,]\d+)?E\+?\d+$/i;

/**
 * A number as Excel writes it into a .csv once it is too long for the column (`1.70306E+15`): a
 * NIK, KK or card number typed into a numeric cell, its digits already lost. In a .csv every cell is
 * text, so this is how a numeric cell shows; callers refuse it as they refuse an .xlsx number cell.
 */
export function isScientificText(cell: Cell): boolean {
  return cell.kind === 'text' && SCIENTIFIC.test(cell.text);
}

const FORMULA_TEXT = /^=\s*"([^"]*)"$/;

/**
 * The text between the quotes of a cell written as Excel's formula text, `="1703012345678901"`, or undefined: what an
 * export writes into a .csv so that Excel opens a long number (a NIK) as text, keeping its digits and leading zeros;
 * Excel shows the text between the quotes. A .csv's every cell is text, so it reaches a row as written.
 */
export function formulaTextOf(cell: Cell): string | undefined {
  if (cell.kind !== 'text' || cell.formula !== undefined) return undefined;
  return FORMULA_TEXT.exec(cell.text)?.[1];
}

/**
 * The one wording of a NIK (`column` as the file heads it) written as Excel writes a long number into a .csv,
 * `1.70306E+15` (isScientificText): its digits are lost, so it cannot be read back, only typed again.
 */
export function scientificNikSaid(cell: Cell, column: string): string {
  return `${column} "${cell.text}" ditulis dalam notasi ilmiah (angka berpangkat E+, cara Excel menampilkan angka yang panjang), sehingga digit NIK sudah hilang dan tidak dapat dipulihkan dari berkas ini. Ketik ulang keenam belas digit NIK sebagai teks.`;
}

/** The row-issue code of characterFailure. */
export const INVALID_CHARACTER = 'INVALID_CHARACTER';

/**
 * Why a text cell cannot be taken as it is, in Indonesian, or null: it holds a control character
 * (text.ts CONTROL_CHARACTER: NUL, the other C0 codes but tab and line breaks, DEL and C1; never part
 * of a name, number or code, and NUL cannot be stored; JSON refuses the same), or U+FFFD, the mark of a letter already lost when the file was read or
 * saved in another encoding. The row is refused naming the column; the report repeats the value
 * with U+FFFD in place of the control character, so uploaded back untouched it is refused again.
 */
export function characterFailure(cell: Cell, column: string): { code: typeof INVALID_CHARACTER; message: string } | null {
  const bad = cell.badCharacter;
  if (bad === undefined) return null;
  const shown = clip(cell.text);
  if (bad === 0xfffd) {
    return {
      code: INVALID_CHARACTER,
      message:
        `${column} "${shown}" memuat karakter pengganti � (U+FFFD): sebuah huruf sudah rusak sebelum berkas diunggah (berkas pernah dibuka atau disimpan dengan pengodean lain). ` +
        'Ketik ulang isian sel itu, lalu unggah kembali.',
    };
  }
  return {
    code: INVALID_CHARACTER,
    message:
      `${column} memuat ${controlCharacterSaid(bad)} (di sini ditandai �: "${shown}"). ` +
      'Hapus karakter itu atau ketik ulang isian sel, lalu unggah kembali.',
  };
}

/** The row-issue codes of formulaFailure: the formula's result is an error, or there is none. */
export type FormulaFailureCode = 'FORMULA_ERROR' | 'FORMULA_WITHOUT_VALUE';

/**
 * Why a cell's formula gave nothing to read, in Indonesian, or null: its result is an error
 * (`#N/A`), or it was saved without a result. (ExcelJS's streaming reader drops a cached error
 * result, so such a formula looks like one saved without its result.) One wording for every upload.
 */
export function formulaFailure(cell: Cell, column: string): { code: FormulaFailureCode; message: string } | null {
  if (cell.kind === 'error') {
    return { code: 'FORMULA_ERROR', message: `${column}: sel berisi galat ${cell.text} (hasil rumus). Perbaiki rumusnya, atau ketik nilainya langsung.` };
  }
  if (cell.kind !== 'empty' || cell.formula === undefined) return null;
  return {
    code: 'FORMULA_WITHOUT_VALUE',
    message:
      `${column}: rumus =${cell.formula.slice(0, 100)} tidak menghasilkan nilai yang dapat dibaca (hasilnya galat seperti #N/A atau #DIV/0!, atau belum tersimpan di berkas). ` +
      'Perbaiki rumusnya, atau salin sel lalu tempel sebagai nilai (Paste Special > Values).',
  };
}
