/** The pledge sheet reads a NIK written in groups of digits (`1703 0102 0709 2185`) as one NIK (QA: it became four). */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { nikList } from '../../src/funding/pledge-upload/nik-list.js';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const HEADER = ['KODE', 'SUMBER', 'JENIS_DANA', 'PEMBERI_DANA', 'TAHUN', 'CAKUPAN', 'KODE_DESA', 'NIK', 'PERSEN', 'PAGU'];
const residents = (code: string, niks: string | null) => [code, 'TJSLP', null, `PT ${code}`, 2026, 'RESIDENTS', null, niks, 100, null];

describe('nikList: the NIKs of a sheet cell', () => {
  it.each([
    ['1703 0102 0709 2185', ['1703010207092185']],
    ['1703010207092185 1703064101900001', ['1703010207092185', '1703064101900001']],
    ['1703 0102 0709 2185 1703 0641 0190 0001', ['1703010207092185', '1703064101900001']],
    ['170301 020709 2185;1703064101900001,\n 1703064101900002', ['1703010207092185', '1703064101900001', '1703064101900002']],
    ['1703 0102 0709', ['1703', '0102', '0709']],
    ['1703 0102 0709 21850', ['1703', '0102', '0709', '21850']],
    ['1703 x 0102', ['1703', 'x', '0102']],
  ])('reads %j as %j', (text, niks) => expect(nikList(text)).toEqual(niks));
});

describe('POST /api/v1/pledge-uploads: a NIK in groups of digits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('is one NIK in a NIK cell and in the Daftar sheet; lists of whole NIKs still split', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Komitmen');
    sheet.addRow(HEADER);
    sheet.addRow(residents('TJSLP-G-2026', '1703 0102 0709 2185'));
    sheet.addRow(residents('TJSLP-L-2026', '1703 0641 0190 0001, 1703064101900002 1703064101900003\n1703 0641 0190 0004'));
    sheet.addRow(residents('TJSLP-D-2026', null));
    sheet.addRow(residents('TJSLP-X-2026', '1703 0102 0709'));
    const daftar = wb.addWorksheet('Daftar');
    daftar.addRow(['KODE', 'NILAI']);
    daftar.addRow(['TJSLP-D-2026', '1703 0641 0190 0005']);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const keuangan = await t.as(Role.KEUANGAN);
    const res = await keuangan.post('/api/v1/pledge-uploads').attach('file', file, 'komitmen.xlsx').expect(201);
    expect(res.body).toMatchObject({ accepted: 3, rejected: 1 });
    expect(res.body.issues).toEqual([{ sheet: 'Komitmen', rowNumber: 5, column: 'NIK', message: expect.stringContaining('1703') }]);
    const niks = async (code: string) => (await keuangan.get(`/api/v1/pledges/${code}`).expect(200)).body.niks;
    expect(await niks('TJSLP-G-2026')).toEqual(['1703010207092185']);
    expect(await niks('TJSLP-L-2026')).toEqual(['1703064101900001', '1703064101900002', '1703064101900003', '1703064101900004']);
    expect(await niks('TJSLP-D-2026')).toEqual(['1703064101900005']);
  });
});
