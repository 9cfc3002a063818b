import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testNik } from './support/register.js';
import { nikList } from '../../src/funding/pledge-upload/nik-list.js';

/** A pledge sheet headed with accepted aliases (PERSEN BAGIAN, DAFTAR NIK, ANGGARAN, value) hears its issues in those headers, not the own names. */
type Issue = { sheet: string; rowNumber: number; column: string | null; message: string };

describe('POST /api/v1/pledge-uploads: issues name the columns as the file wrote them', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('column and message say the alias headers of the Komitmen and Daftar sheets', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Komitmen');
    sheet.addRow(['KODE KOMITMEN', 'SUMBER DANA', 'DANA', 'PEMBERI', 'TAHUN ANGGARAN', 'CAKUPAN', 'DESA', 'DAFTAR NIK', 'PERSEN BAGIAN', 'ANGGARAN']);
    sheet.addRow(['P-PERSEN', 'TJSLP', null, 'PT P', 2026, 'ALL', null, null, 150, null]);
    sheet.addRow(['P-NIK', 'TJSLP', null, 'PT N', 2026, 'RESIDENTS', null, 1703064101900001, 100, null]);
    sheet.addRow(['P-PAGU', 'TJSLP', null, 'PT A', 2026, 'ALL', null, null, 100, { formula: '1/0', result: { error: '#DIV/0!' } }]);
    sheet.addRow(['P-DESA', 'DESA', null, 'Desa Y', 2026, 'VILLAGES', '1703062001', null, 100, null]);
    sheet.addRow(['P-DAFTAR', 'TJSLP', null, 'PT D', 2026, 'RESIDENTS', null, null, 100, null]);
    const daftar = wb.addWorksheet('Daftar');
    daftar.addRow(['KODE KOMITMEN', 'value']);
    daftar.addRow(['P-DAFTAR', 1703064101900002]);
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/pledge-uploads?dryRun=true').attach('file', Buffer.from(await wb.xlsx.writeBuffer()), 'komitmen.xlsx').expect(201);
    expect(res.body).toMatchObject({ rowsRead: 5, accepted: 0, rejected: 5 });
    const issues: Issue[] = res.body.issues;
    expect(issues.map((i) => [i.sheet, i.rowNumber, i.column])).toEqual([
      ['Komitmen', 2, 'PERSEN BAGIAN'],
      ['Komitmen', 3, 'DAFTAR NIK'],
      ['Komitmen', 4, 'ANGGARAN'],
      ['Komitmen', 5, 'DANA'],
      ['Komitmen', 6, 'DAFTAR NIK'],
      ['Daftar', 2, 'value'],
    ]);
    expect(issues[0].message).toBe('PERSEN BAGIAN "150" harus bilangan bulat 1 sampai 100.');
    expect(issues[1].message).toMatch(/Format kolom DAFTAR NIK sebagai Teks/);
    expect(issues[2].message).toMatch(/^ANGGARAN: /);
    expect(issues[3].message).toMatch(/^DANA wajib diisi bila SUMBER DANA APBDes \(DESA\): /); // the file heads SUMBER "SUMBER DANA"
    expect(issues[4].message).toMatch(/^Daftar baris 2 ditolak \(NIK ditulis sebagai angka .*Format kolom value sebagai Teks/);
    expect(issues[5].message).toMatch(/Format kolom value sebagai Teks/);
    expect(issues.map((i) => i.message).join(' ')).not.toMatch(/\b(PAGU|JENIS_DANA|NILAI)\b|PERSEN harus/);
  });

  it('a NIK a .csv holds in scientific notation is said to be so, its digits lost (golden file not-ok/nik-notasi-ilmiah.csv)', async () => {
    const file = readFileSync('test/fixtures/pledges/not-ok/nik-notasi-ilmiah.csv');
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/pledge-uploads?dryRun=true').attach('file', file, 'komitmen.csv').expect(201);
    expect(res.body).toMatchObject({ rowsRead: 1, accepted: 0, rejected: 1 });
    const issues: Issue[] = res.body.issues;
    expect(issues.map((i) => [i.sheet, i.rowNumber, i.column, i.message])).toEqual([
      [
        'Komitmen',
        2,
        'NIK',
        'NIK "1.70306E+15" ditulis dalam notasi ilmiah (angka berpangkat E+, cara Excel menampilkan angka yang panjang), sehingga digit NIK sudah hilang dan tidak dapat dipulihkan dari berkas ini. ' +
          'Ketik ulang keenam belas digit NIK sebagai teks. Format kolom NIK sebagai Teks lalu ketik ulang.',
      ],
    ]);
  });
});

/** A .csv pledge row with more fields than its header is refused whole with one message naming the row (PAGU `1,500,000` unquoted). */
describe('POST /api/v1/pledge-uploads: a .csv row with more fields than its header', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('refuses that row with that message alone; the other rows are saved', async () => {
    const file = Buffer.from(
      [
        'KODE,SUMBER,JENIS_DANA,PEMBERI_DANA,TAHUN,CAKUPAN,KODE_DESA,NIK,PERSEN,PAGU',
        'APBD-2026,APBD,,Pemkab,2026,ALL,,,100,1000000000,,',
        'TJSLP-A-2026,TJSLP,,PT A,2026,ALL,,,100,1,500,000',
      ].join('\n'),
    );
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/pledge-uploads').attach('file', file, 'komitmen.csv').expect(201);
    expect(res.body).toMatchObject({ rowsRead: 2, accepted: 1, rejected: 1 });
    expect(res.body.pledges.map((p: { code: string }) => p.code)).toEqual(['APBD-2026']);
    expect(res.body.issues).toEqual([
      {
        sheet: 'Komitmen',
        rowNumber: 3,
        column: null,
        message: expect.stringMatching(/^Baris 3 berisi 12 kolom, sedangkan judul 10 kolom: kemungkinan ada koma di dalam angka atau nama \(mis\. 1,500,000\)\. .*,100,1,500,000$/),
      },
    ]);
    await (await t.as(Role.AUDITOR)).get('/api/v1/pledges/TJSLP-A-2026').expect(404);
  });
});

/**
 * A pledge sheet saved in the 1904 date system (old Excel for Mac) reads as the same sheet in the 1900
 * system: it has no date column (TAHUN is a year, BULAN_DARI/BULAN_SAMPAI month numbers), and its number
 * cells are numbers in either system. Pledge uploads answer with their issues, no Perbaiki workbook.
 */
async function sheet(date1904: boolean): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.properties.date1904 = date1904;
  const ws = wb.addWorksheet('Komitmen');
  ws.addRow(['KODE', 'SUMBER', 'PEMBERI_DANA', 'TAHUN', 'BULAN_DARI', 'BULAN_SAMPAI', 'CAKUPAN', 'PERSEN', 'PAGU']);
  ws.addRow(['MAC-2026', 'TJSLP', 'PT Mac', 2026, 3, 12, 'ALL', 100, 1_500_000]);
  ws.addRow(['MAC-SALAH', 'TJSLP', 'PT Mac', 2026, 13, 12, 'ALL', 100, 1_500_000]); // refused: month 13
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('POST /api/v1/pledge-uploads: a sheet of the 1904 date system', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('reads its numbers as the same sheet in the 1900 system does', async () => {
    const api = await t.as(Role.KEUANGAN);
    const dryRun = async (date1904: boolean) => (await api.post('/api/v1/pledge-uploads?dryRun=true').attach('file', await sheet(date1904), 'komitmen.xlsx').expect(201)).body;
    const [in1900, in1904] = [await dryRun(false), await dryRun(true)];
    expect(in1904).toMatchObject({ rowsRead: 2, accepted: 1, rejected: 1 });
    expect(in1904.issues.map((i: { rowNumber: number; column: string }) => [i.rowNumber, i.column])).toEqual([[3, 'BULAN_DARI']]);
    expect(in1904).toEqual(in1900);
  });
});

/**
 * QA: BULAN_DARI `2026-11` and BULAN_SAMPAI `2026-12` under TAHUN 2027 were told "bukan angka: tulis bilangan bulat,
 * misalnya 1.". A month written with its year (text `2027-03`, `11/2027`, or a date cell, as Excel keeps a typed
 * `2027-05`) is read as its number when its year is TAHUN's; a month of another year is refused saying it lies outside
 * the fiscal year, a pledge paying months of its own year only (DOMAIN §5).
 */
describe('pledge sheet: a month written with its year', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t?.close());

  it('reads a month of TAHUN as its number, and refuses one of another year saying why', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Komitmen');
    sheet.addRow(['KODE', 'SUMBER', 'PEMBERI_DANA', 'TAHUN', 'DARI BULAN', 'BULAN_SAMPAI', 'CAKUPAN']);
    sheet.addRow(['QA-M1-2027', 'TJSLP', 'PT Satu', 2027, '2027-03', "'2027-12", 'ALL']);
    sheet.addRow(['QA-M2-2027', 'TJSLP', 'PT Dua', 2027, new Date(Date.UTC(2027, 4, 1)), '11/2027', 'ALL']);
    sheet.getCell('E3').numFmt = 'mmm-yy';
    sheet.addRow(['QA-M3-2027', 'TJSLP', 'PT Tiga', 2027, '2026-11', '2026-12', 'ALL']);
    sheet.addRow(['QA-M4-2027', 'TJSLP', 'PT Empat', 2027, new Date(Date.UTC(2026, 10, 1)), 12, 'ALL']);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const keuangan = await t.as(Role.KEUANGAN);
    const res = await keuangan.post('/api/v1/pledge-uploads').attach('file', file, 'bulan.xlsx').expect(201);
    expect(res.body).toMatchObject({ accepted: 2, rejected: 2 });
    const outside = (label: string, written: string, name: string) =>
      `${label} "${written}" adalah ${name} 2026, di luar tahun anggaran 2027: komitmen hanya membayar bulan dalam tahun anggarannya sendiri, ` +
      `Januari–Desember 2027; ${name} 2026 dicatat pada komitmen tahun anggaran 2026. Untuk bulan tahun 2027 tulis nomor bulannya saja, 1 sampai 12.`;
    expect(res.body.issues.map((i: Issue) => [i.rowNumber, i.column, i.message])).toEqual([
      [4, 'DARI BULAN', outside('DARI BULAN', '2026-11', 'November')],
      [4, 'BULAN_SAMPAI', outside('BULAN_SAMPAI', '2026-12', 'Desember')],
      [5, 'DARI BULAN', outside('DARI BULAN', '2026-11', 'November')],
    ]);
    const months = await t.dataSource.query(`SELECT code, from_month AS "from", to_month AS "to" FROM pledge ORDER BY code`);
    expect(months).toEqual([
      { code: 'QA-M1-2027', from: 3, to: 12 },
      { code: 'QA-M2-2027', from: 5, to: 11 },
    ]);
    // QA's row as a .csv: the same refusal, TAHUN and the months as text
    const csv = Buffer.from('KODE;SUMBER;PEMBERI_DANA;TAHUN;BULAN_DARI;BULAN_SAMPAI;CAKUPAN\nQA-M5-2027;TJSLP;PT Lima;2027;2026-11;2026-12;ALL\n');
    const checked = await keuangan.post('/api/v1/pledge-uploads?dryRun=true').attach('file', csv, 'bulan.csv').expect(201);
    expect(checked.body.issues.map((i: Issue) => i.message)).toEqual([outside('BULAN_DARI', '2026-11', 'November'), outside('BULAN_SAMPAI', '2026-12', 'Desember')]);
  });
});

/**
 * QA: the pledge sheet refused `Peserta tertentu`, the name the form shows, with "CAKUPAN harus salah satu dari: ALL,
 * VILLAGES, RESIDENTS.". SUMBER, JENIS_DANA and CAKUPAN now take the Indonesian names the console and the workbooks
 * show as well as the codes; anything else is still refused naming the codes.
 */
describe('pledge sheet: codes written by their Indonesian names', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t?.close());

  it('reads the console’s names as the codes, and refuses a name it does not know', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Komitmen');
    sheet.addRow(['KODE', 'SUMBER', 'JENIS_DANA', 'PEMBERI_DANA', 'TAHUN', 'CAKUPAN', 'KODE_DESA', 'NIK', 'PERSEN']);
    sheet.addRow(['PROV-2027', 'APBD Provinsi', null, 'Pemprov', 2027, 'Semua peserta', null, null, 40]);
    sheet.addRow(['DESA-1703062001-2027', 'APBDes', 'Alokasi Dana Desa (ADD)', 'Desa Talang Jambu', 2027, 'Desa tertentu', '17.03.06.2001', null, 100]);
    sheet.addRow(['TJSLP-UJI-2027', 'TJSLP (CSR)', null, 'PT Uji', 2027, 'Peserta tertentu (NIK)', null, testNik(1), 100]);
    sheet.addRow(['APBD-2027', 'apbd kabupaten', null, 'Pemkab', 2027, 'semua', null, null, 100]);
    sheet.addRow(['SALAH-2027', 'APBD', null, 'Pemkab', 2027, 'Sebagian peserta', null, null, 100]);
    // the names the console and the splits export showed before they took the workbooks' words: sheets written then still read
    sheet.addRow(['DESA-1703062001-2028', 'Anggaran Desa', 'Dana Desa', 'Desa Talang Jambu', 2028, 'Desa tertentu', '17.03.06.2001', null, 100]);
    sheet.addRow(['TJSLP-UJI-2028', 'TJSLP (CSR perusahaan)', null, 'PT Uji', 2028, 'Peserta tertentu (NIK)', null, testNik(1), 100]);
    sheet.addRow(['HIBAH-2027', 'Dana Hibah', null, 'Pemkab', 2027, 'Semua peserta', null, null, 100]);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/pledge-uploads').attach('file', file, 'nama.xlsx').expect(201);
    expect(res.body).toMatchObject({ accepted: 6, rejected: 2 });
    expect(res.body.issues.map((i: { rowNumber: number; column: string; message: string }) => [i.rowNumber, i.column, i.message])).toEqual([
      [6, 'CAKUPAN', expect.stringMatching(/^CAKUPAN "Sebagian peserta" harus salah satu dari: ALL, VILLAGES, RESIDENTS\..* Boleh juga ditulis dengan namanya: Semua peserta, Desa tertentu, Peserta tertentu \(NIK\)\.$/)],
      // the names offered are the ones the workbooks, the splits export and the console show
      [9, 'SUMBER', expect.stringMatching(/^SUMBER "Dana Hibah" harus salah satu dari: APBD, APBD_PROV, DESA, TJSLP\..* Boleh juga ditulis dengan namanya: APBD Kabupaten, APBD Provinsi, APBDes, TJSLP \(CSR\)\.$/)],
    ]);
    const stored = await t.dataSource.query(`SELECT code, source_type, fund, scope FROM pledge ORDER BY code`);
    expect(stored).toEqual([
      { code: 'APBD-2027', source_type: 'APBD', fund: null, scope: 'ALL' },
      { code: 'DESA-1703062001-2027', source_type: 'DESA', fund: 'ADD', scope: 'VILLAGES' },
      { code: 'DESA-1703062001-2028', source_type: 'DESA', fund: 'DANA_DESA', scope: 'VILLAGES' },
      { code: 'PROV-2027', source_type: 'APBD_PROV', fund: null, scope: 'ALL' },
      { code: 'TJSLP-UJI-2027', source_type: 'TJSLP', fund: null, scope: 'RESIDENTS' },
      { code: 'TJSLP-UJI-2028', source_type: 'TJSLP', fund: null, scope: 'RESIDENTS' },
    ]);
  });
});

/**
 * QA: a PERSEN cell formatted as a percentage shows 40% but holds 0.4, and was refused as "PERSEN
 * harus bilangan bulat 1 sampai 100.". It is now read as the percent it shows when that is whole;
 * text `40%` is 40; a percent that is not whole (40.5%) is refused naming the percent shown.
 */
describe('pledge sheet: PERSEN as the cell shows it', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t?.close());

  it('a percent-formatted 0.4 and text "25 %" are read as 40 and 25; 40.5% and a plain 0.4 are refused', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Komitmen');
    sheet.addRow(['KODE', 'SUMBER', 'PEMBERI_DANA', 'TAHUN', 'CAKUPAN', 'PERSEN']);
    const rows: [string, ExcelJS.CellValue, string | undefined][] = [
      ['QA-A-2027', 0.4, '0%'],
      ['QA-B-2027', '25 %', undefined],
      ['QA-C-2027', 0.405, '0.0%'],
      ['QA-D-2027', 0.4, undefined],
    ];
    for (const [code, persen, format] of rows) {
      const row = sheet.addRow([code, 'APBD', 'Pemkab', 2027, 'ALL', persen]);
      if (format) row.getCell(6).numFmt = format;
    }
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/pledge-uploads').attach('file', file, 'persen.xlsx').expect(201);
    expect(res.body).toMatchObject({ accepted: 2, rejected: 2 });
    expect(res.body.issues.map((i: { rowNumber: number; column: string; message: string }) => [i.rowNumber, i.column, i.message])).toEqual([
      [4, 'PERSEN', 'PERSEN "40.5" bukan bilangan bulat: tulis bilangan bulat, misalnya 50.'],
      [5, 'PERSEN', 'PERSEN "0,4" harus bilangan bulat 1 sampai 100 (0,4 = 40%? tulis 40).'],
    ]);
    const stored = await t.dataSource.query(`SELECT code, share_percent AS share FROM pledge ORDER BY code`);
    expect(stored).toEqual([{ code: 'QA-A-2027', share: 40 }, { code: 'QA-B-2027', share: 25 }]);
  });
});

/** The pledge sheet reads a NIK written in groups of digits (`1703 0102 0709 2185`) as one NIK (QA: it became four). */
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
