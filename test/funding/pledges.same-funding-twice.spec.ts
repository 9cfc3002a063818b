/**
 * QA: a pledge sheet saved a second province pledge for 2027 (a row entered twice under another code), unwarned, and
 * the projection counted money that does not exist. A pledge of the same funding in the same months is now told:
 * the regency's or the province's budget, or a village's fund over one of the same villages. Accepted, not refused.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

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
          'Sudah ada komitmen APBD provinsi tahun 2027 pada bulan yang sama: APBD_PROV-2027 (Januari–Desember). Keduanya ikut dialokasikan dan ikut dihitung dalam proyeksi. ' +
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
      ['DESA-C-2028b', [expect.stringMatching(/^Sudah ada komitmen anggaran desa dari Pendapatan Asli Desa \(PADes\) untuk desa yang sama tahun 2028 pada bulan yang sama: DESA-C-2028 \(Januari–Desember\)\. Keduanya/)]],
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
