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
});
