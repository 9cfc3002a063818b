/**
 * A refused pledge row names every failure that can still be judged, so one pass over the Perbaiki fixes it: a
 * number cell that could not be read (PAGU "1,5", a formula without a result) or a refused `Daftar` row no longer
 * hides the row's other failures (an unknown village code, a month outside the fiscal year, a share over 100). The
 * unreadable cell keeps its own message only (no "PAGU harus …" about a PAGU that was not read), a list its refused
 * `Daftar` rows left empty is not called missing, and a row refused for several reasons is one refused row.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { pledgeWorkbook, type SheetRow } from './support/pledge-workbook.js';
import { binary } from '../reports/support/xlsx.js';

type Issue = { sheet: string; rowNumber: number; column: string; message: string };
const said = (issues: Issue[]) => issues.map((i) => [i.sheet, i.rowNumber, i.column, i.message]);

describe('pledge sheet: a refused row names all of its failures at once', () => {
  let t: TestApp;
  let keuangan: Awaited<ReturnType<TestApp['as']>>;
  beforeAll(async () => {
    t = await createTestApp();
    keuangan = await t.as(Role.KEUANGAN);
  });
  afterAll(() => t?.close());

  const upload = (file: Buffer, name: string) => keuangan.post('/api/v1/pledge-uploads').attach('file', file, name).expect(201);

  it('a number that cannot be read is told with the row\'s other failures, and its column only once', async () => {
    const csv = [
      'KODE,SUMBER,PEMBERI_DANA,TAHUN,BULAN_DARI,CAKUPAN,KODE_DESA,PERSEN,PAGU',
      'QA-ALL-2027,TJSLP,PT A,2027,1,VILLAGES,1703999999,100,"1,5"',
      'QA-BULAN-2027,APBD,Pemkab,2027,13,ALL,,"12,5",',
      'QA-TAHUN-2027,APBD,Pemkab,dua ribu,1,ALL,,150,',
      'QA-OK-2027,APBD,Pemkab,2027,1,ALL,,100,Rp 1.500.000',
    ].join('\n');
    const res = await upload(Buffer.from(`${csv}\n`), 'angka.csv');
    expect(res.body).toMatchObject({ rowsRead: 4, accepted: 1, rejected: 3, listRowsRejected: 0 });
    expect(said(res.body.issues)).toEqual([
      ['Komitmen', 2, 'KODE_DESA', expect.stringMatching(/^Kode desa tidak dikenal di Kabupaten Bengkulu Utara: 1703999999\./)],
      ['Komitmen', 2, 'PAGU', 'PAGU "1,5" bukan rupiah bulat: tulis rupiah bulat tanpa sen, misalnya 1500000, 1.500.000 atau Rp 1.500.000.'],
      ['Komitmen', 3, 'BULAN_DARI', 'BULAN_DARI harus bulan 1 sampai 12 dari tahun anggaran.'],
      ['Komitmen', 3, 'PERSEN', 'PERSEN "12,5" bukan bilangan bulat: tulis bilangan bulat, misalnya 50.'],
      // TAHUN was not read: not also told it "harus antara 2018 dan 2099"
      ['Komitmen', 4, 'TAHUN', 'TAHUN "dua ribu" bukan angka: tulis bilangan bulat, misalnya 2026.'],
      ['Komitmen', 4, 'PERSEN', 'PERSEN "150" harus bilangan bulat 1 sampai 100.'],
    ]);
    // the stored upload reads back the same messages and counts
    const read = await keuangan.get(`/api/v1/pledge-uploads/${res.body.id}`).expect(200);
    expect(read.body).toMatchObject({ rejected: 3, listRowsRejected: 0 });
    expect(said(read.body.issues)).toEqual(said(res.body.issues));
    // the Perbaiki repeats each refused row once, with all of its messages
    const report = await keuangan.get(`/api/v1/pledge-uploads/${res.body.id}/report.xlsx`).buffer(true).parse(binary).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(report.body as never);
    const perbaiki = wb.getWorksheet('Perbaiki')!;
    const header = (perbaiki.getRow(1).values as unknown[]).slice(1);
    const cell = (row: number, name: string) => perbaiki.getRow(row).getCell(header.indexOf(name) + 1).value;
    expect(perbaiki.rowCount).toBe(4);
    const messages = (row: number) => res.body.issues.filter((i: Issue) => i.rowNumber === row).map((i: Issue) => i.message);
    expect([2, 3, 4].map((n) => [cell(n, 'KODE'), cell(n, 'BARIS'), String(cell(n, 'KETERANGAN')).split('\n')])).toEqual([
      ['QA-ALL-2027', 2, messages(2)],
      ['QA-BULAN-2027', 3, messages(3)],
      ['QA-TAHUN-2027', 4, messages(4)],
    ]);
  });

  it('a formula without a result is told with the row\'s other failures, and its column only once', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Komitmen');
    sheet.addRow(['KODE', 'SUMBER', 'JENIS_DANA', 'PEMBERI_DANA', 'TAHUN', 'CAKUPAN', 'PERSEN', 'PAGU']);
    sheet.addRow(['QA-RUMUS-2027', 'DESA', null, 'Desa R', 2027, 'ALL', 150, { formula: '1/0', result: { error: '#DIV/0!' } }]);
    sheet.addRow(['QA-TAHUN-RUMUS', 'APBD', null, 'Pemkab', { formula: 'A1', result: undefined }, 'ALL', 0, null]);
    const res = await upload(Buffer.from(await wb.xlsx.writeBuffer()), 'rumus.xlsx');
    expect(res.body).toMatchObject({ rowsRead: 2, accepted: 0, rejected: 2 });
    expect(res.body.issues.map((i: Issue) => [i.rowNumber, i.column])).toEqual([
      [2, 'JENIS_DANA'],
      [2, 'PERSEN'],
      [2, 'PAGU'],
      [3, 'TAHUN'],
      [3, 'PERSEN'],
    ]);
    expect(res.body.issues[0].message).toMatch(/^JENIS_DANA wajib diisi bila SUMBER APBDes \(DESA\): /);
    expect(res.body.issues[2].message).toMatch(/^PAGU: rumus =1\/0 tidak menghasilkan nilai/);
    expect(res.body.issues[3].message).toMatch(/^TAHUN: rumus =A1 /);
    expect(res.body.issues.filter((i: Issue) => i.column === 'TAHUN')).toHaveLength(1);
  });

  describe('a pledge whose Daftar rows are refused', () => {
    const header = ['KODE', 'SUMBER', 'PEMBERI_DANA', 'TAHUN', 'BULAN_DARI', 'BULAN_SAMPAI', 'CAKUPAN', 'KODE_DESA', 'PERSEN'];
    const workbook = (rows: SheetRow[], list: SheetRow[]) => pledgeWorkbook(header, rows, { rows: list });

    it('names the Daftar refusal and the row\'s own failures; a list its refused rows left empty is not called missing', async () => {
      const file = await workbook(
        [
          ['QA-DESA-2027', 'TJSLP', 'PT D', 2027, 1, 12, 'VILLAGES', null, 150], // row 2: its only Daftar value refused
          ['QA-NIK-2027', 'TJSLP', 'PT N', 2027, 9, 3, 'RESIDENTS', null, 100], // row 3: one NIK refused, one read
          ['QA-CELL-2027', 'TJSLP', 'PT C', 2027, 1, 12, 'VILLAGES', '1703888888', 100], // row 4: the cell's code unknown too
        ],
        [
          ['QA-DESA-2027', '1703999999'],
          ['QA-NIK-2027', '1703011505900901'],
          ['QA-NIK-2027', 1703011505900902],
          ['QA-CELL-2027', '17.03.06.2001'],
          ['QA-CELL-2027', '1703777777'],
        ],
      );
      const res = await upload(file, 'daftar.xlsx');
      expect(res.body).toMatchObject({ rowsRead: 3, accepted: 0, rejected: 3, listRowsRejected: 3 });
      expect(said(res.body.issues)).toEqual([
        ['Komitmen', 2, 'KODE_DESA', 'Daftar baris 2 ditolak (kode desa tidak dikenal: 1703999999); komitmen ini tidak disimpan sampai daftarnya benar.'],
        ['Komitmen', 2, 'PERSEN', 'PERSEN "150" harus bilangan bulat 1 sampai 100.'],
        ['Komitmen', 3, 'BULAN_SAMPAI', expect.stringMatching(/^BULAN_SAMPAI \(bulan akhir\) Maret lebih awal dari bulan awal September/)],
        ['Komitmen', 3, 'NIK', expect.stringMatching(/^Daftar baris 4 ditolak \(NIK ditulis sebagai angka/)],
        ['Komitmen', 4, 'KODE_DESA', expect.stringMatching(/^Daftar baris 6 ditolak \(kode desa tidak dikenal: 1703777777\)/)],
        ['Komitmen', 4, 'KODE_DESA', expect.stringMatching(/^Kode desa tidak dikenal di Kabupaten Bengkulu Utara: 1703888888\./)],
        ['Daftar', 2, 'NILAI', expect.stringContaining('Kode desa tidak dikenal di Kabupaten Bengkulu Utara: 1703999999.')],
        ['Daftar', 4, 'NILAI', expect.stringContaining('NIK ditulis sebagai angka')],
        ['Daftar', 6, 'NILAI', expect.stringContaining('Kode desa tidak dikenal di Kabupaten Bengkulu Utara: 1703777777.')],
      ]);
      expect(JSON.stringify(res.body.issues)).not.toContain('wajib diisi');
      const read = await keuangan.get(`/api/v1/pledge-uploads/${res.body.id}`).expect(200);
      expect(read.body).toMatchObject({ rejected: 3, listRowsRejected: 3 });
      expect(read.body.issues).toHaveLength(res.body.issues.length);
      for (const code of ['QA-DESA-2027', 'QA-NIK-2027', 'QA-CELL-2027']) await keuangan.get(`/api/v1/pledges/${code}`).expect(404);
    });
  });
});
