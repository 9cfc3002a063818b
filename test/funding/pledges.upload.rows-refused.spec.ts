import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { pledgeWorkbook, type SheetRow } from './support/pledge-workbook.js';
import ExcelJS from 'exceljs';
import { binary } from '../reports/support/xlsx.js';

/**
 * QA on pledge sheets: a refused `Daftar` row is counted (`listRowsRejected`, apart from the pledge rows in
 * `rejected`) in the answer, the list and the read-back (a sheet whose only refused rows were on `Daftar`
 * looked clean); a text NIK or village code on `Daftar` that is no valid one refuses that `Daftar` row with
 * its own message and the pledge's row names it, as a NIK in a number cell does.
 */
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

/**
 * QA on pledge sheets: text in a number column (PAGU, PERSEN, KUOTA, …) that is not a whole number is
 * refused saying so, quoting it (`1,5` is not whole rupiah), not "bukan teks": text is read (`Rp 1.500.000`).
 */
describe('pledge sheet: a number column\'s text that is not whole says so', () => {
  let t: TestApp;
  let keuangan: Awaited<ReturnType<TestApp['as']>>;
  beforeAll(async () => {
    t = await createTestApp();
    keuangan = await t.as(Role.KEUANGAN);
  });
  afterAll(() => t?.close());

  it('a number column holding text that is not whole says so, not "bukan teks"; Rp 1.500.000 is read', async () => {
    const csv = [
      'KODE,SUMBER,PEMBERI_DANA,TAHUN,CAKUPAN,PERSEN,KUOTA,PAGU',
      'QA-PAGU-2027,APBD,Pemkab,2027,ALL,100,,"1,5"',
      'QA-PERSEN-2027,APBD,Pemkab,2027,ALL,"12,5",,',
      'QA-KUOTA-2027,APBD,Pemkab,2027,ALL,100,lima,',
      'QA-RP-2027,APBD,Pemkab,2027,ALL,100,,Rp 1.500.000',
    ].join('\n');
    const res = await keuangan.post('/api/v1/pledge-uploads').attach('file', Buffer.from(`${csv}\n`), 'angka.csv').expect(201);
    expect(res.body).toMatchObject({ accepted: 1, rejected: 3, listRowsRejected: 0 });
    expect(res.body.pledges.map((p: any) => p.code)).toEqual(['QA-RP-2027']);
    expect(res.body.issues.map((i: any) => [i.rowNumber, i.column, i.message])).toEqual([
      [2, 'PAGU', 'PAGU "1,5" bukan rupiah bulat: tulis rupiah bulat tanpa sen, misalnya 1500000, 1.500.000 atau Rp 1.500.000.'],
      [3, 'PERSEN', 'PERSEN "12,5" bukan bilangan bulat: tulis bilangan bulat, misalnya 50.'],
      [4, 'KUOTA', 'KUOTA "lima" bukan angka: tulis bilangan bulat, misalnya 100 atau 1.000.'],
    ]);
    for (const issue of res.body.issues) expect(issue.message).not.toContain('bukan teks');
  });

  it('a total row and a signature block under the pledges get one message each, NOT_PLEDGE_ROW; an empty SUMBER or TAHUN is "wajib diisi" (QA)', async () => {
    const file = readFileSync('test/fixtures/pledges/not-ok/tanda-tangan-dan-jumlah.csv');
    const res = await keuangan.post('/api/v1/pledge-uploads').attach('file', file, 'komitmen-ttd.csv').expect(201);
    // refused rows all the same, as a bill's NOT_BILL_ROW and the register's NOT_PARTICIPANT_ROW are
    expect(res.body).toMatchObject({ rowsRead: 8, accepted: 2, rejected: 6 });
    const notPledge = 'Baris ini tidak berisi data komitmen (SUMBER dan TAHUN kosong, seperti baris tanda tangan, keterangan atau jumlah): hapus baris ini dari berkas.';
    expect(res.body.issues.map((i: any) => [i.rowNumber, i.column, i.message])).toEqual([
      [4, null, notPledge], // TOTAL … PAGU Rp 3.000.000
      [5, null, notPledge], // Bengkulu Utara, 5 Desember 2026
      [6, null, notPledge], // Kepala BPKAD
      [7, null, notPledge], // ttd
      [8, null, notPledge], // Nama Pejabat
      // a pledge with its source and year left empty is one, told what is missing
      [9, 'SUMBER', 'SUMBER (sumber dana) wajib diisi: salah satu dari APBD, APBD_PROV, DESA, TJSLP. Boleh juga ditulis dengan namanya: APBD Kabupaten, APBD Provinsi, APBDes, TJSLP (CSR).'],
      [9, 'TAHUN', 'TAHUN (tahun anggaran) wajib diisi.'],
    ]);
    // the row report repeats them, one line of KETERANGAN each
    const report = new ExcelJS.Workbook();
    await report.xlsx.load((await keuangan.get(`/api/v1/pledge-uploads/${res.body.id}/report.xlsx`).buffer(true).parse(binary).expect(200)).body as never);
    const rows = (report.getWorksheet('Perbaiki')!.getSheetValues().slice(2) as unknown[][]).map((r) => [r[1], r.at(-1)]);
    expect(rows.slice(0, 5)).toEqual([['TOTAL', notPledge], ['Bengkulu Utara, 5 Desember 2026', notPledge], ['Kepala BPKAD', notPledge], ['ttd', notPledge], ['Nama Pejabat', notPledge]]);
  });

  it('a text cell 1.5 in an xlsx PAGU is not whole rupiah', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Komitmen');
    sheet.addRow(['KODE', 'SUMBER', 'PEMBERI_DANA', 'TAHUN', 'CAKUPAN', 'PAGU']);
    sheet.addRow(['QA-PAGU-X-2027', 'APBD', 'Pemkab', 2027, 'ALL', '1.5']);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await keuangan.post('/api/v1/pledge-uploads').attach('file', file, 'pagu.xlsx').expect(201);
    expect(res.body.issues).toEqual([{ sheet: 'Komitmen', rowNumber: 2, column: 'PAGU', message: expect.stringMatching(/^PAGU "1\.5" bukan rupiah bulat:/) }]);
  });

  it('PAGU reads rupiah as the other uploads do (1,500,000 and 1500000.00); KODE_DESA takes a code with its name after it, and names a village name whole (QA)', async () => {
    const csv = [
      'KODE,SUMBER,PEMBERI_DANA,TAHUN,CAKUPAN,PERSEN,KODE_DESA,PAGU',
      'QA-KOMA-2027,APBD,Pemkab,2027,ALL,100,,"1,500,000"',
      'QA-SEN-2027,APBD,Pemkab,2027,ALL,100,,1500000.00',
      'QA-DESA-2027,TJSLP,PT Uji,2027,VILLAGES,100,"17.03.06.2001 - Talang Jambu; 1703062002",',
      'QA-NAMA-2027,TJSLP,PT Uji,2027,VILLAGES,100,Talang Jambu,',
    ].join('\n');
    const res = await keuangan.post('/api/v1/pledge-uploads').attach('file', Buffer.from(`${csv}\n`), 'pagu-desa.csv').expect(201);
    expect(res.body).toMatchObject({ accepted: 3, rejected: 1 });
    const stored = await t.dataSource.query(`SELECT code, budget::text AS budget, village_codes FROM pledge WHERE code LIKE 'QA-%-2027' AND code IN ('QA-KOMA-2027', 'QA-SEN-2027', 'QA-DESA-2027') ORDER BY code`);
    expect(stored).toEqual([
      { code: 'QA-DESA-2027', budget: null, village_codes: ['17.03.06.2001', '17.03.06.2002'] },
      { code: 'QA-KOMA-2027', budget: '1500000', village_codes: [] },
      { code: 'QA-SEN-2027', budget: '1500000', village_codes: [] },
    ]);
    expect(res.body.issues.map((i: any) => [i.rowNumber, i.column, i.message])).toEqual([
      [5, 'KODE_DESA', expect.stringMatching(/^Kode desa tidak dikenal di Kabupaten Bengkulu Utara: Talang Jambu\./)],
    ]);
  });
});
