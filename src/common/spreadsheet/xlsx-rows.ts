/**
 * Rows of an .xlsx file through ExcelJS's streaming reader (never the in-memory one: it runs out
 * of memory on large uploads). `styles: 'cache'` is needed for date cells to arrive as dates.
 */
import { createReadStream } from 'node:fs';
import ExcelJS from 'exceljs';
import { type Cell, dateCell, EMPTY_CELL, excelSerialToDay, numberCell, textCell } from './cell.js';
import type { ByteCounter, RawRow } from './raw-row.js';

export async function* xlsxRows(path: string, counter: ByteCounter): AsyncGenerator<RawRow> {
  const input = createReadStream(path, { highWaterMark: 256 * 1024 });
  input.on('data', (chunk) => (counter.bytesRead += chunk.length));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    entries: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
  });
  try {
    let sheet = 0;
    for await (const worksheet of reader) {
      for await (const row of worksheet as AsyncIterable<any>) {
        const cells = rowCells(row);
        if (cells) yield { sheet, rowNumber: row.number, cells };
      }
      sheet++;
    }
  } finally {
    input.destroy();
  }
}

/** The row's cells by 0-based column, or null when every cell is empty. */
function rowCells(row: any): Cell[] | null {
  const source: any[] = row._cells;
  const cells: Cell[] = new Array(source.length);
  let any = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    const cell = c === undefined ? EMPTY_CELL : toCell(c.value, c.numFmt);
    if (cell.kind !== 'empty') any = true;
    cells[i] = cell;
  }
  return any ? cells : null;
}

function toCell(value: unknown, numFmt: string | undefined, formula?: string): Cell {
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
      return objectCell(value as Record<string, any>, numFmt);
    default:
      return textCell(String(value));
  }
}

function objectCell(value: Record<string, any>, numFmt: string | undefined): Cell {
  if (value instanceof Date) return dateCell(value);
  if ('formula' in value || 'sharedFormula' in value) {
    return toCell(value.result, numFmt, String(value.formula ?? value.sharedFormula));
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
