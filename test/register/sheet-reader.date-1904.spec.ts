/**
 * The shared reader in a workbook of the 1904 date system (old Excel for Mac: a serial there is 1,462
 * days less than in the 1900 system): the same sheet saved in either system reads the same days, for
 * date cells, date formulas and serials in number cells, so every upload kind gets them right; a serial
 * of such a workbook is kept as a number (its row report repeats it in that system) and, in messages,
 * named with the day it would be in the 1900 system.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { buffer } from 'node:stream/consumers';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import unzipper from 'unzipper';
import { ambiguousSerial, cellDay, serialDayIn1900, shownDay } from '../../src/common/spreadsheet/cell-dates.js';
import { type Cell, dateCell, numberCell, textCell } from '../../src/common/spreadsheet/cell.js';
import { writeIn1904System } from '../../src/common/spreadsheet/date-1904-writer.js';
import { DATE_1904, rawCells } from '../../src/common/spreadsheet/raw-cells.js';
import { SheetReader } from '../../src/common/spreadsheet/sheet-reader.js';
import { zip } from '../support/zip.js';

const COLUMNS = [{ name: 'NIK', required: true }, { name: 'TANGGAL' }, { name: 'JUMLAH' }];
const OFFSET = 1462;

async function tmp(name: string): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'd1904-')), name);
}

async function cells(path: string): Promise<Cell[][]> {
  const reader = new SheetReader(path, { filename: 'tanggal.xlsx', columns: COLUMNS });
  const rows: Cell[][] = [];
  for await (const batch of reader.batches()) rows.push(...batch.map((r) => [...r.cells]));
  return rows;
}

/** One sheet as a user sees it, saved in either date system: what Excel shows is the same, the serials differ. */
async function saved(date1904: boolean): Promise<string> {
  const serial = (s1900: number) => (date1904 ? s1900 - OFFSET : s1900);
  const wb = new ExcelJS.Workbook();
  wb.properties.date1904 = date1904;
  const ws = wb.addWorksheet('Data');
  ws.getColumn(2).numFmt = '@';
  ws.addRow(['NIK', 'TANGGAL', 'JUMLAH']);
  ws.addRow(['1', new Date(Date.UTC(1985, 4, 13)), 37800]).getCell(2).numFmt = 'dd/mm/yyyy'; // a typed date
  ws.addRow(['2', new Date(Date.UTC(2026, 0, 1, 13, 30)), 0.5]).getCell(2).numFmt = 'd mmmm yyyy hh:mm'; // with a time of day
  ws.addRow(['3', { formula: 'DATE(2026,10,31)', result: serial(46326) }, 1]).getCell(2).numFmt = 'dd/mm/yyyy'; // a date formula
  ws.addRow(['4', serial(46023), 2]); // a date pasted as a value into the Text column: its serial
  ws.addRow(['5', '31/10/2026', 3]); // typed as text
  const path = await tmp(`sheet-${date1904}.xlsx`);
  await wb.xlsx.writeFile(path);
  return path;
}

describe('the reader in a workbook of the 1904 date system', () => {
  it('reads the same sheet saved in either system on the same days: date cells, formulas, serials in number cells, text', async () => {
    const [in1900, in1904] = [await cells(await saved(false)), await cells(await saved(true))];
    const days = (rows: Cell[][]) => rows.map((r) => [r[1].kind, cellDay(r[1])]);
    expect(days(in1904)).toEqual([
      ['date', '1985-05-13'],
      ['date', '2026-01-01'],
      ['date', '2026-10-31'],
      ['number', '2026-01-01'],
      ['text', '2026-10-31'],
    ]);
    expect(days(in1904)).toEqual(days(in1900));
    // numbers stay numbers, the same in both; those of the 1904 workbook carry its system
    expect(in1904.map((r) => r[2].number)).toEqual(in1900.map((r) => r[2].number));
    expect(in1904.map((r) => r[2].date1904)).toEqual([true, true, true, true, true]);
    expect(in1900.map((r) => r[2].date1904)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    // a date cell keeps its serial, in its workbook's system
    expect([in1900[0][1].serial, in1904[0][1].serial]).toEqual([31180, 31180 - OFFSET]);
  });

  it('takes date1904 "1" and "true" for the 1904 system, "0" and "false" for the 1900 system', async () => {
    const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const text = (ref: string, value: string) => `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;
    const sheet = `<worksheet xmlns="${MAIN}"><sheetData><row r="1">${text('A1', 'NIK')}${text('B1', 'TANGGAL')}${text('C1', 'JUMLAH')}</row>` +
      `<row r="2">${text('A2', '1')}<c r="B2" s="1"><v>44561</v></c><c r="C2"><v>44561</v></c></row></sheetData></worksheet>`;
    const read = async (attribute: string) => {
      const path = await tmp('attr.xlsx');
      await writeFile(path, zip([
        { name: 'xl/workbook.xml', data: Buffer.from(`<workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr ${attribute}/><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
        { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`) },
        { name: 'xl/styles.xml', data: Buffer.from(`<styleSheet xmlns="${MAIN}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`) },
        { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(sheet) },
      ]));
      const [row] = await cells(path);
      return [cellDay(row[1]), cellDay(row[2]) ?? row[2].text];
    };
    expect(await read('date1904="1"')).toEqual(['2026-01-01', '2026-01-01']);
    expect(await read('date1904="true"')).toEqual(['2026-01-01', '2026-01-01']);
    expect(await read('date1904="0"')).toEqual(['2021-12-31', '2021-12-31']);
    expect(await read('date1904="false"')).toEqual(['2021-12-31', '2021-12-31']);
    expect(await read('defaultThemeVersion="164011"')).toEqual(['2021-12-31', '2021-12-31']);
  });

  it('names a 1904 serial with its 1900 reading in messages, and says when it is ambiguous', () => {
    const mac = numberCell(44561, undefined, true);
    expect(cellDay(mac)).toBe('2026-01-01');
    expect(serialDayIn1900(mac)).toBe('2021-12-31');
    expect(shownDay(mac, '2026-01-01')).toBe('44561 (nomor seri tanggal Excel untuk 2026-01-01 dalam sistem tanggal 1904 berkas ini; dalam sistem 1900 nomor itu 2021-12-31)');
    expect(ambiguousSerial(mac, 'TMT', '2026-01-01')).toMatch(/^TMT 44561 adalah nomor seri tanggal Excel, dan berkas ini memakai sistem tanggal 1904 .* terbaca 1 Januari 2026; dalam sistem 1900 nomor yang sama adalah 31 Desember 2021\./);
    // a serial with no day in the 1900 system (before 1900-03-01) is named in the 1904 system alone, and is not ambiguous
    const early = numberCell(30, undefined, true);
    expect(serialDayIn1900(early)).toBeNull();
    expect(shownDay(early, '1904-01-31')).toBe('30 (nomor seri tanggal Excel untuk 1904-01-31 dalam sistem tanggal 1904 berkas ini)');
    expect(ambiguousSerial(early, 'TMT', '1904-01-31')).toBeNull();
    // nothing changes in the 1900 system, for date cells or text
    expect(shownDay(numberCell(46023), '2026-01-01')).toBe('46023 (nomor seri tanggal Excel untuk 2026-01-01)');
    for (const cell of [numberCell(46023), dateCell(new Date(Date.UTC(2026, 0, 1)), true), textCell('2026-01-01')]) {
      expect(serialDayIn1900(cell)).toBeNull();
      expect(ambiguousSerial(cell, 'TMT', '2026-01-01')).toBeNull();
    }
  });

  it("keeps a 1904 workbook's numbers as numbers for the row report, marking the row with its system", () => {
    const columns = COLUMNS;
    const date = dateCell(new Date(Date.UTC(2026, 0, 1)), true);
    expect(rawCells(columns, [textCell('1'), numberCell(44561, undefined, true), numberCell(37800, undefined, true)])).toEqual({ NIK: '1', TANGGAL: 44561, JUMLAH: 37800, [DATE_1904]: 1 });
    expect(rawCells(columns, [textCell('1'), date, textCell('x')])).toEqual({ NIK: '1', TANGGAL: '2026-01-01', JUMLAH: 'x' }); // no number: no system needed
    expect(rawCells(columns, [textCell('1'), numberCell(46023), numberCell(37800)])).toEqual({ NIK: '1', TANGGAL: 46023, JUMLAH: 37800 });
  });

  it('writes a streamed workbook in the 1904 system, which reads back the same numbers and days', async () => {
    const path = await tmp('laporan.xlsx');
    const out = createWriteStream(path);
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    const ws = wb.addWorksheet('Perbaiki');
    ws.addRow(['NIK', 'TANGGAL', 'JUMLAH']).commit();
    ws.addRow(['1', 44561, 37800]).commit();
    ws.commit();
    writeIn1904System(wb);
    await wb.commit();
    await finished(out);
    const zipped = await unzipper.Open.file(path);
    const workbookXml = (await buffer(zipped.files.find((f) => f.path === 'xl/workbook.xml')!.stream())).toString('utf8');
    expect(workbookXml.match(/<workbookPr[^>]*>/g)).toEqual([expect.stringMatching(/^<workbookPr date1904="1" /)]);
    const [row] = await cells(path);
    expect(row.slice(1)).toEqual([numberCell(44561, undefined, true), numberCell(37800, undefined, true)]);
    expect(cellDay(row[1])).toBe('2026-01-01');
  });
});
