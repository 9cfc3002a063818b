/**
 * Rows of an .xlsx file through ExcelJS's streaming reader (never the in-memory one: it runs out
 * of memory on large uploads). `styles: 'cache'` is needed for date cells to arrive as dates.
 */
import { createReadStream } from 'node:fs';
import ExcelJS from 'exceljs';
import { type Cell, dateCell, EMPTY_CELL, excelSerialToDay, numberCell, textCell } from './cell.js';
import type { ByteCounter, RawRow } from './raw-row.js';
import { SharedStrings } from './shared-strings.js';

/** Rows handed on in chunks (fewer awaits per row). */
const CHUNK_ROWS = 500;

export async function* xlsxRows(path: string, counter: ByteCounter): AsyncGenerator<RawRow[]> {
  const input = createReadStream(path, { highWaterMark: 256 * 1024 });
  input.on('data', (chunk) => (counter.bytesRead += chunk.length));
  // Shared strings are emitted (not cached by ExcelJS) and kept in a compact store; cells then
  // arrive as `{ sharedString: index }` and are resolved here.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    entries: 'emit',
    sharedStrings: 'emit',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
  });
  const strings = new SharedStrings();
  try {
    let sheet = 0;
    // parse() yields `{ eventType: 'worksheet', value }`, and in 'emit' mode each shared string as
    // a bare `{ index, text }` (ExcelJS 4.4.0), in file order, before the worksheets that use them.
    for await (const item of (reader as any).parse() as AsyncIterable<{ eventType?: string; value?: any; index?: number; text?: any }>) {
      if (item.eventType === undefined && item.index !== undefined) {
        const text = item.text;
        if (typeof text === 'string') strings.add(text, false);
        else if (text && Array.isArray(text.richText)) strings.add(text.richText.map((r: { text?: string }) => r.text ?? '').join(''), true);
        else strings.add('', false);
        continue;
      }
      const { eventType, value } = item;
      if (eventType !== 'worksheet') continue;
      strings.done();
      let rows: RawRow[] = [];
      for await (const row of value as AsyncIterable<any>) {
        const cells = rowCells(row, strings);
        if (cells) rows.push({ sheet, rowNumber: row.number, cells });
        if (rows.length >= CHUNK_ROWS) {
          yield rows;
          rows = [];
        }
      }
      if (rows.length) yield rows;
      sheet++;
    }
  } finally {
    input.destroy();
  }
}

/** The row's cells by 0-based column, or null when every cell is empty. */
function rowCells(row: any, strings: SharedStrings): Cell[] | null {
  const source: any[] = row._cells;
  const cells: Cell[] = new Array(source.length);
  let any = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    const cell = c === undefined ? EMPTY_CELL : toCell(c.value, c.numFmt, undefined, strings);
    if (cell.kind !== 'empty') any = true;
    cells[i] = cell;
  }
  return any ? cells : null;
}

function toCell(value: unknown, numFmt: string | undefined, formula: string | undefined, strings: SharedStrings): Cell {
  if (value === null || value === undefined) return formula === undefined ? EMPTY_CELL : { kind: 'empty', text: '', formula };
  switch (typeof value) {
    case 'string': {
      const cell = textCell(value);
      return formula === undefined ? cell : { ...cell, formula };
    }
    case 'number':
      if (formula !== undefined && isDateFormat(numFmt)) return { kind: 'date', text: excelSerialToDay(value), formula };
      return numberCell(value, formula);
    case 'boolean':
      return { kind: 'boolean', text: value ? 'TRUE' : 'FALSE', ...(formula !== undefined && { formula }) };
    case 'object':
      return objectCell(value as Record<string, any>, numFmt, strings);
    default:
      return textCell(String(value));
  }
}

function objectCell(value: Record<string, any>, numFmt: string | undefined, strings: SharedStrings): Cell {
  if (value instanceof Date) return dateCell(value);
  if (typeof value.sharedString === 'number') {
    const cell = textCell(strings.get(value.sharedString) ?? '');
    return cell.kind !== 'empty' && strings.isRich(value.sharedString) ? { ...cell, richText: true } : cell;
  }
  if ('formula' in value || 'sharedFormula' in value) {
    return toCell(value.result, numFmt, String(value.formula ?? value.sharedFormula), strings);
  }
  if (Array.isArray(value.richText)) {
    const cell = textCell(value.richText.map((r: { text?: string }) => r.text ?? '').join(''));
    return cell.kind === 'empty' ? cell : { ...cell, richText: true };
  }
  if ('error' in value) return { kind: 'error', text: String(value.error) };
  if ('text' in value) return textCell(String(value.text));
  return textCell(String(value));
}

/** Same test as ExcelJS: a number format with date/time letters outside quotes and brackets. */
function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}
