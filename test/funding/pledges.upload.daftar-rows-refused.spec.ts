/**
 * QA on pledge sheets: a refused `Daftar` row is counted (`listRowsRejected`, apart from the pledge rows in
 * `rejected`) in the answer, the list and the read-back (a sheet whose only refused rows were on `Daftar`
 * looked clean); a text NIK or village code on `Daftar` that is no valid one refuses that `Daftar` row with
 * its own message and the pledge's row names it, as a NIK in a number cell does.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { pledgeWorkbook, type SheetRow } from './support/pledge-workbook.js';

const HEADER = ['KODE', 'SUMBER', 'PEMBERI_DANA', 'TAHUN', 'CAKUPAN', 'NIK', 'PERSEN', 'KUOTA', 'PAGU'];

const workbook = (rows: SheetRow[], list: SheetRow[]) => pledgeWorkbook(HEADER, rows, { rows: list });

describe('pledge sheet: refused Daftar rows are counted and named', () => {
  let t: TestApp;
  let keuangan: Awaited<ReturnType<TestApp['as']>>;
  beforeAll(async () => {
    t = await createTestApp();
    keuangan = await t.as(Role.KEUANGAN);
  });
  afterAll(() => t?.close());

  const upload = (file: Buffer, name: string) => keuangan.post('/api/v1/pledge-uploads').attach('file', file, name).expect(201);

  it('a sheet whose only refused rows are on Daftar counts them, in the answer, the list and the read-back', async () => {
    const file = await workbook(
      [['QA-DAF-2027', 'APBD', 'Pemkab', 2027, 'ALL', null, 1]],
      [
        ['QA-DAF-2027', '17.03.01.2001'],
        ['QA-TYPO-2027', '1703011505900901'],
      ],
    );
    const res = await upload(file, 'daftar-saja.xlsx');
    expect(res.body).toMatchObject({ accepted: 1, rejected: 0, listRowsRejected: 2 });
    expect(res.body.issues.map((i: any) => [i.sheet, i.rowNumber])).toEqual([
      ['Daftar', 2],
      ['Daftar', 3],
    ]);
    const list = await keuangan.get('/api/v1/pledge-uploads').expect(200);
    expect(list.body.items.find((u: any) => u.id === res.body.id)).toMatchObject({ rejected: 0, listRowsRejected: 2 });
    const read = await keuangan.get(`/api/v1/pledge-uploads/${res.body.id}`).expect(200);
    expect(read.body).toMatchObject({ rejected: 0, listRowsRejected: 2 });
  });

  it('a text NIK on Daftar that is no NIK refuses that row with its own message, named from the pledge row', async () => {
    const rows: (string | number | null)[][] = [['QA-RES-OK-2027', 'TJSLP', 'PT Baik', 2027, 'RESIDENTS', null, 100]];
    rows.push(...Array.from({ length: 4 }, (_, i) => [`QA-ALL-${i}-2027`, 'APBD', 'Pemkab', 2027, 'ALL', null, 1]));
    rows.push(['QA-RES-2027', 'TJSLP', 'PT Res', 2027, 'RESIDENTS', null, 100]); // row 7
    const res = await upload(
      await workbook(rows, [
        ['QA-RES-OK-2027', '1703011505900901'],
        ['QA-RES-2027', '12345'],
      ]),
      'nik-teks.xlsx',
    );
    expect(res.body).toMatchObject({ accepted: 5, rejected: 1, listRowsRejected: 1 });
    expect(res.body.issues).toEqual([
      { sheet: 'Komitmen', rowNumber: 7, column: 'NIK', message: expect.stringMatching(/^Daftar baris 3 ditolak \(NIK tidak valid: 12345\); komitmen ini tidak disimpan/) },
      { sheet: 'Daftar', rowNumber: 3, column: 'NILAI', message: expect.stringMatching(/^NIK tidak valid: .*: 12345\.$/) },
    ]);
  });

  it('a village code on Daftar the regency lacks refuses that row, named from the pledge row', async () => {
    const res = await upload(
      await workbook([['QA-VIL-2027', 'TJSLP', 'PT Desa', 2027, 'VILLAGES', null, 100]], [
        ['QA-VIL-2027', '17.03.06.2001'],
        ['QA-VIL-2027', '1703999999'],
      ]),
      'desa.xlsx',
    );
    expect(res.body).toMatchObject({ accepted: 0, rejected: 1, listRowsRejected: 1 });
    expect(res.body.issues).toEqual([
      { sheet: 'Komitmen', rowNumber: 2, column: 'KODE_DESA', message: expect.stringMatching(/^Daftar baris 3 ditolak \(kode desa tidak dikenal: 1703999999\)/) },
      { sheet: 'Daftar', rowNumber: 3, column: 'NILAI', message: expect.stringContaining('Kode desa tidak dikenal di Kabupaten Bengkulu Utara: 1703999999.') },
    ]);
  });
});
