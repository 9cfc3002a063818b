/**
 * A workbook in the 1904 date system (old Excel for Mac) counts serials from 1904-01-01: formula
 * results are read in it as date cells are (QA: TMT =DATE(2026,1,1), cached 44561, was stored as
 * 2021-12-31, four years early; the plain date cell beside it was right).
 */
import { mkdtempSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SheetReader } from '../../src/common/spreadsheet/sheet-reader.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { zip } from '../support/zip.js';
import { upload } from './support.js';

describe('dates of a 1904-system workbook', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('stores date cells and date formulas on the days they show', async () => {
    const res = await upload(t, 'ok/date-1904.xlsx');
    expect(res.body).toMatchObject({ status: 'DONE', accepted: 2, rejected: 0, warnings: 0 });
    const rows = await t.dataSource.query('SELECT name, birth_date, tmt FROM participant ORDER BY nik');
    expect(rows).toEqual([
      { name: 'Tanggal 1904', birth_date: '1970-03-15', tmt: '2026-01-01' },
      { name: 'Rumus 1904', birth_date: '1970-03-16', tmt: '2026-01-01' },
    ]);
  });
});

/** `date1904="true"` (as valid as "1", which is all ExcelJS reads): a DATE() formula and a plain date cell. */
describe('the 1904 system written as "true"', () => {
  it('reads both on the day they show', async () => {
    const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const text = (ref: string, value: string) => `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;
    const sheet = `<worksheet xmlns="${MAIN}"><sheetData><row r="1">${text('A1', 'NIK')}${text('B1', 'TMT')}${text('C1', 'TAT')}</row>` +
      `<row r="2">${text('A2', '1703061603701603')}<c r="B2" s="1"><f>DATE(2026,1,1)</f><v>44561</v></c><c r="C2" s="1"><v>44591</v></c></row></sheetData></worksheet>`;
    const path = join(mkdtempSync(join(tmpdir(), 'd1904-')), 'true.xlsx');
    await writeFile(path, zip([
      { name: 'xl/workbook.xml', data: Buffer.from(`<workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr date1904="true"/><sheets><sheet name="Daftar Peserta" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
      { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`) },
      { name: 'xl/styles.xml', data: Buffer.from(`<styleSheet xmlns="${MAIN}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`) },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(sheet) },
    ]));
    const reader = new SheetReader(path, { filename: 'true.xlsx', columns: [{ name: 'NIK', required: true }, { name: 'TMT' }, { name: 'TAT' }] });
    const cells = [];
    for await (const batch of reader.batches()) cells.push(...batch.flatMap((r) => r.cells.slice(1).map((c) => [c.kind, c.text])));
    expect(cells).toEqual([['date', '2026-01-01'], ['date', '2026-01-31']]);
  });
});
