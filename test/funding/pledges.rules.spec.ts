import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { closeMonth, insertParticipants, testNik } from './support/register.js';

const danaDesa = {
  code: 'DESA-1703062001-2026',
  sourceType: 'DESA',
  fund: 'DANA_DESA',
  funder: 'Pemerintah Desa Lubuk Durian',
  fiscalYear: 2026,
  scope: 'VILLAGES',
  villageCodes: ['1703062001'],
};

describe('§5: a DESA pledge paid from Dana Desa from 2024 on is accepted with a warning carried into every output', () => {
  let t: TestApp;
  let keuangan: Awaited<ReturnType<TestApp['as']>>;
  beforeAll(async () => {
    t = await createTestApp();
    keuangan = await t.as(Role.KEUANGAN);
    await insertParticipants(t.dataSource, [{ nik: testNik(1), village: '17.03.06.2001' }, { nik: testNik(2), village: '17.03.07.2001' }]);
  });
  afterAll(() => t.close());

  it('returns the warning on the pledge, citing SE Kemendesa 4/PRI.00/I/2024', async () => {
    const res = await keuangan.post('/api/v1/pledges').send(danaDesa).expect(201);
    expect(res.body.warnings).toEqual([{ code: 'DANA_DESA_PBI', pledgeCode: danaDesa.code, message: expect.stringContaining('4/PRI.00/I/2024') }]);
    expect((await keuangan.get(`/api/v1/pledges/${danaDesa.code}`).expect(200)).body.warnings).toHaveLength(1);
  });

  it('no warning for ADD, or for Dana Desa before 2024', async () => {
    const add = await keuangan.post('/api/v1/pledges').send({ ...danaDesa, code: 'DESA-ADD-2026', fund: 'ADD' }).expect(201);
    expect(add.body.warnings).toEqual([]);
    const old = await keuangan.post('/api/v1/pledges').send({ ...danaDesa, code: 'DESA-DD-2023', fiscalYear: 2023 }).expect(201);
    expect(old.body.warnings).toEqual([]);
  });

  it('carries the warning into the allocation summary and the splits summary by pledge', async () => {
    const allocation = await keuangan.post('/api/v1/allocations').send({ month: '2026-01' }).expect(201);
    expect(allocation.body.funded).toEqual([{ pledgeCode: 'DESA-1703062001-2026', sourceType: 'DESA', participants: 1, amount: 37800 }]);
    expect(allocation.body.warnings.map((w: { pledgeCode: string }) => w.pledgeCode)).toEqual([danaDesa.code]);
    const summary = await keuangan.get('/api/v1/splits/summary?month=2026-01&groupBy=pledge').expect(200);
    expect(summary.body).toEqual([
      { key: danaDesa.code, participants: 1, amount: 37800, sourceType: 'DESA', warnings: [expect.objectContaining({ code: 'DANA_DESA_PBI' })] },
      { key: 'UNFUNDED', participants: 1, amount: 37800 },
    ]);
  });

  it('GET /splits names the warning once, beside items and total, for the pledges its page uses (QA: no warning on the splits)', async () => {
    const warning = (await keuangan.get(`/api/v1/pledges/${danaDesa.code}`).expect(200)).body.warnings;
    const split = { nik: testNik(1), month: '2026-01', pledgeCode: danaDesa.code, sourceType: 'DESA', amount: 37800, pledgeRevision: 1 };
    expect((await keuangan.get(`/api/v1/splits?pledgeCode=${danaDesa.code}`).expect(200)).body).toEqual({ items: [split], total: 1, warnings: warning, recomputedMonths: [] });
    // the NIK lookup (batched) says the same; a page without that pledge's splits says nothing
    expect((await keuangan.get(`/api/v1/splits?nik=${testNik(1)}`).expect(200)).body).toEqual({ items: [split], total: 1, warnings: warning, recomputedMonths: [] });
    expect((await keuangan.get(`/api/v1/splits?nik=${testNik(2)}`).expect(200)).body).toEqual({ items: [], total: 0, warnings: [], recomputedMonths: [] });
  });

  it('GET /splits/summary carries it on every grouping, a month or a range: the DESA row, the village paid (QA: none by source type)', async () => {
    const warning = (await keuangan.get(`/api/v1/pledges/${danaDesa.code}`).expect(200)).body.warnings;
    type Row = { key: string; warnings?: unknown[] };
    for (const period of ['month=2026-01', 'from=2026-01&to=2026-03']) {
      const summary = async (groupBy: string): Promise<Row[]> => (await keuangan.get(`/api/v1/splits/summary?${period}&groupBy=${groupBy}`).expect(200)).body;
      const warningsOf = (rows: Row[]) => Object.fromEntries(rows.map((r) => [r.key, r.warnings]));
      expect(warningsOf(await summary('pledge'))).toEqual({ [danaDesa.code]: warning, UNFUNDED: undefined });
      expect(warningsOf(await summary('sourceType'))).toEqual({ DESA: warning, UNFUNDED: undefined });
      expect(warningsOf(await summary('village'))).toEqual({ '17.03.06.2001': warning, '17.03.07.2001': [], UNFUNDED: undefined });
    }
  });
});

/**
 * QA: a legal basis of 5,000 characters was told "legalBasis harus teks (maksimal 500 karakter)",
 * though it was text. A text over its limit is now told its length and the limit, as a register's
 * NAMA is (`terlalu panjang (N karakter, paling banyak M)`), in the API and in the pledge sheet.
 */
describe('a text over its limit is told how long it is and the limit', () => {
  let t: TestApp;
  let keuangan: Awaited<ReturnType<TestApp['as']>>;
  beforeAll(async () => {
    t = await createTestApp();
    keuangan = await t.as(Role.KEUANGAN);
  });
  afterAll(() => t?.close());

  const base = { code: 'APBD-2026', sourceType: 'APBD', funder: 'Pemkab', fiscalYear: 2026, scope: 'ALL' };
  const problems = (res: { body: { details: { field: string; messages: string[] }[] } }) => Object.fromEntries(res.body.details.map((d) => [d.field, d.messages]));

  it('POST /pledges: legalBasis, funder and code; a legal basis of the wrong kind is still told its kind', async () => {
    const res = await keuangan.post('/api/v1/pledges').send({ ...base, code: 'K'.repeat(81), funder: 'F'.repeat(201), legalBasis: 'x'.repeat(5000) }).expect(400);
    expect(problems(res)).toEqual({
      code: ['code terlalu panjang (81 karakter, paling banyak 80).'],
      funder: ['funder terlalu panjang (201 karakter, paling banyak 200).'],
      legalBasis: ['legalBasis terlalu panjang (5000 karakter, paling banyak 500).'],
    });
    expect(problems(await keuangan.post('/api/v1/pledges').send({ ...base, legalBasis: 5 }).expect(400))).toEqual({ legalBasis: ['legalBasis harus berupa teks, bukan angka.'] });
    await keuangan.post('/api/v1/pledges').send({ ...base, legalBasis: 'x'.repeat(500) }).expect(201);
  });

  it('a DTO route (a payment reference) and the pledge sheet (DASAR_HUKUM) say it the same way', async () => {
    const payment = await keuangan.post('/api/v1/payments').send({ pledgeCode: 'APBD-2026', month: '2026-06', amount: 1, paidAt: '2026-11-10', reference: 'R'.repeat(250) }).expect(400);
    expect(problems(payment).reference).toEqual(['reference terlalu panjang (250 karakter, paling banyak 200)']);
    const csv = `KODE,SUMBER,PEMBERI_DANA,TAHUN,CAKUPAN,DASAR_HUKUM\nQA-2027,APBD,Pemkab,2027,ALL,${'x'.repeat(5000)}\n`;
    const res = await keuangan.post('/api/v1/pledge-uploads').attach('file', Buffer.from(csv), 'panjang.csv').expect(201);
    expect(res.body).toMatchObject({ accepted: 0, rejected: 1 });
    expect(res.body.issues).toEqual([{ sheet: 'Komitmen', rowNumber: 2, column: 'DASAR_HUKUM', message: 'DASAR_HUKUM terlalu panjang (5000 karakter, paling banyak 500).' }]);
  });
});

/**
 * A pledge of a fiscal year with no open month left (its December finalized: every month finalized or frozen) is refused
 * saying so plainly, with the one correction left (QA: "atur bulan awal dan akhirnya agar mencakup bulan yang belum
 * difinalisasi", impossible for a 2026 pledge in 2027).
 */
const apbd = { code: 'APBD-2025', sourceType: 'APBD', funder: 'Pemkab', fiscalYear: 2025, scope: 'ALL', toMonth: 6 };
const CORRECTION = 'Koreksi uang untuk tahun itu dicatat sebagai pembayaran penyesuaian pada bulan yang masih terbuka ("Koreksi untuk bulan" pada formulir Pembayaran, atau kolom KOREKSI_UNTUK_BULAN pada lembar pembayaran).';

describe('pledges of a fiscal year whose every month is finalized', () => {
  let t: TestApp;
  let keuangan: Awaited<ReturnType<TestApp['as']>>;
  beforeAll(async () => {
    t = await createTestApp();
    keuangan = await t.as(Role.KEUANGAN);
    await keuangan.post('/api/v1/pledges').send(apbd).expect(201);
    await closeMonth(t.dataSource, '2025-11');
  });
  afterAll(() => t.close());

  it('while December is open, a revision is told to reach open months (as before)', async () => {
    const res = await keuangan.patch('/api/v1/pledges/APBD-2025').send({ budget: 1000, reason: 'APBD-P' }).expect(409);
    expect(res.body.message).toMatch(/Catat koreksi pada bulan yang masih terbuka\.$/);
  });

  it('once December is finalized, a revision and a new pledge of that year are told the year is closed', async () => {
    await closeMonth(t.dataSource, '2025-12');
    const revised = await keuangan.patch('/api/v1/pledges/APBD-2025').send({ toMonth: 12, reason: 'APBD-P' }).expect(409);
    expect(revised.body).toMatchObject({
      code: 'MONTH_CLOSED',
      message: `Semua bulan tahun anggaran 2025 sudah difinalisasi (Desember 2025 sudah difinalisasi, bulan-bulan sebelumnya ikut dibekukan): komitmen APBD-2025 tidak dapat diubah lagi. ${CORRECTION}`,
      details: { month: '2025-12', fiscalYear: 2025 },
    });
    const created = await keuangan.post('/api/v1/pledges').send({ ...apbd, code: 'APBD-2025-B' }).expect(409);
    expect(created.body.message).toBe(
      `Semua bulan tahun anggaran 2025 sudah difinalisasi (Desember 2025 sudah difinalisasi, bulan-bulan sebelumnya ikut dibekukan): komitmen APBD-2025-B tidak dapat dicatat untuk tahun itu. ${CORRECTION}`,
    );
  });
});

/**
 * QA: a pledge sheet saved a second province pledge for 2027 (a row entered twice under another code), unwarned, and
 * the projection counted money that does not exist. A pledge of the same funding in the same months is now told:
 * the regency's or the province's budget, or a village's fund over one of the same villages. Accepted, not refused.
 */
const A = '17.03.06.2001';
const B = '17.03.06.2002';

describe('pledge warning SAME_FUNDING_TWICE', () => {
  let t: TestApp;
  let finance: Awaited<ReturnType<TestApp['as']>>;
  const codes = (res: { body: { warnings: { code: string }[] } }) => res.body.warnings.map((w) => w.code);
  beforeAll(async () => {
    t = await createTestApp();
    finance = await t.as(Role.KEUANGAN);
  });
  afterAll(() => t.close());

  it('tells a second province pledge in the same months, naming the first and what to do', async () => {
    const province = { sourceType: 'APBD_PROV', funder: 'Pemprov Bengkulu', fiscalYear: 2027, scope: 'ALL', sharePercent: 40, quota: 1200 };
    expect(codes(await finance.post('/api/v1/pledges').send({ ...province, code: 'APBD_PROV-2027' }).expect(201))).toEqual([]);
    const again = await finance.post('/api/v1/pledges').send({ ...province, code: 'APBD_PROV-2027b' }).expect(201);
    expect(again.body.warnings).toEqual([
      {
        code: 'SAME_FUNDING_TWICE',
        pledgeCode: 'APBD_PROV-2027b',
        message:
          'Sudah ada komitmen APBD Provinsi tahun 2027 pada bulan yang sama: APBD_PROV-2027 (Januari–Desember). Keduanya ikut dialokasikan dan ikut dihitung dalam proyeksi. ' +
          'Periksa apakah APBD_PROV-2027b hanya salinan: bila ya, cabut salah satunya (menu Komitmen, bagian "Cabut komitmen"): komitmen yang dicabut tidak ikut dialokasikan lagi. Periksa lembar komitmen dengan "Periksa saja, jangan simpan" sebelum menyimpannya.',
      },
    ]);
    // a revision of the first is told of the second, never of itself
    const revised = await finance.patch('/api/v1/pledges/APBD_PROV-2027').send({ quota: 1300, reason: 'APBD-P provinsi' }).expect(200);
    expect(revised.body.warnings).toMatchObject([{ code: 'SAME_FUNDING_TWICE', message: expect.stringContaining(': APBD_PROV-2027b (Januari–Desember).') }]);
    // another year, or months apart, is not the same funding
    expect(codes(await finance.post('/api/v1/pledges').send({ ...province, code: 'APBD_PROV-2026', fiscalYear: 2026 }).expect(201))).toEqual([]);
  });

  it('a sheet only checked compares its rows with each other, as saving it does (QA)', async () => {
    const csv = [
      'KODE,SUMBER,JENIS_DANA,PEMBERI_DANA,TAHUN,CAKUPAN,KODE_DESA',
      'DESA-C-2028,DESA,PADES,Desa C,2028,VILLAGES,17.03.06.2003',
      'DESA-C-2028b,DESA,PADES,Desa C,2028,VILLAGES,17.03.06.2003',
    ].join('\n');
    const dry = await finance.post('/api/v1/pledge-uploads?dryRun=true').attach('file', Buffer.from(csv), 'desa.csv').expect(201);
    expect(dry.body.pledges.map((p: { code: string; warnings: { code: string; message: string }[] }) => [p.code, p.warnings.map((w) => w.message)])).toEqual([
      ['DESA-C-2028', []],
      ['DESA-C-2028b', [expect.stringMatching(/^Sudah ada komitmen APBDes dari Pendapatan Asli Desa untuk desa yang sama tahun 2028 pada bulan yang sama: DESA-C-2028 \(Januari–Desember\)\. Keduanya/)]],
    ]);
  });

  it('tells a village fund twice over one village, not another fund or other villages, nor two companies', async () => {
    const village = { sourceType: 'DESA', funder: 'Desa', fiscalYear: 2027, scope: 'VILLAGES' };
    expect(codes(await finance.post('/api/v1/pledges').send({ ...village, code: 'DESA-A-ADD-2027', fund: 'ADD', villageCodes: [A], toMonth: 6 }).expect(201))).toEqual([]);
    expect(codes(await finance.post('/api/v1/pledges').send({ ...village, code: 'DESA-AB-ADD-2027', fund: 'ADD', villageCodes: ['1703062001', B], fromMonth: 6 }).expect(201))).toEqual(['SAME_FUNDING_TWICE']);
    expect(codes(await finance.post('/api/v1/pledges').send({ ...village, code: 'DESA-A-PADES-2027', fund: 'PADES', villageCodes: [A] }).expect(201))).toEqual([]);
    expect(codes(await finance.post('/api/v1/pledges').send({ ...village, code: 'DESA-A-ADD-H2-2027', fund: 'ADD', villageCodes: [A], fromMonth: 7 }).expect(201))).toEqual(['SAME_FUNDING_TWICE']); // AB's months 6–12
    const company = { sourceType: 'TJSLP', fiscalYear: 2027, scope: 'VILLAGES', villageCodes: [A] };
    await finance.post('/api/v1/pledges').send({ ...company, code: 'TJSLP-X-2027', funder: 'PT X' }).expect(201);
    expect(codes(await finance.post('/api/v1/pledges').send({ ...company, code: 'TJSLP-Y-2027', funder: 'PT Y' }).expect(201))).toEqual([]);
  });
});
