/**
 * A chunk of raw rows in a form that crosses threads cheaply (the .xlsx reader runs in a worker,
 * see xlsx-worker-rows.ts). Structured clone of 5,000 small cell objects per chunk cost the main
 * thread more than reading them; here a chunk is a few typed arrays (transferred, not copied) and
 * ONE string holding every cell's text end to end, cut apart again on arrival.
 *
 * Formulas and rich text are rare, so they travel as short lists of cell positions. A number
 * cell's value is its text read back (`String(n)` round-trips exactly).
 */
import { type Cell, type CellKind, EMPTY_CELL } from './cell.js';
import type { RawRow } from './raw-row.js';

const KINDS: readonly CellKind[] = ['empty', 'text', 'number', 'date', 'boolean', 'error'];
const KIND_CODE = new Map(KINDS.map((k, i) => [k, i]));

export interface EncodedRows {
  readonly sheets: Int32Array;
  readonly rowNumbers: Int32Array;
  /** Row r's cells are cells [cellStart[r], cellStart[r + 1]). */
  readonly cellStart: Int32Array;
  readonly kinds: Uint8Array;
  /** Length of each cell's text within `text`. */
  readonly lengths: Int32Array;
  readonly text: string;
  /** [cell position, formula] for cells that held a formula. */
  readonly formulas: [number, string][];
  /** Cell positions that held rich text. */
  readonly richText: number[];
}

export function encodeRows(rows: readonly RawRow[]): EncodedRows {
  let cellCount = 0;
  for (const row of rows) cellCount += row.cells.length;
  const sheets = new Int32Array(rows.length);
  const rowNumbers = new Int32Array(rows.length);
  const cellStart = new Int32Array(rows.length + 1);
  const kinds = new Uint8Array(cellCount);
  const lengths = new Int32Array(cellCount);
  const texts: string[] = new Array(cellCount);
  const formulas: [number, string][] = [];
  const richText: number[] = [];
  let at = 0;
  for (let r = 0; r < rows.length; r++) {
    const { sheet, rowNumber, cells } = rows[r];
    sheets[r] = sheet;
    rowNumbers[r] = rowNumber;
    cellStart[r] = at;
    for (let c = 0; c < cells.length; c++, at++) {
      const cell = cells[c];
      kinds[at] = KIND_CODE.get(cell.kind)!;
      lengths[at] = cell.text.length;
      texts[at] = cell.text;
      if (cell.formula !== undefined) formulas.push([at, cell.formula]);
      if (cell.richText) richText.push(at);
    }
  }
  cellStart[rows.length] = at;
  return { sheets, rowNumbers, cellStart, kinds, lengths, text: texts.join(''), formulas, richText };
}

/** The buffers to transfer with the message (they are then unusable on the sending side). */
export function transferList(encoded: EncodedRows): ArrayBuffer[] {
  const { sheets, rowNumbers, cellStart, kinds, lengths } = encoded;
  return [sheets, rowNumbers, cellStart, kinds, lengths].map((a) => a.buffer as ArrayBuffer);
}

export function decodeRows(encoded: EncodedRows): RawRow[] {
  const { sheets, rowNumbers, cellStart, kinds, lengths, text } = encoded;
  const extras = new Map<number, { formula?: string; richText?: true }>();
  for (const [at, formula] of encoded.formulas) extras.set(at, { formula });
  for (const at of encoded.richText) extras.set(at, { ...extras.get(at), richText: true });
  const rows: RawRow[] = new Array(rowNumbers.length);
  let offset = 0;
  for (let r = 0; r < rowNumbers.length; r++) {
    const from = cellStart[r];
    const cells: Cell[] = new Array(cellStart[r + 1] - from);
    for (let c = 0; c < cells.length; c++) {
      const at = from + c;
      const kind = KINDS[kinds[at]];
      const cellText = text.slice(offset, (offset += lengths[at]));
      let cell: Cell = kind === 'empty' ? EMPTY_CELL : kind === 'number' ? { kind, text: cellText, number: Number(cellText) } : { kind, text: cellText };
      const extra = extras.size ? extras.get(at) : undefined;
      if (extra) cell = { ...cell, ...extra };
      cells[c] = cell;
    }
    rows[r] = { sheet: sheets[r], rowNumber: rowNumbers[r], cells };
  }
  return rows;
}
