import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { type Cell, EMPTY_CELL } from '../../src/common/spreadsheet/cell.js';
import type { RawRow } from '../../src/common/spreadsheet/raw-row.js';
import { decodeRows, encodeRows, transferList } from '../../src/common/spreadsheet/row-chunk-codec.js';
import { xlsxRowsInWorker } from '../../src/common/spreadsheet/xlsx-worker-rows.js';

describe('.xlsx rows read on a worker thread', () => {
  it('encodes and decodes every cell kind, formulas, rich text and non-ASCII text unchanged', () => {
    const rows: RawRow[] = [
      {
        sheet: 0,
        rowNumber: 4,
        cells: [
          { kind: 'text', text: '1703064512900001' },
          EMPTY_CELL,
          { kind: 'number', text: '1703064512900000', number: 1703064512900000 },
          { kind: 'number', text: '0.1', number: 0.1 },
          { kind: 'date', text: '1990-12-05', formula: 'DATE(1990,12,5)' },
          { kind: 'boolean', text: 'TRUE' },
          { kind: 'error', text: '#REF!' },
        ],
      },
      { sheet: 1, rowNumber: 9, cells: [{ kind: 'text', text: 'Ṣiti 🌾 Ñ', richText: true }, { kind: 'empty', text: '', formula: 'A1&""' }, { kind: 'text', text: 'x', formula: 'B2', richText: true }] },
      { sheet: 1, rowNumber: 10, cells: [] },
    ];
    const encoded = encodeRows(rows);
    expect(transferList(encoded)).toHaveLength(5);
    const decoded = decodeRows(structuredClone(encoded));
    expect(decoded).toEqual(rows);
    expect(decoded[0].cells[1]).toBe(EMPTY_CELL);
  });

  it('delivers a long sheet in file order to a slow reader, and a reader that stops early can read the file again', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'xlsx-worker-')), 'long.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Data');
    for (let i = 1; i <= 6000; i++) ws.addRow([`N${i}`, i]);
    await wb.xlsx.writeFile(path);

    const counter = { bytesRead: 0 };
    const seen: number[] = [];
    for await (const chunk of xlsxRowsInWorker(path, counter)) {
      await new Promise((resolve) => setTimeout(resolve, 5)); // slower than the worker: it must wait, not queue
      for (const row of chunk) seen.push(row.rowNumber);
      expect(chunk.every((row) => row.cells[0].text === `N${row.rowNumber}` && (row.cells[1] as Cell).number === row.rowNumber)).toBe(true);
    }
    expect(seen).toEqual(Array.from({ length: 6000 }, (_, i) => i + 1));
    expect(counter.bytesRead).toBeGreaterThan(0);

    const early = xlsxRowsInWorker(path, counter);
    const first = await early.next();
    expect((first.value as RawRow[])[0].rowNumber).toBe(1);
    await early.return(undefined); // terminates that worker
    let again = 0;
    for await (const chunk of xlsxRowsInWorker(path, counter)) again += chunk.length;
    expect(again).toBe(6000);
  });
});
