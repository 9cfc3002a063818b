import { mkdtempSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { writePledgeTemplate } from '../../src/funding/pledge-upload/pledge-template.js';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { pledgeWorkbook, type SheetRow } from './support/pledge-workbook.js';

const HEADER = ['KODE', 'SUMBER', 'JENIS_DANA', 'PEMBERI_DANA', 'TAHUN', 'CAKUPAN', 'KODE_DESA', 'NIK', 'PERSEN', 'PAGU'];

const workbook = (rows: SheetRow[], list?: SheetRow[], state: ExcelJS.WorksheetState = 'visible', merges: string[] = []) =>
  pledgeWorkbook(HEADER, rows, list && { rows: list, state, merges }, [['Daftar komitmen pendanaan 2026']]); // a title row above the header

describe('POST /api/v1/pledge-uploads: one row per pledge, lists in a cell or in the Daftar sheet', () => {
  let t: TestApp;
  let keuangan: Awaited<ReturnType<TestApp['as']>>;
  beforeAll(async () => {
    t = await createTestApp();
    keuangan = await t.as(Role.KEUANGAN);
  });
  afterAll(() => t.close());

  const upload = (file: Buffer, query = '') => keuangan.post(`/api/v1/pledge-uploads${query}`).attach('file', file, 'komitmen.xlsx');

  it('creates the good rows and reports each bad row with its column and an Indonesian message', async () => {
    const file = await workbook(
      [
        ['APBD-2026', 'APBD', null, 'Pemkab', 2026, 'ALL', null, null, 100, '1.000.000.000'],
        ['DESA-A-2026', 'desa', 'dana desa', 'Desa A', 2026, 'VILLAGES', '1703062001; 17.03.06.2002', null, 100, null],
        ['TJSLP-R-2026', 'TJSLP', null, 'PT R', 2026, 'RESIDENTS', null, null, 50, null],
        ['DESA-X-2026', 'DESA', 'ADD', 'Desa X', 2026, 'VILLAGES', '1703999999', null, 100, null],
        ['TJSLP-N-2026', 'TJSLP', null, 'PT N', 2026, 'RESIDENTS', null, 1703064101900001, 100, null],
        ['APBD-2026', 'APBD', null, 'Pemkab', 2026, 'ALL', null, null, 100, null],
      ],
      [
        ['TJSLP-R-2026', '1703064101900001'],
        ['TJSLP-R-2026', '1703064101900002'],
        ['NOPE', '1703064101900003'],
      ],
    );
    const res = await upload(file).expect(201);
    expect(res.body).toMatchObject({ rowsRead: 6, accepted: 3, rejected: 3, dryRun: false });
    expect(res.body.pledges.map((p: { code: string }) => p.code)).toEqual(['APBD-2026', 'DESA-A-2026', 'TJSLP-R-2026']);
    expect(res.body.pledges[1].warnings[0].code).toBe('DANA_DESA_PBI');
    expect(res.body.issues).toEqual([
      { sheet: 'Komitmen', rowNumber: 6, column: 'KODE_DESA', message: expect.stringContaining('Kode desa tidak dikenal') },
      { sheet: 'Komitmen', rowNumber: 7, column: 'NIK', message: expect.stringContaining('Format kolom NIK sebagai Teks') },
      { sheet: 'Komitmen', rowNumber: 8, column: 'KODE', message: expect.stringContaining('lebih dari sekali') },
      { sheet: 'Daftar', rowNumber: 4, column: 'NILAI', message: expect.stringContaining('"NOPE" tidak ada') },
    ]);
    const residents = await keuangan.get('/api/v1/pledges/TJSLP-R-2026').expect(200);
    expect(residents.body).toMatchObject({ niks: ['1703064101900001', '1703064101900002'], sharePercent: 50, priority: 10 });
    const village = await keuangan.get('/api/v1/pledges/DESA-A-2026').expect(200);
    expect(village.body).toMatchObject({ villageCodes: ['17.03.06.2001', '17.03.06.2002'], fund: 'DANA_DESA' });
    expect((await keuangan.get('/api/v1/pledges/APBD-2026').expect(200)).body.budget).toBe(1_000_000_000);
  });

  it('a dry run checks and saves nothing; an existing code is reported', async () => {
    const file = await workbook([
      ['APBD-2026', 'APBD', null, 'Pemkab', 2026, 'ALL', null, null, 100, null],
      ['TJSLP-B-2026', 'TJSLP', null, 'PT B', 2026, 'VILLAGES', '17.03.06.2001', null, 100, null],
    ]);
    const dry = await upload(file, '?dryRun=true').expect(201);
    expect(dry.body).toMatchObject({ dryRun: true, accepted: 1, rejected: 1, issues: [expect.objectContaining({ rowNumber: 3, message: expect.stringContaining('sudah dipakai') })] });
    await keuangan.get('/api/v1/pledges/TJSLP-B-2026').expect(404);
    // A dryRun the service cannot read is refused, not taken as false (which saved the sheet).
    for (const query of ['?dryRun=TRUE', '?dryRun=ya']) {
      const res = await upload(file, query).expect(400);
      expect(res.body.details).toEqual([{ field: 'dryRun', messages: ['dryRun harus true, false, 1 atau 0'] }]);
    }
    const twice = await upload(file, '?dryRun=true&dryRun=false').expect(400);
    expect(twice.body.details).toEqual([{ field: 'dryRun', messages: ['dryRun dikirim lebih dari sekali: kirim sekali saja'] }]);
    await keuangan.get('/api/v1/pledges/TJSLP-B-2026').expect(404);
    const real = await upload(file).expect(201);
    expect(real.body).toMatchObject({ accepted: 1, rejected: 1, issues: [expect.objectContaining({ rowNumber: 3, column: 'KODE', message: expect.stringContaining('sudah dipakai') })] });
    await keuangan.get('/api/v1/pledges/TJSLP-B-2026').expect(200);
  });

  it('dryRun is read from the form as from the query; both may say it, not differently (QA: the form\'s dryRun=true saved the pledge)', async () => {
    const file = await workbook([['FORM-DRY-2026', 'TJSLP', null, 'PT F', 2026, 'ALL', null, null, 100, null]]);
    const send = (query: string, dryRun: string) => upload(file, query).field('dryRun', dryRun);
    expect((await send('', 'true').expect(201)).body).toMatchObject({ dryRun: true, accepted: 1 });
    expect((await send('?dryRun=1', 'true').expect(201)).body).toMatchObject({ dryRun: true, accepted: 1 });
    await keuangan.get('/api/v1/pledges/FORM-DRY-2026').expect(404);
    const conflicting = await send('?dryRun=false', 'true').expect(400);
    expect(conflicting.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(conflicting.body.details).toEqual([
      { field: 'dryRun', messages: ['dryRun dikirim dua kali dengan nilai berbeda (false pada alamat, true pada formulir): kirim sekali saja'] },
    ]);
    expect((await send('', 'ya').expect(400)).body.details).toEqual([{ field: 'dryRun', messages: ['dryRun harus true, false, 1 atau 0'] }]);
    await keuangan.get('/api/v1/pledges/FORM-DRY-2026').expect(404);
    expect((await send('', '0').expect(201)).body).toMatchObject({ dryRun: false, accepted: 1 });
    await keuangan.get('/api/v1/pledges/FORM-DRY-2026').expect(200);
  });

  it('tells each finding on one line, though the value it quotes held a line break (QA)', async () => {
    const file = await workbook(
      [['TJSLP-L-2026', 'TJSLP', null, 'PT L', 2026, 'VILLAGES', '1703999999\r\n17.03.06.2001', null, 100, null]],
      [['TJSLP\nLAIN', '17.03.06.2001']],
    );
    const res = await upload(file, '?dryRun=true').expect(201);
    expect(res.body.issues).toHaveLength(2);
    expect(res.body.issues[1].message).toBe('Kode komitmen "TJSLP LAIN" tidak ada di sheet komitmen.');
    for (const issue of res.body.issues) expect(issue.message).not.toMatch(/[\r\n]/);
  });

  it("words each refusal in the sheet's column names, not the API's fields", async () => {
    const file = await workbook(
      [
        ['DESA-Y-2026', 'DESA', null, 'Desa Y', 2026, 'VILLAGES', '1703062001', null, 150, null],
        ['TJSLP-Z-2026', 'TJSLP', null, 'PT Z', 2026, 'ALL', null, null, 100, '-5'],
        // QA: "Peserta tertentu" typed in CAKUPAN was told "NIK wajib diisi untuk CAKUPAN RESIDENTS"
        ['TJSLP-P-2026', 'TJSLP', null, 'PT P', 2026, 'Peserta tertentu', null, null, 100, null],
        ['TJSLP-Q-2026', 'TJSLP', 'ADD', 'PT Q', 2026, 'Semua peserta', null, '1703064101900001', 100, null],
        ['TJSLP-S-2026', 'TJSLP', null, 'PT S', 2026, 'Semua peserta', null, null, 100, null],
      ],
      [['TJSLP-S-2026', '1703064101900001']],
    );
    const res = await keuangan.post('/api/v1/pledge-uploads?dryRun=true').attach('file', file, 'komitmen.xlsx').expect(201);
    const said = res.body.issues.map((i: { column: string; message: string }) => [i.column, i.message]);
    expect(said).toEqual(expect.arrayContaining([
      ['JENIS_DANA', 'JENIS_DANA wajib diisi bila SUMBER APBDes (DESA): Dana Desa (DANA_DESA), Alokasi Dana Desa (ADD) atau Pendapatan Asli Desa (PADES).'],
      ['PERSEN', 'PERSEN "150" harus bilangan bulat 1 sampai 100.'],
      ['PAGU', expect.stringMatching(/^PAGU \(pagu setahun\) harus rupiah bulat/)],
      ['NIK', 'NIK wajib diisi bila CAKUPAN Peserta tertentu (RESIDENTS): isi minimal satu NIK penerima.'],
      ['JENIS_DANA', 'JENIS_DANA hanya diisi bila SUMBER APBDes (DESA); kosongkan untuk TJSLP (CSR).'],
      ['NIK', 'NIK hanya diisi bila CAKUPAN Peserta tertentu (RESIDENTS); cakupan ini Semua peserta (ALL), kosongkan daftar NIK-nya.'],
      ['NILAI', 'Komitmen TJSLP-S-2026 bercakupan Semua peserta (ALL): daftar di sheet Daftar hanya untuk CAKUPAN Desa tertentu (VILLAGES) atau Peserta tertentu (RESIDENTS).'],
    ]));
    expect(JSON.stringify(said)).not.toMatch(/\b(fund|sharePercent|budget|fromMonth|toMonth|scope|niks|villageCodes|sourceType)\b/);
    // a code is said after its name, never alone (CAKUPAN RESIDENTS, sumber DESA)
    expect(JSON.stringify(said)).not.toMatch(/(CAKUPAN|SUMBER|sumber) (ALL|VILLAGES|RESIDENTS|DESA|TJSLP|APBD)\b/);
  });

  it('reads numbers as the rules do: decimals and stray dots refused, thousands groups read; formulas without a value refused (QA)', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Komitmen');
    sheet.addRow(['KODE', 'SUMBER', 'PEMBERI_DANA', 'TAHUN', 'BULAN_DARI', 'CAKUPAN', 'PERSEN', 'KUOTA', 'PAGU']);
    sheet.addRow(['N-PAGU-DEC', 'TJSLP', 'PT', 2026, 1, 'ALL', 100, null, '37800.5']);
    sheet.addRow(['N-PAGU-DOTS', 'TJSLP', 'PT', 2026, 1, 'ALL', 100, null, '12.34.56']);
    sheet.addRow(['N-PERSEN', 'TJSLP', 'PT', 2026, 1, 'ALL', '1.5', null, null]);
    sheet.addRow(['N-KUOTA', 'TJSLP', 'PT', 2026, 1, 'ALL', 100, '5.5', null]);
    sheet.addRow(['N-BULAN', 'TJSLP', 'PT', 2026, '1.2', 'ALL', 100, null, null]);
    sheet.addRow(['N-PAGU-ERR', 'TJSLP', 'PT', 2026, 1, 'ALL', 40, null, { formula: '1/0', result: { error: '#DIV/0!' } }]);
    sheet.addRow(['N-OK', 'TJSLP', 'PT', 2026, 1, 'ALL', 100, '1.000', 'Rp 1.500.000']);
    const res = await upload(Buffer.from(await wb.xlsx.writeBuffer()), '?dryRun=true').expect(201);
    expect(res.body).toMatchObject({ rowsRead: 7, accepted: 1, rejected: 6 });
    expect(res.body.issues.map((i: { rowNumber: number; column: string }) => [i.rowNumber, i.column])).toEqual([
      [2, 'PAGU'], [3, 'PAGU'], [4, 'PERSEN'], [5, 'KUOTA'], [6, 'BULAN_DARI'], [7, 'PAGU'],
    ]);
    expect(res.body.issues[5].message).toMatch(/^PAGU: rumus =1\/0 tidak menghasilkan nilai/);
    await upload(Buffer.from(await wb.xlsx.writeBuffer())).expect(201);
    expect((await keuangan.get('/api/v1/pledges/N-OK').expect(200)).body).toMatchObject({ quota: 1000, budget: 1_500_000 });
    await keuangan.get('/api/v1/pledges/N-PAGU-ERR').expect(404);
  });

  it('a fraction in a number cell is told not whole; zero decimals written out and a leading apostrophe are read (QA)', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Komitmen');
    sheet.addRow(['KODE', 'SUMBER', 'PEMBERI_DANA', 'TAHUN', 'CAKUPAN', 'PERSEN', 'KUOTA']);
    sheet.addRow(['F-TAHUN', 'TJSLP', 'PT', 2026.5, 'ALL', 100, null]);
    sheet.addRow(['F-KUOTA', 'TJSLP', 'PT', 2026, 'ALL', 100, 12.25]);
    sheet.addRow(['F-PERSEN', 'TJSLP', 'PT', "'2026", 'ALL', '50,0', '1.000,00']);
    const res = await upload(Buffer.from(await wb.xlsx.writeBuffer()), '?dryRun=true').expect(201);
    expect(res.body).toMatchObject({ rowsRead: 3, accepted: 1, rejected: 2 });
    expect(res.body.issues.map((i: { rowNumber: number; column: string; message: string }) => [i.rowNumber, i.column, i.message])).toEqual([
      [2, 'TAHUN', 'TAHUN "2026,5" bukan bilangan bulat: tulis bilangan bulat, misalnya 2026.'],
      [3, 'KUOTA', 'KUOTA "12,25" bukan bilangan bulat: tulis bilangan bulat, misalnya 100 atau 1.000.'],
    ]);
    await upload(Buffer.from(await wb.xlsx.writeBuffer())).expect(201);
    expect((await keuangan.get('/api/v1/pledges/F-PERSEN').expect(200)).body).toMatchObject({ fiscalYear: 2026, sharePercent: 50, quota: 1000 });
  });

  it('a pledge whose Daftar list has a refused value is not saved with the rest of its list (QA)', async () => {
    const file = await workbook(
      [
        ['TJSLP-L-2026', 'TJSLP', null, 'PT L', 2026, 'RESIDENTS', null, null, 100, null],
        ['TJSLP-M-2026', 'TJSLP', null, 'PT M', 2026, 'RESIDENTS', null, null, 100, null],
      ],
      [
        ['TJSLP-L-2026', '1703064101900001'],
        ['TJSLP-L-2026', 1703064101900002],
        ['TJSLP-M-2026', '1703064101900003'],
      ],
    );
    const res = await upload(file).expect(201);
    expect(res.body).toMatchObject({ accepted: 1, rejected: 1, pledges: [expect.objectContaining({ code: 'TJSLP-M-2026' })] });
    expect(res.body.issues).toEqual([
      { sheet: 'Komitmen', rowNumber: 3, column: 'NIK', message: expect.stringMatching(/^Daftar baris 3 ditolak \(NIK ditulis sebagai angka.*komitmen ini tidak disimpan/) },
      { sheet: 'Daftar', rowNumber: 3, column: 'NILAI', message: expect.stringContaining('NIK ditulis sebagai angka') },
    ]);
    await keuangan.get('/api/v1/pledges/TJSLP-L-2026').expect(404);
  });

  it('a KODE merged over its list rows in Daftar refuses that pledge naming the range, rather than saving it with the first value only', async () => {
    const file = await workbook(
      [
        ['TJSLP-G-2026', 'TJSLP', null, 'PT G', 2026, 'RESIDENTS', null, null, 100, null],
        ['TJSLP-K-2026', 'TJSLP', null, 'PT K', 2026, 'RESIDENTS', null, null, 100, null],
      ],
      [
        ['TJSLP-G-2026', '1703064101900001'],
        [null, '1703064101900002'],
        [null, '1703064101900003'],
        ['TJSLP-K-2026', '1703064101900004'],
      ],
      'visible',
      ['A2:A4'],
    );
    const res = await upload(file).expect(201);
    expect(res.body).toMatchObject({ accepted: 1, rejected: 1, pledges: [expect.objectContaining({ code: 'TJSLP-K-2026' })] });
    expect(res.body.issues).toEqual([
      { sheet: 'Komitmen', rowNumber: 3, column: 'NIK', message: 'Daftar baris 3 ditolak (KODE di sel gabungan A2:A4); komitmen ini tidak disimpan sampai daftarnya benar.' },
      { sheet: 'Komitmen', rowNumber: 3, column: 'NIK', message: 'Daftar baris 4 ditolak (KODE di sel gabungan A2:A4); komitmen ini tidak disimpan sampai daftarnya benar.' },
      { sheet: 'Daftar', rowNumber: 3, column: 'KODE', message: expect.stringMatching(/^KODE ada di dalam sel gabungan A2:A4 \(merge\)/) },
      { sheet: 'Daftar', rowNumber: 4, column: 'KODE', message: expect.stringMatching(/^KODE ada di dalam sel gabungan A2:A4 \(merge\)/) },
    ]);
    await keuangan.get('/api/v1/pledges/TJSLP-G-2026').expect(404);
  });

  it('a PERSEN, KUOTA or PAGU merged over several pledges refuses the pledges under its first cell (QA: saved at 100 %, without quota or budget)', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Komitmen');
    sheet.addRow(['KODE', 'SUMBER', 'JENIS_DANA', 'PEMBERI_DANA', 'TAHUN', 'CAKUPAN', 'KODE_DESA', 'NIK', 'PERSEN', 'KUOTA', 'PAGU']);
    sheet.addRow(['DESA-M1-2026', 'DESA', 'ADD', 'Desa M1', 2026, 'VILLAGES', '1703062001', null, 50, 5, '1.000.000']);
    sheet.addRow(['DESA-M2-2026', 'DESA', 'ADD', 'Desa M2', 2026, 'VILLAGES', '1703062002', null, null, null, null]);
    sheet.mergeCells('I2:I3');
    sheet.mergeCells('J2:J3');
    sheet.mergeCells('K2:K3');
    const res = await upload(Buffer.from(await wb.xlsx.writeBuffer())).expect(201);
    expect(res.body).toMatchObject({ accepted: 1, rejected: 1, pledges: [expect.objectContaining({ code: 'DESA-M1-2026' })] });
    expect(res.body.issues.map((i: { rowNumber: number; column: string }) => [i.rowNumber, i.column])).toEqual([
      [3, 'PERSEN'],
      [3, 'KUOTA'],
      [3, 'PAGU'],
    ]);
    expect(res.body.issues[0].message).toMatch(/^PERSEN ada di dalam sel gabungan I2:I3 \(merge\)/);
    await keuangan.get('/api/v1/pledges/DESA-M2-2026').expect(404);
  });

  /**
   * Headers the sheet does not know (QA: `PERSEN (%)` of 50 ignored unsaid, the pledge saved at 100 %). Golden files:
   * test/fixtures/pledges/ok/persen-dengan-tanda-persen.csv, judul-kolom-lain.csv; not-ok/persen-potongan.csv.
   */
  it('reads PERSEN (%) and the common phrasings of optional columns, names the columns not read, and refuses a header looking like a column it lacks', async () => {
    const fixture = (name: string) => keuangan.post('/api/v1/pledge-uploads').attach('file', readFileSync(`test/fixtures/pledges/${name}`), name.split('/')[1]);
    const half = await fixture('ok/persen-dengan-tanda-persen.csv').expect(201);
    expect(half.body).toMatchObject({ accepted: 1, rejected: 0, issues: [] });
    expect(half.body.sheetWarnings).toEqual([
      { code: 'COLUMNS_NOT_READ', sheet: 'Komitmen', headers: ['NO', 'KETERANGAN'], message: 'Sheet Komitmen: kolom berikut tidak dibaca: NO, KETERANGAN.' },
      {
        code: 'HEADERS_READ_AS',
        sheet: 'Komitmen',
        headersReadAs: [{ header: 'PERSEN (%)', column: 'PERSEN', columnLetter: 'G' }],
        message: 'Sheet Komitmen: kolom "PERSEN (%)" (kolom G) dibaca sebagai PERSEN.',
      },
    ]);
    expect((await keuangan.get('/api/v1/pledges/TJSLP-SEPARUH-2026').expect(200)).body.sharePercent).toBe(50);

    const phrased = await fixture('ok/judul-kolom-lain.csv').expect(201);
    expect(phrased.body).toMatchObject({ accepted: 1, rejected: 0, issues: [] });
    expect(phrased.body.sheetWarnings.map((w: { code: string; headers?: string[] }) => [w.code, w.headers])).toEqual([
      ['COLUMNS_NOT_READ', ['NAMA DESA', 'KECAMATAN']],
      ['HEADERS_READ_AS', undefined],
    ]);
    // the phrasings read as columns are said, each with its letter
    expect(phrased.body.sheetWarnings[1].headersReadAs.map((r: { header: string; column: string; columnLetter: string }) => `${r.columnLetter} ${r.header} → ${r.column}`)).toEqual([
      'F PROSENTASE → PERSEN',
      'G BULAN MULAI → BULAN_DARI',
      'H BULAN SELESAI → BULAN_SAMPAI',
      'I PAGU ANGGARAN → PAGU',
      'J KUOTA PESERTA → KUOTA',
    ]);
    expect((await keuangan.get('/api/v1/pledges/TJSLP-JUDUL-2026').expect(200)).body).toMatchObject({ sharePercent: 40, fromMonth: 3, toMonth: 11, budget: 500_000_000, quota: 200 });

    const refused = await fixture('not-ok/persen-potongan.csv').expect(400);
    expect(refused.body).toMatchObject({
      code: 'UNKNOWN_COLUMN',
      message: 'Kolom "PERSEN POTONGAN" tidak dikenal. Mungkin maksudnya PERSEN? Ganti judul kolomnya menjadi PERSEN (atau hapus kolom itu), lalu unggah ulang.',
      details: { columns: [{ header: 'PERSEN POTONGAN', meant: ['PERSEN'] }] },
    });
    await keuangan.get('/api/v1/pledges/TJSLP-POTONGAN-2026').expect(404); // nothing stored
  });

  it('reads KODE *, SUMBER (wajib) and PAGU [Rp] as their columns; refuses PERSEN beside PERSEN (%), naming both, saving nothing', async () => {
    const sheet = (header: string, row: string) => Buffer.from(`${header}\n${row}\n`);
    const hintedSheet = sheet('KODE *;SUMBER (wajib);PEMBERI_DANA;TAHUN *;CAKUPAN;PAGU [Rp]', 'TJSLP-PETUNJUK-2026;TJSLP;PT Uji Petunjuk;2026;ALL;250000000');
    const readAs = [
      {
        code: 'HEADERS_READ_AS',
        sheet: 'Komitmen',
        headersReadAs: [
          { header: 'KODE *', column: 'KODE', columnLetter: 'A' },
          { header: 'SUMBER (wajib)', column: 'SUMBER', columnLetter: 'B' },
          { header: 'TAHUN *', column: 'TAHUN', columnLetter: 'D' },
          { header: 'PAGU [Rp]', column: 'PAGU', columnLetter: 'F' },
        ],
        message: 'Sheet Komitmen: kolom "KODE *" (kolom A) dibaca sebagai KODE, "SUMBER (wajib)" (kolom B) sebagai SUMBER, "TAHUN *" (kolom D) sebagai TAHUN, "PAGU [Rp]" (kolom F) sebagai PAGU.',
      },
    ];
    // the dry run says it as the upload does
    const dry = await keuangan.post('/api/v1/pledge-uploads?dryRun=true').attach('file', hintedSheet, 'petunjuk.csv').expect(201);
    expect(dry.body).toMatchObject({ dryRun: true, accepted: 1, rejected: 0, issues: [], sheetWarnings: readAs });
    const hinted = await keuangan.post('/api/v1/pledge-uploads').attach('file', hintedSheet, 'petunjuk.csv').expect(201);
    expect(hinted.body).toMatchObject({ accepted: 1, rejected: 0, issues: [], sheetWarnings: readAs });
    expect((await keuangan.get('/api/v1/pledges/TJSLP-PETUNJUK-2026').expect(200)).body).toMatchObject({ sourceType: 'TJSLP', budget: 250_000_000 });
    const refused = await keuangan
      .post('/api/v1/pledge-uploads')
      .attach('file', sheet('KODE;SUMBER;PEMBERI_DANA;TAHUN;CAKUPAN;PERSEN;PERSEN (%)', 'TJSLP-GANDA-2026;TJSLP;PT Uji Ganda;2026;ALL;100;50'), 'ganda.csv')
      .expect(400);
    expect(refused.body).toMatchObject({ code: 'DUPLICATE_COLUMN', details: { columns: [{ column: 'PERSEN', headers: ['PERSEN', 'PERSEN (%)'], letters: ['F', 'G'] }] } });
    expect(refused.body.message).toMatch(/^Kolom "PERSEN" \(kolom F\) dan "PERSEN \(%\)" \(kolom G\) sama-sama dibaca sebagai PERSEN, /);
    await keuangan.get('/api/v1/pledges/TJSLP-GANDA-2026').expect(404);
    // the Daftar sheet alike: its rows are not left out unsaid
    const withList = await pledgeWorkbook(HEADER, [['TJSLP-DAFTAR-2026', 'TJSLP', null, 'PT Uji Daftar', 2026, 'RESIDENTS', null, null, 100, null]], {
      header: ['KODE', 'KODE *', 'NILAI'],
      rows: [['TJSLP-DAFTAR-2026', 'TJSLP-DAFTAR-2026', '1703064101900001']],
    });
    const daftar = await upload(withList).expect(400);
    expect(daftar.body).toMatchObject({ code: 'DUPLICATE_COLUMN', details: { columns: [{ column: 'KODE', headers: ['KODE', 'KODE *'] }] } });
    await keuangan.get('/api/v1/pledges/TJSLP-DAFTAR-2026').expect(404);
    // a header repeated (KODE in columns A and G: the second was dropped unsaid), dry run or not; golden file:
    // test/fixtures/pledges/not-ok/kode-dua-kolom.csv
    for (const path of ['/api/v1/pledge-uploads?dryRun=true', '/api/v1/pledge-uploads']) {
      const repeated = await keuangan.post(path).attach('file', readFileSync('test/fixtures/pledges/not-ok/kode-dua-kolom.csv'), 'kode-dua-kolom.csv').expect(400);
      expect(repeated.body).toMatchObject({ code: 'DUPLICATE_COLUMN', details: { columns: [{ column: 'KODE', headers: ['KODE', 'KODE'], letters: ['A', 'G'] }] } });
      expect(repeated.body.message).toMatch(/^Kolom "KODE" \(kolom A\) dan "KODE" \(kolom G\) sama-sama dibaca sebagai KODE, /);
    }
    await keuangan.get('/api/v1/pledges/GOLDEN-ULANG-2027').expect(404);
  });

  // One golden file per pledge rule (test/fixtures/pledges/not-ok, named after the rule in the sheet's words): a good
  // first row, saved, and rows that break that rule alone, each refused naming its row, column and why.
  it.each([
    ['kode-tidak-valid.csv', [[3, 'KODE', 'KODE "-1-1" harus diawali huruf atau angka (bukan titik, garis bawah atau tanda hubung).']]],
    ['sumber-tidak-dikenal.csv', [[3, 'SUMBER', 'SUMBER "APBN" harus salah satu dari: APBD, APBD_PROV, DESA, TJSLP. Boleh juga ditulis dengan namanya: APBD Kabupaten, APBD Provinsi, APBDes, TJSLP (CSR).']]],
    ['jenis-dana-tidak-sesuai-sumber.csv', [[3, 'JENIS_DANA', 'JENIS_DANA hanya diisi bila SUMBER APBDes (DESA); kosongkan untuk APBD Kabupaten (APBD).'], [4, 'JENIS_DANA', 'JENIS_DANA wajib diisi bila SUMBER APBDes (DESA): Dana Desa (DANA_DESA), Alokasi Dana Desa (ADD) atau Pendapatan Asli Desa (PADES).']]],
    ['pemberi-dana-kosong.csv', [[3, 'PEMBERI_DANA', 'PEMBERI_DANA (nama pemberi dana) wajib diisi.']]],
    ['tahun-di-luar-rentang.csv', [[3, 'TAHUN', 'TAHUN (tahun anggaran) 2100 harus antara 2018 dan 2099.'], [4, 'TAHUN', 'TAHUN (tahun anggaran) 2017 harus antara 2018 dan 2099.']]],
    ['bulan-sampai-sebelum-bulan-dari.csv', [[3, 'BULAN_SAMPAI', 'BULAN_SAMPAI (bulan akhir) Maret lebih awal dari bulan awal September: bulan akhir harus sama dengan atau sesudah bulan awal.']]],
    ['cakupan-tidak-dikenal.csv', [[3, 'CAKUPAN', 'CAKUPAN "SEBAGIAN" harus salah satu dari: ALL, VILLAGES, RESIDENTS. Boleh juga ditulis dengan namanya: Semua peserta, Desa tertentu, Peserta tertentu (NIK).']]],
    ['kode-desa-tidak-dikenal.csv', [[3, 'KODE_DESA', 'Kode desa tidak dikenal di Kabupaten Bengkulu Utara: 1703999999. Kode desa yang dikenal ada di pilihan "Desa yang ditanggung" pada formulir komitmen (menu Komitmen).']]],
    ['nik-tidak-valid.csv', [[3, 'NIK', 'NIK tidak valid: harus 16 digit angka (format kolom sebagai Teks di Excel), digit 7–12 tanggal lahir yang mungkin (DDMMYY, +40 untuk perempuan), nomor urut bukan 0000: 1703063201900001.']]],
    ['persen-di-luar-rentang.csv', [[3, 'PERSEN', 'PERSEN "0" harus bilangan bulat 1 sampai 100.'], [4, 'PERSEN', 'PERSEN "101" harus bilangan bulat 1 sampai 100.']]],
    ['kuota-bukan-positif.csv', [[3, 'KUOTA', 'KUOTA (jumlah peserta per bulan) harus bilangan bulat lebih dari 0 dan paling besar 2.000.000.000.']]],
    ['pagu-bukan-positif.csv', [[3, 'PAGU', 'PAGU (pagu setahun) harus rupiah bulat lebih dari 0 dan paling besar Rp10.000.000.000.000.']]],
    ['prioritas-di-luar-rentang.csv', [[3, 'PRIORITAS', 'PRIORITAS harus bilangan bulat (-1000000 sampai 1000000); angka lebih kecil dipakai lebih dahulu.']]],
    ['dasar-hukum-terlalu-panjang.csv', [[3, 'DASAR_HUKUM', 'DASAR_HUKUM terlalu panjang (501 karakter, paling banyak 500).']]],
  ] as [string, [number, string, string][]][])('not-ok/%s: the good row is saved, the others refused by that rule only', async (name, refused) => {
    const res = await keuangan.post('/api/v1/pledge-uploads').attach('file', readFileSync(`test/fixtures/pledges/not-ok/${name}`), name).expect(201);
    expect(res.body).toMatchObject({ accepted: 1, rejected: refused.length, listRowsRejected: 0 });
    expect(res.body.pledges.map((p: { code: string }) => p.code)).toEqual([expect.stringMatching(/^GOLDEN-[A-Z]+-OK-2027$/)]);
    expect(res.body.issues.map((i: { sheet: string; rowNumber: number; column: string; message: string }) => [i.sheet, i.rowNumber, i.column, i.message])).toEqual(refused.map((r) => ['Komitmen', ...r]));
  });

  it('a Daftar list on a hidden sheet refuses the upload, naming the sheet, rather than saving the pledge without it', async () => {
    const file = await workbook([['TJSLP-H-2026', 'TJSLP', null, 'PT H', 2026, 'RESIDENTS', null, null, 100, null]], [['TJSLP-H-2026', '1703064101900001']], 'hidden');
    const res = await upload(file).expect(400);
    expect(res.body).toMatchObject({ code: 'HIDDEN_SHEET', details: { sheet: 'Daftar' } });
    await keuangan.get('/api/v1/pledges/TJSLP-H-2026').expect(404);
  });

  it('a Komitmen sheet with its header only and the pledges on a hidden sheet refuses the upload naming that sheet (QA: NO_DATA_ROWS)', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Komitmen').addRow(HEADER);
    wb.addWorksheet('Daftar').addRow(['KODE', 'NILAI']);
    const old = wb.addWorksheet('Komitmen Lama', { state: 'hidden' });
    [HEADER, ['TJSLP-L-2026', 'TJSLP', null, 'PT L', 2026, 'RESIDENTS', null, null, 100, null]].forEach((r) => old.addRow(r));
    const res = await upload(Buffer.from(await wb.xlsx.writeBuffer())).expect(400);
    expect(res.body).toMatchObject({ code: 'HIDDEN_SHEET', details: { sheet: 'Komitmen Lama' } });
    expect(res.body.message).toMatch(/^Data berkas "komitmen\.xlsx" ada di sheet tersembunyi "Komitmen Lama"/);
    await keuangan.get('/api/v1/pledges/TJSLP-L-2026').expect(404);
  });

  it('a dry run shows the Dana Desa warning the saved pledge would carry (QA)', async () => {
    const file = await workbook([['DESA-W-2026', 'DESA', 'DANA_DESA', 'Desa W', 2026, 'VILLAGES', '1703062003', null, 100, null]]);
    const dry = await upload(file, '?dryRun=true').expect(201);
    expect(dry.body.pledges).toEqual([{ rowNumber: 3, code: 'DESA-W-2026', warnings: [expect.objectContaining({ code: 'DANA_DESA_PBI' })] }]);
  });

  it('refuses a file that is not a sheet, and auditors', async () => {
    await upload(Buffer.from('bukan sheet\u0000\u0001')).expect(400);
    await (await t.as(Role.AUDITOR)).post('/api/v1/pledge-uploads').attach('file', Buffer.from('KODE\n'), 'a.csv').expect(403);
  });

  it('the template holds no pledge: uploaded as it comes it is refused, filled it is read (QA: its example rows were saved as pledges)', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'pledges-')), 'pledges.xlsx');
    await writePledgeTemplate(path);
    const before = await t.dataSource.query('SELECT count(*)::int AS n FROM pledge');
    const empty = await keuangan.post('/api/v1/pledge-uploads').attach('file', await readFile(path), 'pledges.xlsx').expect(400);
    expect(empty.body).toMatchObject({ code: 'NO_DATA_ROWS' });
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM pledge')).toEqual(before);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Komitmen', 'Daftar', 'Petunjuk', 'Contoh']);
    const contoh = wb.getWorksheet('Contoh')!;
    expect(contoh.getRow(3).values).toEqual([undefined, 'KODE', 'APBD-2026', 'APBD_PROV-2026', 'DESA-1703062001-2026', 'TJSLP-CONTOH-2026']);
    // the priority note in plain words, with the defaults the pledge rules apply (DEFAULT_PRIORITY) (proofreader)
    const help = Array.from(wb.getWorksheet('Petunjuk')!.getColumn(1).values, (v) => String(v ?? ''));
    expect(help.find((line) => line.startsWith('PRIORITAS:'))).toBe(
      'PRIORITAS: angka lebih kecil dipakai lebih dahulu (bila kosong: RESIDENTS 10, VILLAGES 20, ALL 90; prioritas yang sama diurutkan menurut KODE). Porsi provinsi (mis. 40%) dengan prioritas kosong (90) dipakai sesudah APBD kabupaten yang kodenya lebih awal: beri prioritas lebih kecil (mis. 30) agar porsinya dipakai sejak awal.',
    );
    wb.getWorksheet('Komitmen')!.addRow(['TPL-2026', 'TJSLP', null, 'PT Templat', 2026, 1, 12, 'ALL']);
    const filled = await keuangan.post('/api/v1/pledge-uploads?dryRun=true').attach('file', Buffer.from(await wb.xlsx.writeBuffer()), 'pledges.xlsx').expect(201);
    expect(filled.body).toMatchObject({ rowsRead: 1, accepted: 1, rejected: 0 });
  });

  it('serves the template for download beside the enrollment one, the same bytes a check accepts (QA: there was no route)', async () => {
    const download = await (await t.as(Role.AUDITOR))
      .get('/api/v1/templates/pledges.xlsx')
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(download.headers['content-type']).toContain('spreadsheetml');
    expect(download.headers['content-disposition']).toContain('templat-komitmen-pendanaan.xlsx');
    const res = await keuangan.post('/api/v1/pledge-uploads?dryRun=true').attach('file', download.body as Buffer, 'templat.xlsx').expect(400);
    expect(res.body).toMatchObject({ code: 'NO_DATA_ROWS' });
  });
});
