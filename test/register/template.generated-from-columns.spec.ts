import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { SheetReader } from '../../src/common/spreadsheet/sheet-reader.js';
import { ENROLLMENT_COLUMNS } from '../../src/register/enrollment-columns.js';
import { buildEnrollmentTemplate, DATA_SHEET, VILLAGE_SHEET } from '../../src/register/workbooks/enrollment-template.js';

describe('enrollment template', () => {
  it('has the parser columns, Text identifiers, drop-downs and instructions', async () => {
    const buffer = await buildEnrollmentTemplate();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as any);
    expect(wb.worksheets.map((w) => w.name)).toEqual([DATA_SHEET, 'Petunjuk', VILLAGE_SHEET]);
    const data = wb.getWorksheet(DATA_SHEET)!;
    expect((data.getRow(1).values as unknown[]).slice(1)).toEqual(ENROLLMENT_COLUMNS.map((c) => c.name));
    for (const name of ['NIK', 'NO_KK', 'NOKA']) {
      const col = ENROLLMENT_COLUMNS.findIndex((c) => c.name === name) + 1;
      expect(data.getColumn(col).numFmt).toBe('@');
    }
    const validations = (data as any).dataValidations.model;
    const kodeDesa = Object.entries(validations).find(([address]) => address.startsWith('F2')) as [string, any];
    expect(kodeDesa[1].formulae[0]).toBe(`'${VILLAGE_SHEET}'!$A$2:$A$219`);
    expect(wb.getWorksheet(VILLAGE_SHEET)!.getCell('A2').value).toMatch(/^17\.03\.\d{2}\.\d{4} - /);
    expect(wb.getWorksheet('Petunjuk')!.getCell('A1').value).toMatch(/Petunjuk/);
  });

  it('is read back by the parser as an upload with no data rows', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'tpl-')), 'enrollment.xlsx');
    await writeFile(path, await buildEnrollmentTemplate());
    const reader = new SheetReader(path, { filename: 'enrollment.xlsx', columns: ENROLLMENT_COLUMNS });
    const err = await (async () => {
      for await (const _ of reader.batches()) void _;
    })().catch((e) => e);
    expect(reader.header?.missing).toEqual([]);
    expect(err.code).toBe('NO_DATA_ROWS');
  });
});
