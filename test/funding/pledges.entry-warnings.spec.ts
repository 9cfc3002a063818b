/**
 * Warnings told when a pledge is saved or checked (QA): a code naming a year other than its fiscal year, and the NIKs
 * of a RESIDENTS pledge no participant holds yet. Both accepted: told, not refused.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { pledgeWorkbook } from './support/pledge-workbook.js';
import { insertParticipants, testNik } from './support/register.js';

const province = { code: 'APBD_PROV-2027', sourceType: 'APBD_PROV', funder: 'Pemprov Bengkulu', fiscalYear: 2026, scope: 'ALL', sharePercent: 40 };
const yearMessage =
  'Kode komitmen APBD_PROV-2027 memuat tahun 2027, tetapi tahun anggarannya 2026: komitmen ini membiayai bulan-bulan 2026, ' +
  'dan kode maupun tahun anggarannya tidak dapat diubah. Periksa tahunnya; komitmen tahun 2027 dicatat dengan kode lain.';
const unregistered = Array.from({ length: 12 }, (_, i) => testNik(101 + i));
const residents = { code: 'TJSLP-SAWIT-2026', sourceType: 'TJSLP', funder: 'PT Sawit', fiscalYear: 2026, scope: 'RESIDENTS', niks: [testNik(1), ...unregistered] };
const niksMessage =
  `12 NIK pada komitmen TJSLP-SAWIT-2026 belum terdaftar sebagai peserta: ${unregistered.slice(0, 10).join(', ')}, dan 2 lainnya. ` +
  'Peserta itu didanai begitu terdaftar, tetapi NIK yang salah ketik tidak mendanai siapa pun: periksa NIK-nya.';

describe('pledge warnings on create, revise and the sheet upload: the code\'s year, unregistered NIKs', () => {
  let t: TestApp;
  let keuangan: Awaited<ReturnType<TestApp['as']>>;
  beforeAll(async () => {
    t = await createTestApp();
    keuangan = await t.as(Role.KEUANGAN);
    await insertParticipants(t.dataSource, [{ nik: testNik(1) }, { nik: testNik(2) }]);
  });
  afterAll(() => t.close());

  it('warns when the code names another year than the fiscal year, naming both', async () => {
    const res = await keuangan.post('/api/v1/pledges').send(province).expect(201);
    expect(res.body.warnings).toEqual([{ code: 'CODE_YEAR_MISMATCH', pledgeCode: 'APBD_PROV-2027', message: yearMessage }]);
    // (the second province pledge of 2026 is told SAME_FUNDING_TWICE: pledges.rules.spec.ts)
    const codes = (res: { body: { warnings: { code: string }[] } }) => res.body.warnings.map((w) => w.code);
    const same = await keuangan.post('/api/v1/pledges').send({ ...province, code: 'APBD_PROV-2026' }).expect(201);
    expect(codes(same)).not.toContain('CODE_YEAR_MISMATCH');
    // a village code's digits are no year, nor a year the code also names correctly
    const village = { sourceType: 'DESA', fund: 'ADD', funder: 'Desa', fiscalYear: 2026, scope: 'VILLAGES', villageCodes: ['1703062001'] };
    expect(codes(await keuangan.post('/api/v1/pledges').send({ ...village, code: 'DESA-1703062001-2026' }).expect(201))).toEqual([]);
    expect(codes(await keuangan.post('/api/v1/pledges').send({ ...village, code: 'DESA-2025-2026', villageCodes: ['1703062002'] }).expect(201))).toEqual([]);
  });

  it('lists the NIKs not (yet) registered, the count and the first ten, on create and revise', async () => {
    const res = await keuangan.post('/api/v1/pledges').send(residents).expect(201);
    expect(res.body.warnings).toEqual([{ code: 'NIKS_NOT_REGISTERED', pledgeCode: 'TJSLP-SAWIT-2026', message: niksMessage }]);
    const revised = await keuangan.patch('/api/v1/pledges/TJSLP-SAWIT-2026').send({ niks: [testNik(1), testNik(2), testNik(101)], reason: 'NIK diperbaiki' }).expect(200);
    expect(revised.body.warnings).toEqual([
      {
        code: 'NIKS_NOT_REGISTERED',
        pledgeCode: 'TJSLP-SAWIT-2026',
        message: `1 NIK pada komitmen TJSLP-SAWIT-2026 belum terdaftar sebagai peserta: ${testNik(101)}. Peserta itu didanai begitu terdaftar, tetapi NIK yang salah ketik tidak mendanai siapa pun: periksa NIK-nya.`,
      },
    ]);
    const fixed = await keuangan.patch('/api/v1/pledges/TJSLP-SAWIT-2026').send({ niks: [testNik(1), testNik(2)], reason: 'NIK diperbaiki' }).expect(200);
    expect(fixed.body.warnings).toEqual([]);
  });

  it('tells both on the sheet upload, in a check and when saved', async () => {
    const header = ['KODE', 'SUMBER', 'PEMBERI_DANA', 'TAHUN', 'CAKUPAN', 'NIK', 'PERSEN'];
    const file = await pledgeWorkbook(header, [
      ['TJSLP-KOPI-2027', 'TJSLP', 'PT Kopi', 2026, 'RESIDENTS', `${testNik(2)}; ${testNik(201)}`, 100],
      ['TJSLP-TEH-2026', 'TJSLP', 'PT Teh', 2026, 'RESIDENTS', testNik(2), 100],
    ]);
    const expected = [
      {
        rowNumber: 2,
        code: 'TJSLP-KOPI-2027',
        warnings: [
          { code: 'CODE_YEAR_MISMATCH', pledgeCode: 'TJSLP-KOPI-2027', message: expect.stringMatching(/^Kode komitmen TJSLP-KOPI-2027 memuat tahun 2027, tetapi tahun anggarannya 2026:/) },
          { code: 'NIKS_NOT_REGISTERED', pledgeCode: 'TJSLP-KOPI-2027', message: expect.stringMatching(new RegExp(`^1 NIK pada komitmen TJSLP-KOPI-2027 belum terdaftar sebagai peserta: ${testNik(201)}\\.`)) },
        ],
      },
      { rowNumber: 3, code: 'TJSLP-TEH-2026', warnings: [] },
    ];
    const check = await keuangan.post('/api/v1/pledge-uploads?dryRun=true').attach('file', file, 'komitmen.xlsx').expect(201);
    expect(check.body.pledges).toEqual(expected);
    const saved = await keuangan.post('/api/v1/pledge-uploads').attach('file', file, 'komitmen.xlsx').expect(201);
    expect(saved.body.pledges).toEqual(expected);
  });

  describe('SHADOWED_BY_PRIORITY: a pledge that pays nothing while an ALL pledge of 100 % before it has pagu (QA)', () => {
    const regency = { code: 'APBD-2025', sourceType: 'APBD', funder: 'Pemkab Bengkulu Utara', fiscalYear: 2025, scope: 'ALL', budget: 850_000_000 };
    const provincial = { code: 'APBD_PROV-2025', sourceType: 'APBD_PROV', funder: 'Pemprov Bengkulu', fiscalYear: 2025, scope: 'ALL', sharePercent: 40, quota: 1000 };
    const shadowMessage =
      'Komitmen APBD_PROV-2025 berprioritas 90, sama dengan APBD-2025 (cakupan semua peserta, 100 %) yang didahulukan karena urutan kode; ' +
      'selama pagu APBD-2025 (Rp850.000.000) belum habis, komitmen ini tidak menanggung apa pun. ' +
      'Beri APBD_PROV-2025 prioritas lebih kecil dari 90 (mis. 30; angka lebih kecil dipakai lebih dahulu) bila APBD_PROV-2025 dimaksudkan membayar bagiannya lebih dulu dan APBD-2025 menanggung sisanya.';
    const funded = async (month: string) =>
      (await keuangan.get(`/api/v1/allocations/${month}`).expect(200)).body.funded.map((f: { pledgeCode: string; amount: number }) => [f.pledgeCode, f.amount]);

    it('warns the provincial share left at the default priority, and it indeed pays nothing in January', async () => {
      expect((await keuangan.post('/api/v1/pledges').send(regency).expect(201)).body.warnings).toEqual([]);
      const res = await keuangan.post('/api/v1/pledges').send(provincial).expect(201);
      expect(res.body.warnings).toEqual([{ code: 'SHADOWED_BY_PRIORITY', pledgeCode: 'APBD_PROV-2025', message: shadowMessage }]);
      // testNik(1) and testNik(2), covered since 2025-01: APBD-2025 pays both premiums in full (2 × 37.800), the province nothing
      await keuangan.post('/api/v1/allocations').send({ month: '2025-01' }).expect(201);
      expect(await funded('2025-01')).toEqual([['APBD-2025', 75_600]]);
    });

    it('is gone once the province comes first: 40 % of 37.800 is 15.120 each, APBD-2025 the other 22.680', async () => {
      const res = await keuangan.patch('/api/v1/pledges/APBD_PROV-2025').send({ priority: 30, reason: 'Porsi provinsi didahulukan' }).expect(200);
      expect(res.body.warnings.map((w: { code: string }) => w.code)).not.toContain('SHADOWED_BY_PRIORITY');
      expect(await funded('2025-01')).toEqual([['APBD-2025', 45_360], ['APBD_PROV-2025', 30_240]]);
    });

    it('tells the pledge it would shadow when the ALL pledge is the one saved, with a smaller priority, for the months they share', async () => {
      const reserve = { code: 'TJSLP-CADANGAN-2025', sourceType: 'TJSLP', funder: 'PT Cadangan', fiscalYear: 2025, scope: 'ALL', sharePercent: 50, priority: 40 };
      expect((await keuangan.post('/api/v1/pledges').send(reserve).expect(201)).body.warnings).toEqual([]);
      const first = { code: 'TJSLP-DULU-2025', sourceType: 'TJSLP', funder: 'PT Dulu', fiscalYear: 2025, fromMonth: 7, scope: 'ALL', priority: 35 };
      const res = await keuangan.post('/api/v1/pledges').send(first).expect(201);
      expect(res.body.warnings).toEqual([
        {
          code: 'SHADOWED_BY_PRIORITY',
          pledgeCode: 'TJSLP-CADANGAN-2025',
          message:
            'Komitmen TJSLP-CADANGAN-2025 berprioritas 40, sedangkan TJSLP-DULU-2025 (cakupan semua peserta, 100 %) berprioritas 35 sehingga didahulukan; ' +
            'TJSLP-DULU-2025 tanpa pagu menanggung seluruh iuran semua peserta, jadi komitmen ini tidak menanggung apa pun pada Juli–Desember 2025. ' +
            'Beri TJSLP-CADANGAN-2025 prioritas lebih kecil dari 35 (mis. 30; angka lebih kecil dipakai lebih dahulu) bila TJSLP-CADANGAN-2025 dimaksudkan membayar bagiannya lebih dulu dan TJSLP-DULU-2025 menanggung sisanya.',
        },
        // APBD-2025 (90) too; APBD_PROV-2025, now 30, comes before it
        { code: 'SHADOWED_BY_PRIORITY', pledgeCode: 'APBD-2025', message: expect.stringMatching(/^Komitmen APBD-2025 berprioritas 90, sedangkan TJSLP-DULU-2025 .* pada Juli–Desember 2025\./) },
      ]);
      // withdrawn, it shadows nothing: the reserve revised is told nothing more
      await keuangan.post('/api/v1/pledges/TJSLP-DULU-2025/withdraw').send({ reason: 'keliru' }).expect(201);
      expect((await keuangan.patch('/api/v1/pledges/TJSLP-CADANGAN-2025').send({ legalBasis: 'PKS 1/2025', reason: 'PKS' }).expect(200)).body.warnings).toEqual([]);
    });

    it('is told on the sheet, in a check (the rows above, not stored) and when saved', async () => {
      const header = ['KODE', 'SUMBER', 'PEMBERI_DANA', 'TAHUN', 'CAKUPAN', 'PERSEN', 'KUOTA', 'PAGU'];
      const file = await pledgeWorkbook(header, [
        ['APBD-2024', 'APBD', 'Pemkab', 2024, 'Semua peserta', 100, null, 850_000_000],
        ['APBD_PROV-2024', 'APBD Provinsi', 'Pemprov', 2024, 'Semua peserta', 40, 1000, null],
      ]);
      const expected = [
        { rowNumber: 2, code: 'APBD-2024', warnings: [] },
        { rowNumber: 3, code: 'APBD_PROV-2024', warnings: [{ code: 'SHADOWED_BY_PRIORITY', pledgeCode: 'APBD_PROV-2024', message: shadowMessage.replaceAll('2025', '2024') }] },
      ];
      expect((await keuangan.post('/api/v1/pledge-uploads?dryRun=true').attach('file', file, 'komitmen.xlsx').expect(201)).body.pledges).toEqual(expected);
      expect((await keuangan.post('/api/v1/pledge-uploads').attach('file', file, 'komitmen.xlsx').expect(201)).body.pledges).toEqual(expected);
    });
  });
});
