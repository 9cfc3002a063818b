import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { ExportSplits } from '../../src/funding/use-cases/export-splits.use-case.js';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertParticipants, testNik } from './support/register.js';

/**
 * Register: 4 in village 17.03.06.2001 (TMT Jan..Apr 2025), 2 in 17.03.07.2001 (TMT Jan 2025).
 * Walk order (TMT, NIK): 1, 5, 6, 2, 3, 4. The province pays 40% (15120) for 3 a month: 1, 5, 6.
 * The village pays the rest of its residents: 22680 for 1, 37800 for 2, 3, 4. APBD pays 5 and 6
 * (22680 each = 45360 in January) up to a pagu of 75360: 30000 left for February, so 6 gets 7320
 * and keeps 15360 unfunded.
 */
describe('GET /api/v1/splits and /splits/summary: filters, paging, grouping', () => {
  let t: TestApp;
  let auditor: Awaited<ReturnType<TestApp['as']>>;
  beforeAll(async () => {
    t = await createTestApp();
    const keuangan = await t.as(Role.KEUANGAN);
    auditor = await t.as(Role.AUDITOR);
    await insertParticipants(t.dataSource, [
      ...[1, 2, 3, 4].map((i) => ({ nik: testNik(i), village: '17.03.06.2001', tmt: `2025-0${i}-01` })),
      ...[5, 6].map((i) => ({ nik: testNik(i), village: '17.03.07.2001', tmt: '2025-01-01' })),
      { nik: testNik(7), village: '17.03.07.2001', tmt: '2026-06-01' }, // registered, covered from June: no splits yet
    ]);
    const pledges = [
      { code: 'PROV-2026', sourceType: 'APBD_PROV', funder: 'Pemprov Bengkulu', scope: 'ALL', sharePercent: 40, quota: 3, priority: 5 },
      { code: 'DESA-1703062001-2026', sourceType: 'DESA', fund: 'ADD', funder: 'Desa', scope: 'VILLAGES', villageCodes: ['1703062001'] },
      { code: 'APBD-2026', sourceType: 'APBD', funder: 'Pemkab', scope: 'ALL', budget: 75_360 },
    ];
    for (const p of pledges) await keuangan.post('/api/v1/pledges').send({ ...p, fiscalYear: 2026 }).expect(201);
    await keuangan.post('/api/v1/allocations').send({ month: '2026-02' }).expect(201);
  });
  afterAll(() => t.close());

  it('lists the splits of a participant across months', async () => {
    const res = await auditor.get(`/api/v1/splits?nik=${testNik(1)}`).expect(200);
    expect(res.body.total).toBe(4);
    expect(res.body.items.map((s: { month: string; pledgeCode: string; amount: number }) => `${s.month} ${s.pledgeCode} ${s.amount}`)).toEqual([
      '2026-01 DESA-1703062001-2026 22680',
      '2026-01 PROV-2026 15120',
      '2026-02 DESA-1703062001-2026 22680',
      '2026-02 PROV-2026 15120',
    ]);
    expect(res.body.items[0]).toEqual({ nik: testNik(1), month: '2026-01', pledgeCode: 'DESA-1703062001-2026', sourceType: 'DESA', amount: 22680, pledgeRevision: 1 });
  });

  it('answers NIK lookups sent at once each with its own page, as if each were sent alone', async () => {
    const queries = [
      ...[1, 2, 3, 4, 5, 6].map((i) => `nik=${testNik(i)}`),
      `nik=${testNik(1)}`, // the same NIK twice in one batch
      `nik=${testNik(7)}`, // registered, no splits
      `nik=${testNik(1)}&page=2&pageSize=3`, // another page: a batch of its own
      `nik=${testNik(1)}&pageSize=1`, // a full page: the total is counted
    ];
    const alone = [];
    for (const q of queries) alone.push((await auditor.get(`/api/v1/splits?${q}`).expect(200)).body);
    const together = (await Promise.all(queries.map((q) => auditor.get(`/api/v1/splits?${q}`).expect(200)))).map((r) => r.body);
    expect(together).toEqual(alone);
    const [p1, , , , p5, p6, p1Again, unknown, p1Page2, p1First] = together;
    expect(p1.total).toBe(4);
    expect(p1Again).toEqual(p1);
    expect(p5.items.map((s: { month: string; pledgeCode: string; amount: number }) => `${s.month} ${s.pledgeCode} ${s.amount}`)).toEqual([
      '2026-01 APBD-2026 22680',
      '2026-01 PROV-2026 15120',
      '2026-02 APBD-2026 22680',
      '2026-02 PROV-2026 15120',
    ]);
    expect(p6.items.filter((s: { month: string }) => s.month === '2026-02').map((s: { amount: number }) => s.amount)).toEqual([7320, 15120]);
    expect(unknown).toEqual({ items: [], total: 0, warnings: [], recomputedMonths: [] });
    expect(p1Page2).toEqual({ total: 4, items: [p1.items[3]], warnings: [], recomputedMonths: [] });
    expect(p1First).toEqual({ total: 4, items: [p1.items[0]], warnings: [], recomputedMonths: [] });
  });

  it('filters by month, pledge, source type and village (dots optional), and pages', async () => {
    const count = async (query: string) => (await auditor.get(`/api/v1/splits?${query}`).expect(200)).body.total;
    expect(await count('month=2026-02')).toBe(3 + 4 + 2);
    expect(await count('month=2026-02&pledgeCode=APBD-2026')).toBe(2);
    expect(await count('month=2026-01&sourceType=APBD_PROV')).toBe(3);
    expect(await count('month=2026-01&villageCode=1703072001')).toBe(4);
    expect(await count('month=2026-01&villageCode=17.03.06.2001&sourceType=DESA')).toBe(4);
    const page2 = await auditor.get('/api/v1/splits?month=2026-01&page=2&pageSize=4').expect(200);
    expect(page2.body.total).toBe(9);
    expect(page2.body.items).toHaveLength(4);
    const page3 = await auditor.get('/api/v1/splits?month=2026-01&page=3&pageSize=4').expect(200);
    expect(page3.body).toMatchObject({ total: 9, items: [expect.objectContaining({ nik: testNik(6) })] });
  });

  it('refuses bad query values with Indonesian messages', async () => {
    const res = await auditor.get('/api/v1/splits?month=2026-13&nik=123&pageSize=5000').expect(400);
    expect(JSON.stringify(res.body.details)).toContain('YYYY-MM');
    expect(JSON.stringify(res.body.details)).toContain('16 digit');
    await auditor.get('/api/v1/splits/summary?month=2026-02&groupBy=kecamatan').expect(400);
    await (await t.as(Role.OPERATOR_DINKES)).get('/api/v1/splits').expect(403);
  });

  it('a month never allocated has no summary (404 NOT_ALLOCATED), not an UNFUNDED row of zero', async () => {
    for (const groupBy of ['pledge', 'village', 'sourceType']) {
      const res = await auditor.get(`/api/v1/splits/summary?month=2025-05&groupBy=${groupBy}`).expect(404);
      expect(res.body).toMatchObject({ code: 'NOT_ALLOCATED', details: { month: '2025-05' } });
      // said for a person (an auditor cannot run the allocation): no route (QA: "Jalankan alokasi (POST /api/v1/allocations)")
      expect(res.body.message).toBe(
        'Bulan Mei 2025 belum dialokasikan: belum ada pembagian dana untuk bulan itu. Alokasi dihitung otomatis tanggal 1 pukul 02.00 WIB, atau petugas keuangan dapat menjalankannya.',
      );
    }
  });

  it('a month never allocated has no list either (404 NOT_ALLOCATED), not an empty one that reads as "nobody funded" (QA)', async () => {
    for (const query of ['month=2025-10', `month=2025-10&nik=${testNik(1)}`, 'month=2025-10&pledgeCode=APBD-2026&page=2']) {
      const res = await auditor.get(`/api/v1/splits?${query}`).expect(404);
      expect(res.body).toMatchObject({ code: 'NOT_ALLOCATED', details: { month: '2025-10' } });
      expect(res.body.message).toMatch(/^Bulan Oktober 2025 belum dialokasikan: /);
      expect(res.body.message).not.toMatch(/\/api\//);
    }
    // an allocated month with nothing selected, or past its last page, is still an empty list
    expect((await auditor.get(`/api/v1/splits?month=2026-02&nik=${testNik(7)}`).expect(200)).body).toEqual({ items: [], total: 0, warnings: [], recomputedMonths: [] });
    expect((await auditor.get('/api/v1/splits?month=2026-02&page=99').expect(200)).body).toMatchObject({ items: [], total: 9 });
  });

  it('a pledge, NIK or village that does not exist is 404, not an empty list that reads as "nobody funded" (QA)', async () => {
    const wrongCase = await auditor.get('/api/v1/splits?pledgeCode=apbd-2026&month=2026-02').expect(404);
    expect(wrongCase.body).toMatchObject({ code: 'PLEDGE_NOT_FOUND', details: { code: 'apbd-2026', similar: 'APBD-2026' } });
    expect(wrongCase.body.message).toBe('Komitmen pendanaan "apbd-2026" tidak ditemukan. Maksudnya "APBD-2026"? Huruf besar/kecil pada kode komitmen dibedakan.');
    expect((await auditor.get('/api/v1/splits?pledgeCode=NOPE').expect(404)).body.message).toBe('Komitmen pendanaan "NOPE" tidak ditemukan.');
    // unknown NIKs, alone and batched with known ones: each answered on its own
    const [known, unknown] = await Promise.all([auditor.get(`/api/v1/splits?nik=${testNik(1)}`), auditor.get(`/api/v1/splits?nik=${testNik(99)}`)]);
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'PARTICIPANT_NOT_FOUND', message: `Peserta dengan NIK ${testNik(99)} tidak terdaftar.` });
    const village = await auditor.get('/api/v1/splits?villageCode=1703999999&month=2026-02').expect(404);
    expect(village.body).toMatchObject({ code: 'VILLAGE_NOT_FOUND', details: { code: '1703999999' } });
    expect(village.body.message).toMatch(/^Desa\/kelurahan dengan kode "1703999999" tidak ada di Kabupaten Bengkulu Utara\./);
    // a known pledge with nothing in the month stays an empty list
    expect((await auditor.get('/api/v1/splits?pledgeCode=APBD-2026&month=2026-02&villageCode=17.03.06.2001').expect(200)).body).toEqual({ items: [], total: 0, warnings: [], recomputedMonths: [] });
  });

  it('sums by pledge with an UNFUNDED row (partly funded participant-months included)', async () => {
    const res = await auditor.get('/api/v1/splits/summary?month=2026-02&groupBy=pledge').expect(200);
    expect(res.body).toEqual([
      { key: 'APBD-2026', participants: 2, amount: 30000, sourceType: 'APBD', warnings: [] },
      { key: 'DESA-1703062001-2026', participants: 4, amount: 22680 + 3 * 37800, sourceType: 'DESA', warnings: [] },
      { key: 'PROV-2026', participants: 3, amount: 3 * 15120, sourceType: 'APBD_PROV', warnings: [] },
      { key: 'UNFUNDED', participants: 1, amount: 15360 },
    ]);
  });

  it('sums by source type and by village', async () => {
    const bySource = await auditor.get('/api/v1/splits/summary?month=2026-02&groupBy=sourceType').expect(200);
    expect(bySource.body.map((r: { key: string; amount: number }) => [r.key, r.amount])).toEqual([
      ['APBD', 30000],
      ['APBD_PROV', 45360],
      ['DESA', 136080],
      ['UNFUNDED', 15360],
    ]);
    const byVillage = await auditor.get('/api/v1/splits/summary?month=2026-02&groupBy=village').expect(200);
    expect(byVillage.body).toEqual([
      expect.objectContaining({ key: '17.03.06.2001', participants: 4, amount: 4 * 37800, obligations: 4, obligationAmount: 4 * 37800, unfundedParticipants: 0, unfundedAmount: 0 }),
      expect.objectContaining({ key: '17.03.07.2001', participants: 2, amount: 2 * 37800 - 15360, obligations: 2, obligationAmount: 2 * 37800, unfundedParticipants: 1, unfundedAmount: 15360 }),
      { key: 'UNFUNDED', participants: 1, amount: 15360 },
    ]);
  });
  /**
   * GET /splits/export.xlsx (QA: the console's CSV of the list held NIKs as numbers, cut to 15 digits by
   * Excel): the list's rows for the same filters, NIKs in Text cells, rupiah as numbers, audited.
   */
  const binary = (res: any, cb: (err: Error | null, body: Buffer) => void) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  };
  const workbook = async (body: Buffer) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(body as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
    return wb;
  };
  // the reconciliation workbook's words (QA: this export said "Anggaran Desa" where a signed workbook said "APBDes")
  const SOURCE = { APBD: 'APBD Kabupaten', APBD_PROV: 'APBD Provinsi', DESA: 'APBDes' } as Record<string, string>;

  it('exports the rows the list gives for the same filters: NIKs as 16-digit text, amounts as numbers summing to the total, audited', async () => {
    for (const query of ['month=2026-02', `nik=${testNik(1)}`, 'month=2026-01&villageCode=17.03.06.2001&sourceType=DESA', 'pledgeCode=APBD-2026', '']) {
      const list = (await auditor.get(`/api/v1/splits?${query}&pageSize=1000`).expect(200)).body;
      const res = await auditor.get(`/api/v1/splits/export.xlsx?${query}`).buffer(true).parse(binary).expect(200);
      const wb = await workbook(res.body);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['Pembagian Iuran', 'Keterangan']);
      const ws = wb.getWorksheet('Pembagian Iuran')!;
      const rows = ws.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));
      expect(rows[0]).toEqual(['NIK', 'Bulan', 'Kode Komitmen', 'Sumber Dana', 'Revisi Komitmen', 'Jumlah (Rp)']);
      // Bulan: the month's 1st as a date, shown by its Indonesian name whatever the reader's locale (QA: "2026-11" here only)
      expect(rows.slice(1)).toEqual(list.items.map((s: any) => [s.nik, new Date(`${s.month}-01T00:00:00Z`), s.pledgeCode, SOURCE[s.sourceType], s.pledgeRevision, s.amount]));
      for (let r = 2; r <= ws.rowCount; r++) {
        expect(ws.getCell(r, 1).type).toBe(ExcelJS.ValueType.String);
        expect(ws.getCell(r, 1).value).toMatch(/^\d{16}$/);
        expect(ws.getCell(r, 6).type).toBe(ExcelJS.ValueType.Number);
        expect([ws.getCell(r, 2).type, ws.getCell(r, 2).numFmt]).toEqual([ExcelJS.ValueType.Date, '[$-421]mmmm yyyy']);
      }
      expect(ws.getColumn(1).numFmt).toBe('@');
      expect(ws.getCell('F2').numFmt).toBe('#,##0;[Red]-#,##0;0');
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter).toBe('A1:F1');
      const total = list.items.reduce((sum: number, s: { amount: number }) => sum + s.amount, 0);
      const notes = wb.getWorksheet('Keterangan')!;
      expect([notes.getCell('A3').value, notes.getCell('B3').value, notes.getCell('A4').value]).toEqual(['Jumlah baris', list.total, 'Total (Rp)']);
      // the total is a formula over the data sheet's Jumlah column, its value cached (§11; QA: a plain value)
      expect(notes.getCell('B4').value).toEqual(list.total ? { formula: `SUM('Pembagian Iuran'!F2:F${list.total + 1})`, result: total } : 0);
      const [event] = await t.dataSource.query(`SELECT action, entity, summary::jsonb AS summary FROM audit_event WHERE action = 'split.export' ORDER BY id DESC LIMIT 1`);
      expect(event).toEqual({ action: 'split.export', entity: 'split', summary: { filter: expect.any(Object), rows: list.total, amount: total } });
    }
    const month = await auditor.get('/api/v1/splits/export.xlsx?month=2026-01&villageCode=1703062001&sourceType=DESA').buffer(true).parse(binary).expect(200);
    expect(month.headers['content-disposition']).toMatch(/^attachment; filename="alokasi-2026-01-DESA-17\.03\.06\.2001-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    const notes = (await workbook(month.body)).getWorksheet('Keterangan')!;
    // months by name, as users read them (QA: bulan 2026-01)
    expect(notes.getCell('B2').value).toBe('bulan Januari 2026, sumber dana APBDes, desa Talang Jambu, Kec. Kerkap (17.03.06.2001)');
    const [event] = await t.dataSource.query(`SELECT summary::jsonb AS summary FROM audit_event WHERE action = 'split.export' ORDER BY id DESC LIMIT 1`);
    expect(event.summary).toEqual({ filter: { month: '2026-01', sourceType: 'DESA', villageCode: '17.03.06.2001' }, rows: 4, amount: 4 * 37800 - 15120 });
  });

  it('reads a month a page at a time and goes on to "Pembagian Iuran (2)" past a sheet\u2019s last row', async () => {
    const list = (await auditor.get('/api/v1/splits?pageSize=1000').expect(200)).body;
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise((resolve) => out.on('end', resolve));
    const workbookToWrite = await t.app.get(ExportSplits).prepare({}, 'uji-auditor', { sheetRows: 7, pageSize: 2 });
    await workbookToWrite.write(out);
    await done;
    const wb = await workbook(Buffer.concat(chunks));
    const parts = wb.worksheets.filter((w) => w.name.startsWith('Pembagian Iuran'));
    expect(parts.map((w) => w.name)).toEqual(['Pembagian Iuran', 'Pembagian Iuran (2)', 'Pembagian Iuran (3)']);
    const rows = parts.flatMap((w) => w.getSheetValues().slice(2).map((r) => (r as unknown[])[1]));
    expect(rows).toEqual(list.items.map((s: { nik: string }) => s.nik));
    expect(parts.map((w) => w.getCell('A1').value)).toEqual(['NIK', 'NIK', 'NIK']);
    // printed one page wide, the header on every page, numbered (QA: 550 pages, Revisi and Jumlah on pages of their own)
    for (const w of parts) {
      expect(w.pageSetup).toMatchObject({ printTitlesRow: '1:1', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 });
      expect(w.headerFooter.oddFooter).toContain('Halaman &P dari &N');
    }
    // the note says what the cells are (QA: "Bulan (YYYY-MM) ditulis sebagai teks", where Bulan is a date cell)
    const catatan = wb.getWorksheet('Keterangan')!.getColumn(1).values.indexOf('Catatan');
    expect(wb.getWorksheet('Keterangan')!.getCell(catatan, 2).value).toMatch(/NIK ditulis sebagai teks, agar tetap 16 digit; Bulan sebagai tanggal yang ditampilkan dengan nama bulan/);
    // the total sums every part
    const total = list.items.reduce((sum: number, s: { amount: number }) => sum + s.amount, 0);
    const last = list.total - 14 + 1;
    expect(wb.getWorksheet('Keterangan')!.getCell('B4').value).toEqual({
      formula: `SUM('Pembagian Iuran'!F2:F8)+SUM('Pembagian Iuran (2)'!F2:F8)+SUM('Pembagian Iuran (3)'!F2:F${last})`,
      result: total,
    });
  });

  it("a Dana Desa pledge's splits carry its §5 warning on Keterangan, above the filters, by the revision they used (QA: none in this export)", async () => {
    // the terms the splits were allocated under say Dana Desa (the pledge as it is now does not: the revision's terms count)
    const revision = `jsonb_set(data, '{fund}', to_jsonb($1::text))`;
    await t.dataSource.query(`UPDATE pledge_revision SET data = ${revision} WHERE code = 'DESA-1703062001-2026'`, ['DANA_DESA']);
    try {
      const res = await auditor.get('/api/v1/splits/export.xlsx?month=2026-01&sourceType=DESA').buffer(true).parse(binary).expect(200);
      const notes = (await workbook(res.body)).getWorksheet('Keterangan')!;
      expect(notes.getCell('A2').value).toBe('Peringatan');
      expect(notes.getCell('B2').value).toMatch(/^Komitmen DESA-1703062001-2026 memakai Dana Desa untuk iuran PBI tahun 2026\. Sejak 2024 Dana Desa tidak boleh/);
      expect(notes.getCell('A3').value).toBe('Saringan');
      // a file without that pledge's splits says nothing of it
      const apbd = await auditor.get('/api/v1/splits/export.xlsx?month=2026-01&sourceType=APBD').buffer(true).parse(binary).expect(200);
      expect((await workbook(apbd.body)).getWorksheet('Keterangan')!.getCell('A2').value).toBe('Saringan');
    } finally {
      await t.dataSource.query(`UPDATE pledge_revision SET data = ${revision} WHERE code = 'DESA-1703062001-2026'`, ['ADD']);
    }
  });

  it('refuses a filter as the list does (the same 400s and 404s), and the operator', async () => {
    const queries = ['month=2026-13&nik=123', 'month=2025-10', 'pledgeCode=apbd-2026&month=2026-02', 'pledgeCode=NOPE', `nik=${testNik(99)}`, 'villageCode=1703999999&month=2026-02', 'sourceType=BOS', 'page=2'];
    for (const query of queries) {
      const list = await auditor.get(`/api/v1/splits?${query}`);
      const file = await auditor.get(`/api/v1/splits/export.xlsx?${query}`);
      if (query === 'page=2') {
        expect(file.status).toBe(400); // no paging: the whole selection
        continue;
      }
      expect([file.status, file.body]).toEqual([list.status, list.body]);
      expect(file.status).toBeGreaterThanOrEqual(400);
    }
    await (await t.as(Role.OPERATOR_DINKES)).get('/api/v1/splits/export.xlsx?month=2026-02').expect(403);
  });

  /**
   * A range of months (`from`–`to`, a quarter, a semester, a year) instead of `month`: January and February
   * allocated, March never. By hand (see the register above): January, PROV 3 × 15120, DESA 22680 + 3 × 37800,
   * APBD 2 × 22680; February the same but APBD 22680 + 7320 and 15360 unfunded (participant 6).
   */
  const RANGE = 'from=2026-01&to=2026-03';

  it('a range sums its allocated months: distinct participants, participant-months, the months summed and those not allocated', async () => {
    const byPledge = (await auditor.get(`/api/v1/splits/summary?${RANGE}&groupBy=pledge`).expect(200)).body;
    expect(byPledge).toEqual([
      { key: 'APBD-2026', participants: 2, participantMonths: 4, amount: 2 * 22680 + 22680 + 7320, sourceType: 'APBD', warnings: [] },
      { key: 'DESA-1703062001-2026', participants: 4, participantMonths: 8, amount: 2 * (22680 + 3 * 37800), sourceType: 'DESA', warnings: [] },
      { key: 'PROV-2026', participants: 3, participantMonths: 6, amount: 6 * 15120, sourceType: 'APBD_PROV', warnings: [] },
      { key: 'UNFUNDED', participants: 1, participantMonths: 1, amount: 15360, months: ['2026-01', '2026-02'], monthsNotAllocated: ['2026-03'] },
    ]);
    const bySource = (await auditor.get(`/api/v1/splits/summary?${RANGE}&groupBy=sourceType`).expect(200)).body;
    expect(bySource).toEqual([
      { key: 'APBD', participants: 2, participantMonths: 4, splits: 4, amount: 75360, warnings: [] },
      { key: 'APBD_PROV', participants: 3, participantMonths: 6, splits: 6, amount: 90720, warnings: [] },
      { key: 'DESA', participants: 4, participantMonths: 8, splits: 8, amount: 272160, warnings: [] },
      { key: 'UNFUNDED', participants: 1, participantMonths: 1, amount: 15360, months: ['2026-01', '2026-02'], monthsNotAllocated: ['2026-03'] },
    ]);
    // by village too, people and participant-months (QA: only participant-months, under `participants`)
    const byVillage = (await auditor.get(`/api/v1/splits/summary?${RANGE}&groupBy=village`).expect(200)).body;
    expect(byVillage.slice(0, 2)).toEqual([
      {
        key: '17.03.06.2001',
        name: 'Talang Jambu',
        participants: 4,
        participantMonths: 8,
        amount: 8 * 37800,
        obligations: 8,
        obligationAmount: 8 * 37800,
        unfundedParticipants: 0,
        unfundedParticipantMonths: 0,
        unfundedAmount: 0,
        warnings: [],
      },
      expect.objectContaining({
        key: '17.03.07.2001',
        participants: 2,
        participantMonths: 4,
        amount: 4 * 37800 - 15360,
        obligations: 4,
        obligationAmount: 4 * 37800,
        unfundedParticipants: 1,
        unfundedParticipantMonths: 1,
        unfundedAmount: 15360,
      }),
    ]);
    // each month's summary adds up to the range's (a range of one month: the month's figures)
    const january = (await auditor.get('/api/v1/splits/summary?month=2026-01&groupBy=pledge').expect(200)).body;
    const february = (await auditor.get('/api/v1/splits/summary?month=2026-02&groupBy=pledge').expect(200)).body;
    expect(byPledge.map((r: { amount: number }) => r.amount)).toEqual(january.map((r: { amount: number }, k: number) => r.amount + february[k].amount));
    const one = (await auditor.get('/api/v1/splits/summary?from=2026-02&to=2026-02&groupBy=pledge').expect(200)).body;
    expect(one.map(({ key, participants, amount }: { key: string; participants: number; amount: number }) => ({ key, participants, amount }))).toEqual(
      february.map(({ key, participants, amount }: { key: string; participants: number; amount: number }) => ({ key, participants, amount })),
    );
  });

  it('lists and exports the splits of a range, month by month, as the list of each month gives them', async () => {
    const january = (await auditor.get('/api/v1/splits?month=2026-01&pageSize=1000').expect(200)).body;
    const february = (await auditor.get('/api/v1/splits?month=2026-02&pageSize=1000').expect(200)).body;
    const range = (await auditor.get(`/api/v1/splits?${RANGE}&pageSize=1000`).expect(200)).body;
    // March was never allocated: the answer says so (QA: silent), as the summary's monthsNotAllocated does
    expect(range).toEqual({ total: 18, items: [...january.items, ...february.items], warnings: [], monthsNotAllocated: ['2026-03'], recomputedMonths: [] });
    expect((await auditor.get(`/api/v1/splits?${RANGE}&pageSize=5&page=2`).expect(200)).body).toEqual({ total: 18, items: range.items.slice(5, 10), warnings: [], monthsNotAllocated: ['2026-03'], recomputedMonths: [] });
    expect((await auditor.get('/api/v1/splits?from=2026-01&to=2026-02').expect(200)).body.monthsNotAllocated).toEqual([]);
    expect((await auditor.get('/api/v1/splits?month=2026-01').expect(200)).body).not.toHaveProperty('monthsNotAllocated');
    expect((await auditor.get(`/api/v1/splits?${RANGE}&pledgeCode=APBD-2026`).expect(200)).body.items.map((s: { amount: number }) => s.amount)).toEqual([22680, 22680, 22680, 7320]);
    expect((await auditor.get(`/api/v1/splits?from=2026-02&to=2026-04&nik=${testNik(6)}`).expect(200)).body.items.map((s: { month: string; amount: number }) => `${s.month} ${s.amount}`)).toEqual(['2026-02 7320', '2026-02 15120']);
    // a range with nothing selected is an empty list, as an allocated month is
    expect((await auditor.get(`/api/v1/splits?${RANGE}&nik=${testNik(7)}`).expect(200)).body).toEqual({ items: [], total: 0, warnings: [], monthsNotAllocated: ['2026-03'], recomputedMonths: [] });

    const res = await auditor.get(`/api/v1/splits/export.xlsx?${RANGE}&sourceType=APBD`).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="alokasi-2026-01-sd-2026-03-APBD-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    const wb = await workbook(res.body);
    const rows = wb.getWorksheet('Pembagian Iuran')!.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1));
    expect(rows.map((r) => `${(r[1] as Date).toISOString().slice(0, 7)} ${r[5]}`)).toEqual(['2026-01 22680', '2026-01 22680', '2026-02 22680', '2026-02 7320']);
    const notes = wb.getWorksheet('Keterangan')!;
    expect(notes.getCell('B2').value).toBe('bulan Januari 2026 s.d. Maret 2026, sumber dana APBD Kabupaten');
    expect([notes.getCell('B3').value, notes.getCell('B4').value]).toEqual([4, { formula: "SUM('Pembagian Iuran'!F2:F5)", result: 75360 }]);
    expect([notes.getCell('A6').value, notes.getCell('B6').value]).toEqual(['Belum dialokasikan', 'Maret 2026: tidak ada pembagian iuran untuk bulan itu dalam berkas ini.']);
    const [event] = await t.dataSource.query(`SELECT summary::jsonb AS summary FROM audit_event WHERE action = 'split.export' ORDER BY id DESC LIMIT 1`);
    expect(event.summary).toEqual({ filter: { from: '2026-01', to: '2026-03', sourceType: 'APBD' }, rows: 4, amount: 75360 });
    // a range of one month is said as that month
    const oneMonth = await auditor.get('/api/v1/splits/export.xlsx?from=2026-02&to=2026-02').buffer(true).parse(binary).expect(200);
    expect((await workbook(oneMonth.body)).getWorksheet('Keterangan')!.getCell('B2').value).toBe('bulan Februari 2026');
  });

  it('a range none of whose months is allocated is 404 NOT_ALLOCATED, on the list, the workbook and the summary', async () => {
    for (const url of ['/api/v1/splits?from=2025-10&to=2025-12', '/api/v1/splits/export.xlsx?from=2025-10&to=2025-12', '/api/v1/splits/summary?from=2025-10&to=2025-12&groupBy=village']) {
      const res = await auditor.get(url).expect(404);
      expect(res.body).toEqual({
        statusCode: 404,
        code: 'NOT_ALLOCATED',
        message: 'Oktober 2025 s.d. Desember 2025 belum dialokasikan: belum ada pembagian dana untuk satu bulan pun di rentang itu. Alokasi dihitung otomatis tanggal 1 pukul 02.00 WIB, atau petugas keuangan dapat menjalankannya.',
        details: { from: '2025-10', to: '2025-12' },
      });
    }
  });

  it('refuses month with from/to, one end alone, from after to, more than 12 months and a malformed month, naming the field', async () => {
    const said = async (url: string) => {
      const res = await auditor.get(url).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', message: 'Data yang dikirim tidak valid.' });
      return res.body.details;
    };
    const both = [{ field: 'month', messages: ['month tidak dapat dipakai bersama from/to: kirim month untuk satu bulan, atau from dan to untuk rentang bulan, tidak keduanya.'] }];
    for (const route of ['/api/v1/splits', '/api/v1/splits/export.xlsx', '/api/v1/splits/summary']) {
      expect(await said(`${route}?month=2026-02&from=2026-01&to=2026-03`)).toEqual(both);
      expect(await said(`${route}?from=2026-01`)).toEqual([{ field: 'to', messages: ['to wajib diisi bersama from: rentang bulan perlu bulan awal dan bulan akhir (misalnya 2026-01 sampai 2026-03).'] }]);
      expect(await said(`${route}?to=2026-03`)).toEqual([{ field: 'from', messages: ['from wajib diisi bersama to: rentang bulan perlu bulan awal dan bulan akhir (misalnya 2026-01 sampai 2026-03).'] }]);
      expect(await said(`${route}?from=2026-03&to=2026-01`)).toEqual([{ field: 'to', messages: ['to (2026-01) tidak boleh sebelum bulan awal rentang (2026-03): pilih bulan akhir yang sama dengan bulan awal atau sesudahnya.'] }]);
      expect(await said(`${route}?from=2026-01&to=2027-03`)).toEqual([
        { field: 'to', messages: ['rentang bulan paling panjang 12 bulan: 2026-01 sampai 2027-03 adalah 15 bulan. Pilih paling lama satu tahun, misalnya Januari sampai Desember.'] },
      ]);
      expect(await said(`${route}?from=2026-1&to=2026-13`)).toEqual([
        { field: 'from', messages: ['from harus berformat YYYY-MM dengan tahun 2000–2099, misalnya 2026-01'] },
        { field: 'to', messages: ['to harus berformat YYYY-MM dengan tahun 2000–2099, misalnya 2026-03'] },
      ]);
      expect(await said(`${route}?from=&to=2026-03`)).toEqual([
        { field: 'from', messages: ['from tidak boleh kosong: hapus parameter itu bila tidak memakai rentang bulan (from dan to dipakai bersama), atau isi bulan awalnya (YYYY-MM, mis. 2026-01).'] },
      ]);
      // an empty month beside a range is refused as every empty parameter is, the same on the three routes (QA: the summary read it as left out)
      for (const empty of ['', '%20']) {
        expect([route, await said(`${route}?month=${empty}&from=2026-01&to=2026-03`)]).toEqual([route, [{ field: 'month', messages: ['month tidak boleh kosong: hapus parameter itu atau isi bulannya (YYYY-MM, mis. 2026-08).'] }]]);
      }
    }
    // twelve months across a year end are one range
    expect((await auditor.get('/api/v1/splits?from=2025-07&to=2026-06&pageSize=1').expect(200)).body.total).toBe(18);
    // the summary without month or range is still told month is required
    expect(await said('/api/v1/splits/summary?groupBy=pledge')).toEqual([{ field: 'month', messages: ['month wajib diisi (format YYYY-MM, mis. 2026-08).'] }]);
  });

  it('a STALE month of the range is recomputed before it is read, as a month asked alone is', async () => {
    const keuangan = await t.as(Role.KEUANGAN);
    // APBD-P: the pagu up to 4 × 22680, so participant 6 is paid in full in February too
    await keuangan.patch('/api/v1/pledges/APBD-2026').send({ budget: 90_720, reason: 'uji: APBD-P menambah pagu' }).expect(200);
    expect(await t.dataSource.query(`SELECT month, status FROM allocation_month ORDER BY month`)).toEqual([
      { month: '2026-01', status: 'STALE' },
      { month: '2026-02', status: 'STALE' },
    ]);
    const byPledge = (await auditor.get(`/api/v1/splits/summary?${RANGE}&groupBy=pledge`).expect(200)).body;
    expect(byPledge.map((r: { key: string; participantMonths: number; amount: number }) => [r.key, r.participantMonths, r.amount])).toEqual([
      ['APBD-2026', 4, 4 * 22680],
      ['DESA-1703062001-2026', 8, 2 * (22680 + 3 * 37800)],
      ['PROV-2026', 6, 6 * 15120],
      ['UNFUNDED', 0, 0],
    ]);
    expect(await t.dataSource.query(`SELECT month, status FROM allocation_month ORDER BY month`)).toEqual([
      { month: '2026-01', status: 'CURRENT' },
      { month: '2026-02', status: 'CURRENT' },
    ]);
    // the recompute says the read it was for: the range, in `asked` too (QA: null, as for a read of every month)
    const recomputed = async () =>
      ((await auditor.get('/api/v1/audit-events?entity=allocation&pageSize=2').expect(200)).body.items as { entityId: string; summary: string }[])
        .map((e) => ({ entityId: e.entityId, summary: JSON.parse(e.summary) }))
        .reverse();
    const why = 'alokasi sudah tidak berlaku (data berubah sesudah dihitung): dihitung ulang sebelum pembacaan Januari 2026 s.d. Maret 2026';
    expect(await recomputed()).toEqual(['2026-01', '2026-02'].map((month) => ({ entityId: month, summary: { month, asked: '2026-01..2026-03', why } })));
    // the list of the range, made STALE again, reads the recomputed February as well, and says so alike
    await keuangan.patch('/api/v1/pledges/APBD-2026').send({ budget: 75_360, reason: 'uji: pagu semula' }).expect(200);
    const list = (await auditor.get(`/api/v1/splits?${RANGE}&nik=${testNik(6)}&pledgeCode=APBD-2026`).expect(200)).body;
    expect(list.items.map((s: { amount: number }) => s.amount)).toEqual([22680, 7320]);
    expect(list.recomputedMonths).toEqual(['2026-01', '2026-02']);
    expect(await recomputed()).toEqual(['2026-01', '2026-02'].map((month) => ({ entityId: month, summary: { month, asked: '2026-01..2026-03', why } })));
  });

  it('a range counts people once and participant-months apart, by village and on the UNFUNDED row too (QA: participant-months only)', async () => {
    const keuangan = await t.as(Role.KEUANGAN);
    // a pagu of 30000: January pays 5 in full and 6 with 7320; February pays neither (5 and 6 owed 22680 each)
    await keuangan.patch('/api/v1/pledges/APBD-2026').send({ budget: 30_000, reason: 'uji: pagu dipotong' }).expect(200);
    try {
      const unfunded = 15360 + 2 * 22680;
      const byVillage = (await auditor.get(`/api/v1/splits/summary?${RANGE}&groupBy=village`).expect(200)).body;
      expect(byVillage.find((r: { key: string }) => r.key === '17.03.07.2001')).toEqual({
        key: '17.03.07.2001',
        name: expect.any(String),
        participants: 2,
        participantMonths: 4,
        amount: 4 * 37800 - unfunded,
        obligations: 4,
        obligationAmount: 4 * 37800,
        unfundedParticipants: 2,
        unfundedParticipantMonths: 3,
        unfundedAmount: unfunded,
        warnings: [],
      });
      const UNFUNDED = { key: 'UNFUNDED', participants: 2, participantMonths: 3, amount: unfunded, months: ['2026-01', '2026-02'], monthsNotAllocated: ['2026-03'] };
      for (const groupBy of ['village', 'pledge', 'sourceType']) {
        const rows = (await auditor.get(`/api/v1/splits/summary?${RANGE}&groupBy=${groupBy}`).expect(200)).body;
        expect(rows[rows.length - 1]).toEqual(UNFUNDED);
      }
      // one month's rows are unchanged: participants only (one month, each person once)
      const february = (await auditor.get('/api/v1/splits/summary?month=2026-02&groupBy=village').expect(200)).body;
      expect(february[february.length - 1]).toEqual({ key: 'UNFUNDED', participants: 2, amount: 2 * 22680 });
      expect(february.find((r: { key: string }) => r.key === '17.03.07.2001')).not.toHaveProperty('unfundedParticipantMonths');
    } finally {
      await keuangan.patch('/api/v1/pledges/APBD-2026').send({ budget: 75_360, reason: 'uji: pagu semula' }).expect(200);
    }
  });
  it('an export that recomputed STALE months says so: in its header and on its Keterangan sheet; the next export says nothing', async () => {
    const keuangan = await t.as(Role.KEUANGAN);
    const said = async () => {
      const res = await auditor.get('/api/v1/splits/export.xlsx?month=2026-01').buffer(true).parse(binary).expect(200);
      const notes = (await workbook(res.body)).getWorksheet('Keterangan')!;
      const row = notes.getColumn(1).values.indexOf('Dihitung ulang');
      return [res.headers['x-recomputed-months'], row > 0 ? notes.getCell(row, 2).value : null];
    };
    await keuangan.patch('/api/v1/pledges/APBD-2026').send({ budget: 75_361, reason: 'uji: pagu berubah' }).expect(200);
    try {
      expect(await said()).toEqual(['2026-01,2026-02', 'Alokasi Januari 2026 s.d. Februari 2026 dihitung ulang saat unduhan ini dibuat (data berubah sesudah dihitung).']);
      expect(await said()).toEqual(['', null]);
    } finally {
      await keuangan.patch('/api/v1/pledges/APBD-2026').send({ budget: 75_360, reason: 'uji: pagu semula' }).expect(200);
    }
  });
  it('a HEAD request on a download gets its headers, no file, and is not audited as an export (QA: a link checker left exports in the trail)', async () => {
    const exports = async (entity: string) => (await auditor.get(`/api/v1/audit-events?entity=${entity}&pageSize=100`).expect(200)).body.total as number;
    const before = [await exports('split'), await exports('report')];
    for (const path of ['/api/v1/splits/export.xlsx?month=2026-01', '/api/v1/reports/year/2026.xlsx', '/api/v1/statements/villages/17.03.06.2001.xlsx?month=2026-01']) {
      const res = await auditor.head(path).expect(200);
      expect([res.headers['content-type'], res.headers['content-disposition'], res.text ?? '']).toEqual([
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        expect.stringMatching(/^attachment; filename=".+\.xlsx"$/),
        '',
      ]);
    }
    expect([await exports('split'), await exports('report')]).toEqual(before);
    // a GET still is
    await auditor.get('/api/v1/splits/export.xlsx?month=2026-01').buffer(true).parse(binary).expect(200);
    await auditor.get('/api/v1/statements/villages/17.03.06.2001.xlsx?month=2026-01').buffer(true).parse(binary).expect(200);
    expect([await exports('split'), await exports('report')]).toEqual([before[0] + 1, before[1] + 1]);
  });
});
