/**
 * A .csv row with more fields than its header (QA: `…,SP2D/CSV/1,1,500,000` under a header of five
 * columns was a payment of Rp1, the extra `500`,`000` dropped unsaid). Every field after the first
 * split one sits in the wrong column, and which field was split cannot be known: the row is refused
 * as a whole with one message naming the counts and quoting the row, and none of its cells is read
 * (SheetReader hands it over with every cell empty, `overflow` set). Empty fields past the header
 * (`a,b,c,,` as Excel pads a row) are no extra fields. A row with fewer fields than its header reads
 * the missing ones as empty cells: the columns' own rules speak (`wajib diisi`).
 *
 * An .xlsx has no field count: a value in a column without header stays ignored there.
 */
import type { Cell } from './cell.js';
import { clip } from '../errors/domain.exception.js';

export const CSV_FIELD_COUNT = 'CSV_FIELD_COUNT';

/** What SheetRow.overflow tells of a refused row. */
export interface FieldOverflow {
  /** Fields of the row, up to its last non-empty one. */
  readonly fields: number;
  /** Fields of the header row. */
  readonly headerFields: number;
  /** The refusal (Indonesian), naming the row. */
  readonly message: string;
}

const CAUSE: Record<string, string> = {
  ',': 'kemungkinan ada koma di dalam angka atau nama (mis. 1,500,000)',
  ';': 'kemungkinan ada titik koma di dalam nama atau nilai lain',
  '\t': 'kemungkinan ada tab di dalam nama atau nilai lain',
};

/** The overflow of a .csv row whose fields past `headerFields` hold anything, else undefined. */
export function fieldOverflow(rowNumber: number, cells: readonly Cell[], headerFields: number, delimiter: string): FieldOverflow | undefined {
  let last = cells.length - 1;
  while (last >= headerFields && cells[last].kind === 'empty') last--;
  if (last < headerFields) return undefined;
  const fields = last + 1;
  const text = cells
    .slice(0, fields)
    .map((c) => c.text)
    .join(delimiter === '\t' ? ' | ' : delimiter);
  const message =
    `Baris ${rowNumber} berisi ${fields} kolom, sedangkan judul ${headerFields} kolom: ${CAUSE[delimiter] ?? CAUSE[',']}. ` +
    `Beri tanda kutip atau simpan ulang dari Excel sebagai CSV. Isi baris: ${clip(text, 200)}`;
  return { fields, headerFields, message };
}

/** The row's refusal: its other findings are left out (read from shifted columns, they mislead). */
export function fieldCountIssue(overflow: FieldOverflow): { column: null; severity: 'REJECT'; code: typeof CSV_FIELD_COUNT; message: string } {
  return { column: null, severity: 'REJECT', code: CSV_FIELD_COUNT, message: overflow.message };
}
