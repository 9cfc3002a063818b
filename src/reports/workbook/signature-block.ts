/**
 * The closing of a sheet that is signed (the reconciliation workbook's Berita Acara, the village and
 * pledge statements' Ringkasan): "Demikian …", the place and a date left to fill in, and the signature
 * blocks side by side — each a title, its unit, room to sign, a name to fill in and an ID line.
 */
import type ExcelJS from 'exceljs';
import { REGENCY } from '../reconciliation-workbook/titles.js';
import type { TableSheet } from './table-sheet.js';

/**
 * Title, unit (a second line for every block, so blocks side by side line up: QA found the BPJS one
 * without) and the ID line's label: 'NIP.' for a civil servant, 'NPP.' for BPJS staff, null for a
 * signatory with neither (a kepala desa, a company's head).
 */
export type Signatory = readonly [title: string, unit: string, id: string | null];

/** The health office's head: the statements' and Berita Acara's first block, the party that reconciles. */
export const DINKES_HEAD: Signatory = ['Kepala Dinas Kesehatan', REGENCY, 'NIP.'];
/** The regency's finance office (BPKAD), which pays the APBD Kabupaten pledges. */
export const BPKAD_HEAD: Signatory = ['Kepala BPKAD', REGENCY, 'NIP.'];

/** A signatory and where its block goes: the first column (0-based) and how many columns it is centred over. */
export interface PlacedSignatory {
  signatory: Signatory;
  column: number;
  span: number;
}

/** The rows writeClosing writes, from "Demikian …" to the ID lines: what keepTogether() must fit on one page. */
export const CLOSING_ROWS = 11;

/** "Bengkulu Utara, ……": the place the documents are signed, the date written by hand. */
export const PLACE_AND_DATE = `${REGENCY.replace('Kabupaten ', '')}, ............................`;

const CENTERED: Partial<ExcelJS.Style> = { alignment: { horizontal: 'center', vertical: 'top', wrapText: true } };

/**
 * Writes the closing line, the place and date and the blocks. The caller calls t.keepTogether() first,
 * with CLOSING_ROWS and whatever it wants on the same page (the figures being signed for).
 */
export function writeClosing(t: TableSheet, closing: string, blocks: readonly PlacedSignatory[]): void {
  t.writeStyledRow([closing]);
  t.blankRow();
  t.writeStyledRow([PLACE_AND_DATE]);
  const width = Math.max(...blocks.map((b) => b.column + 1));
  const line = (pick: (s: Signatory) => string | null) => {
    const values: Array<string | null> = Array.from({ length: width }, () => null);
    const styles: Array<Partial<ExcelJS.Style> | undefined> = Array.from({ length: width }, () => undefined);
    const spans: Array<number | undefined> = Array.from({ length: width }, () => undefined);
    for (const b of blocks) {
      values[b.column] = pick(b.signatory);
      styles[b.column] = CENTERED;
      spans[b.column] = b.span;
    }
    t.writeStyledRow(values, undefined, styles, spans);
  };
  line((s) => s[0]);
  line((s) => s[1]);
  for (let i = 0; i < 4; i++) t.blankRow();
  line(() => '(....................................)');
  line((s) => (s[2] ? `${s[2]} ..............................` : null));
}

/**
 * Two blocks on a wide table: the first over the columns of its first third, the second over those
 * of its last third (by width), so they stand apart at either side of the printed page.
 */
export function twoBlocks(columns: readonly { width: number }[], left: Signatory, right: Signatory): PlacedSignatory[] {
  const third = columns.reduce((sum, c) => sum + c.width, 0) / 3;
  const count = (widths: number[]) => {
    let sum = 0;
    let n = 0;
    while (n < widths.length && sum < third) sum += widths[n++];
    return n;
  };
  const leftSpan = count(columns.map((c) => c.width));
  const rightSpan = count(columns.map((c) => c.width).reverse());
  return [
    { signatory: left, column: 0, span: leftSpan },
    { signatory: right, column: columns.length - rightSpan, span: rightSpan },
  ];
}
