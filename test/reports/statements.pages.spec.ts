import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type ExcelJS from 'exceljs';
import { WritePledgeStatement } from '../../src/reports/use-cases/write-pledge-statement.use-case.js';
import { WriteVillageStatement } from '../../src/reports/use-cases/write-village-statement.use-case.js';
import { type PreparedWorkbook } from '../../src/reports/use-cases/write-reconciliation-workbook.use-case.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertReportFixture, P } from './support/report-fixture.js';
import { download, formula, readWorkbook, rowOf } from './support/xlsx.js';
import { PLEDGE_SPLITS_PAGE, VILLAGE_RESIDENTS_PAGE } from '../../src/reports/sql/statement.sql.js';
import { Role } from '../../src/users/role.js';
import { insertParticipants, testNik } from '../funding/support/register.js';

/**
 * A statement's Peserta list longer than a sheet (a year of an APBD pledge over a province-sized
 * register is 12 million participant-months; Excel stops at 1,048,576 rows) continues on
 * "Peserta (2)", ... like the reconciliation workbook's Rincian Peserta, instead of failing halfway
 * through the download. Here the sheet limit is lowered so that one data row fits a sheet.
 */
/** Two title lines, a blank row and the header take rows 1-4: row 5 holds one participant-month, row 6 the totals. */
const SHEET_ROWS = 6;

async function written(prepared: PreparedWorkbook): Promise<ExcelJS.Workbook> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await prepared.write(out);
  return readWorkbook(Buffer.concat(chunks));
}

/** Each Peserta part's data rows (between the header and JUMLAH) and its JUMLAH of `column`. */
function parts(wb: ExcelJS.Workbook, column: number): { name: string; rows: number; total: unknown }[] {
  return wb.worksheets
    .filter((ws) => ws.name.startsWith('Peserta'))
    .map((ws) => {
      const jumlah = rowOf(ws, 'JUMLAH');
      return { name: ws.name, rows: jumlah.number - 5, total: formula(jumlah.getCell(column)).result };
    });
}

describe('statements: a Peserta list past the sheet row limit continues on the next sheet', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertReportFixture(t.dataSource);
  });
  afterAll(() => t.close());

  it('village, fiscal year: four participant-months on four sheets, each with its own total', async () => {
    const prepared = await t.app.get(WriteVillageStatement).prepare({ villageCode: '1703062001', year: 2026, actor: 'uji', pageSize: 3, sheetRows: SHEET_ROWS });
    const wb = await written(prepared);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['Ringkasan', 'Peserta', 'Peserta (2)', 'Peserta (3)', 'Peserta (4)', 'Pembayaran']);
    const peserta = parts(wb, 5);
    expect(peserta.map((p) => p.rows)).toEqual([1, 1, 1, 1]);
    // Together the parts hold the year: the Ringkasan's premiums (151,200), two residents a month for two months.
    expect(peserta.reduce((sum, p) => sum + Number(p.total), 0)).toBe(151200);
    expect(wb.getWorksheet('Peserta (2)')!.getCell('A1').value).toBe(`${wb.getWorksheet('Peserta')!.getCell('A1').value} (lanjutan 2)`);
  });

  it('pledge, fiscal year: two participant-months on two sheets', async () => {
    const prepared = await t.app.get(WritePledgeStatement).prepare({ pledgeCode: 'TJSLP-ALNO-2026', year: 2026, actor: 'uji', sheetRows: SHEET_ROWS });
    const wb = await written(prepared);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['Ringkasan', 'Peserta', 'Peserta (2)', 'Pembayaran']);
    const peserta = parts(wb, 8);
    expect(peserta.map((p) => p.rows)).toEqual([1, 1]);
    expect(peserta.reduce((sum, p) => sum + Number(p.total), 0)).toBe(75600);
  });
});

/**
 * A statement's page of splits or obligations (NIKs in COLLATE "C") finds its participants through
 * PK_participant, not by hashing the whole register for every page: the key serves the join only
 * when `participant.nik` has the same collation (migration 1765500000000).
 */
describe('statement pages join the register by its primary key', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertReportFixture(t.dataSource);
  });
  afterAll(() => t.close());

  /** The plan of `sql` when only a join that looks each row up by an index is allowed. */
  const planWithLookupsOnly = (sql: string, params: unknown[]) =>
    t.dataSource.transaction(async (m) => {
      for (const off of ['enable_hashjoin', 'enable_mergejoin', 'enable_seqscan']) await m.query(`SET LOCAL ${off} = off`);
      const rows: { 'QUERY PLAN': string }[] = await m.query(`EXPLAIN ${sql}`, params);
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });

  it('a pledge statement page', async () => {
    const plan = await planWithLookupsOnly(PLEDGE_SPLITS_PAGE, ['APBD-2026', '2026-01', '', 100]);
    expect(plan).toMatch(/Index Scan using "PK_participant" on participant/);
  });

  it('a village statement page', async () => {
    const plan = await planWithLookupsOnly(VILLAGE_RESIDENTS_PAGE, ['2026-01', '2026-12', '17.03.06.2001', ['DESA-1703062001-2026'], '', '', 100]);
    expect(plan).toMatch(/Index Scan using "PK_participant" on participant/);
  });
});

/**
 * A pledge statement's Peserta list is read a month at a time (one partition a query) but in pages
 * as full as before: a page that ends a month goes on with the next. Whatever the page size, the
 * list is every participant-month of the pledge once, by month and then NIK, as with one page.
 */
describe('pledge statement: Peserta pages that cross a month', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertReportFixture(t.dataSource);
  });
  afterAll(() => t.close());

  /** The Peserta data rows (after the header on row 4, before JUMLAH): Bulan, NIK, Nama, Iuran, Didanai. */
  async function peserta(pageSize: number): Promise<unknown[][]> {
    const prepared = await t.app.get(WritePledgeStatement).prepare({ pledgeCode: 'APBD-2026', year: 2026, actor: 'uji', pageSize });
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await prepared.write(out);
    const ws = (await readWorkbook(Buffer.concat(chunks))).getWorksheet('Peserta')!;
    const rows: unknown[][] = [];
    for (let r = 5; ws.getRow(r).getCell(1).value !== 'JUMLAH'; r++) {
      const row = ws.getRow(r);
      rows.push([1, 2, 4, 7, 8].map((c) => row.getCell(c).value));
    }
    return rows;
  }

  it('September then October (NIK order within the month), with any page size', async () => {
    // APBD-2026 funds p3 in September, p3 and p5 in October; p5's NIK (1703010…) sorts before p3's (1703060…).
    const expected = [
      ['September 2026', P.p3.nik, P.p3.name, 37800, 22680],
      ['Oktober 2026', P.p5.nik, P.p5.name, 37800, 10000],
      ['Oktober 2026', P.p3.nik, P.p3.name, 37800, 22680],
    ];
    // 1: a page a row; 2: the first page ends in October; 3: one page, exactly full; 5000: one short page.
    for (const pageSize of [1, 2, 3, 5000]) expect({ pageSize, rows: await peserta(pageSize) }).toEqual({ pageSize, rows: expected });
  });
});

/** A statement is signed: it shows the allocation as the pledges stand now, re-allocating STALE months first (as split queries do). */
describe('statements after a pledge revision', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t?.close());

  it('re-allocate the STALE month before reading it', async () => {
    const keuangan = await t.as(Role.KEUANGAN);
    await insertParticipants(t.dataSource, [1, 2, 3].map((i) => ({ nik: testNik(i), tmt: '2025-01-01' })));
    const pledge = { code: 'APBD-2026', sourceType: 'APBD', funder: 'Pemkab', fiscalYear: 2026, scope: 'ALL', budget: 37_800 };
    await keuangan.post('/api/v1/pledges').send(pledge).expect(201);
    await keuangan.post('/api/v1/allocations').send({ month: '2026-03' }).expect(201); // January uses the whole budget
    await keuangan.patch('/api/v1/pledges/APBD-2026').send({ budget: 10 * 37_800, reason: 'APBD-P: pagu ditambah' }).expect(200);

    const wb = await readWorkbook((await download((await t.as(Role.AUDITOR)).get('/api/v1/statements/pledges/APBD-2026.xlsx?year=2026'))).body);
    const summary = wb.getWorksheet('Ringkasan')!;
    // three participants a month, January to March: 9 of the 10 obligations the revised budget pays (April on: not allocated yet)
    expect(['Januari 2026', 'Februari 2026', 'Maret 2026'].map((m) => rowOf(summary, m).getCell(3).value)).toEqual([3 * 37_800, 3 * 37_800, 3 * 37_800]);
    expect(formula(rowOf(summary, 'Sisa komitmen').getCell(3)).result).toBe(37_800);
    const [march] = await t.dataSource.query(`SELECT status FROM allocation_month WHERE month = '2026-03'`);
    expect(march.status).toBe('CURRENT');
  });

  it('say in their header block, and in a header, which months were recomputed for the download; nothing when none was STALE', async () => {
    const auditor = await t.as(Role.AUDITOR);
    const line = 'Alokasi Januari 2026 s.d. Maret 2026 dihitung ulang saat unduhan ini dibuat (data berubah sesudah dihitung).';
    const head = (ws: ExcelJS.Worksheet) => [1, 2, 3, 4, 5, 6, 7, 8].map((r) => ws.getRow(r).getCell(1).value);
    // the line right under the title and its period line (a DRAF's notice rows may stand above the title)
    const saysIt = (ws: ExcelJS.Worksheet) => {
      const rows = head(ws);
      const at = rows.indexOf(line);
      return at > 0 && String(rows[at - 1]).includes('dibuat');
    };
    const [{ village_code: village }] = await t.dataSource.query(`SELECT village_code FROM participant LIMIT 1`);

    // nothing STALE since the test before: no line, an empty header
    const plain = await download(auditor.get('/api/v1/statements/pledges/APBD-2026.xlsx?year=2026'));
    expect(plain.headers['x-recomputed-months']).toBe('');
    expect(head((await readWorkbook(plain.body)).getWorksheet('Ringkasan')!)).not.toContain(line);

    await (await t.as(Role.KEUANGAN)).patch('/api/v1/pledges/APBD-2026').send({ budget: 9 * 37_800, reason: 'Pergeseran anggaran' }).expect(200);
    const village1 = await download(auditor.get(`/api/v1/statements/villages/${village}.xlsx?year=2026`));
    expect(village1.headers['x-recomputed-months']).toBe('2026-01,2026-02,2026-03');
    const wb = await readWorkbook(village1.body);
    // under the title and the period, on every sheet
    for (const name of ['Ringkasan', 'Peserta']) expect([name, saysIt(wb.getWorksheet(name)!)]).toEqual([name, true]);

    await (await t.as(Role.KEUANGAN)).patch('/api/v1/pledges/APBD-2026').send({ budget: 8 * 37_800, reason: 'Pergeseran anggaran 2' }).expect(200);
    const recap = await download(auditor.get('/api/v1/reports/year/2026.xlsx'));
    expect(recap.headers['x-recomputed-months']).toBe('2026-01,2026-02,2026-03');
    const recapBook = await readWorkbook(recap.body);
    for (const name of ['Per Pemberi Dana', 'Per Bulan', 'Keterangan']) expect([name, saysIt(recapBook.getWorksheet(name)!)]).toEqual([name, true]);
    // the next download recomputed nothing
    const after = await download(auditor.get(`/api/v1/statements/villages/${village}.xlsx?year=2026`));
    expect(after.headers['x-recomputed-months']).toBe('');
    expect(head((await readWorkbook(after.body)).getWorksheet('Ringkasan')!)).not.toContain(line);
  });
});
