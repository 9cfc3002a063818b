import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import ExcelJS from 'exceljs';
import { Role } from '../../src/users/role.js';
import { binary } from '../reports/support/xlsx.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { issues, upload } from './support.js';

jest.setTimeout(180_000);

/**
 * The row report fits Excel: an uploaded value longer than a cell holds (32,767 characters) is cut to fit, ending
 * with a marker, and KETERANGAN says so (QA: a 20 MB NAMA was copied whole, and the report, uploaded back, was refused
 * as too large). Its download name keeps accented letters as their base letters (QA: `Ña` became `N_a`).
 */
const HEADER = 'NIK,NO_KK,NAMA,TANGGAL_LAHIR,JENIS_KELAMIN,KODE_DESA,TMT';
const row = (serial: number, name: string) => `17030601017${String(serial).padStart(5, '0')},1703060101200001,${name},1970-01-01,L,17.03.06.2001,2025-01-01`;

describe('the upload report: cells that fit Excel, a file name without accents', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp({ uploadBackgroundBytes: 10_000_000 }))); // the long row is answered at once
  afterAll(() => t?.close());

  const report = async (id: string) => {
    const res = await (await t.as(Role.AUDITOR)).get(`/api/v1/enrollment-uploads/${id}/report.xlsx`).buffer(true).parse(binary).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as never);
    return { res, rows: wb.getWorksheet('Perbaiki')!.getSheetValues().slice(1) as unknown[][] };
  };

  it('cuts a NAMA of 1,000,000 characters to 32,767, with a marker, and says so in KETERANGAN', async () => {
    const long = 'A'.repeat(1_000_000);
    const up = await upload(t, { name: 'panjang.csv', content: Buffer.from(`${HEADER}\n${row(1, long)}\n${row(2, 'Nama Biasa')}\n`) });
    expect(up.body).toMatchObject({ status: 'DONE', rowsRead: 2, accepted: 1, rejected: 1 });
    expect((await issues(t, up.body.id)).map((i) => [i.row_number, i.code])).toEqual([[2, 'TEXT_TOO_LONG']]);
    const { res, rows } = await report(up.body.id);
    const header = rows[0].slice(1);
    const cells = rows[1].slice(1);
    const name = cells[header.indexOf('NAMA')] as string;
    expect(name).toHaveLength(32_767);
    expect(name.startsWith('AAAA')).toBe(true);
    expect(name.endsWith(' … [DIPOTONG: aslinya 1.000.000 karakter]')).toBe(true);
    const said = (cells[header.indexOf('KETERANGAN')] as string).split('\n');
    expect(said).toHaveLength(2);
    expect(said[0]).toMatch(/^NAMA /); // the row's own finding first
    expect(said[1]).toBe(
      'NAMA terlalu panjang untuk satu sel Excel (1.000.000 karakter; paling banyak 32.767): laporan ini hanya memuat awalnya, ' +
        'diakhiri "[DIPOTONG …]". Isi sel itu dengan nilai yang benar sebelum mengunggah kembali.',
    );
    expect(cells[header.indexOf('NIK')]).toBe('1703060101700001'); // the other cells as uploaded
    // uploaded back as it is, the report is read (QA: refused as too large) and the cut name refused again
    const again = await upload(t, { name: 'laporan.xlsx', content: res.body as Buffer });
    expect(again.body).toMatchObject({ status: 'DONE', rowsRead: 1, accepted: 0, rejected: 1 });
    expect((await issues(t, again.body.id)).map((i) => [i.row_number, i.code])).toEqual([[2, 'TEXT_TOO_LONG']]);
  });

  it('names the download after the file with accented letters as their base letters', async () => {
    const up = await upload(t, { name: 'Daftar Peserta Ña (final) v2.csv', content: Buffer.from(`${HEADER}\n${row(3, '')}\n`) });
    const { res } = await report(up.body.id);
    expect(res.headers['content-disposition']).toMatch(new RegExp(`^attachment; filename="laporan-unggahan-peserta-Daftar_Peserta_Na_final_v2-\\d{4}-\\d{2}-\\d{2}-${up.body.id.slice(0, 8)}\\.xlsx"$`));
  });
});

/**
 * The row report of a file headed with accepted aliases (No Kartu, Tgl Lahir): its Perbaiki sheet is
 * headed as the file was, like the findings in KETERANGAN, and fixed there it uploads again as it is.
 */
describe('the upload report of a file headed with aliases', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('heads Perbaiki as the file (own names for the headers that were own names), and the fixed sheet uploads again', async () => {
    const first = await upload(t, 'not-ok/alias-headers.csv');
    expect(first.body).toMatchObject({ status: 'DONE', accepted: 1, rejected: 4 });
    const report = await (await t.as(Role.OPERATOR_DINKES)).get(`/api/v1/enrollment-uploads/${first.body.id}/report.xlsx`).buffer(true).parse(binary).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(report.body);
    const ws = wb.getWorksheet('Perbaiki')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([
      'No KTP', 'NO_KK', 'Nama Peserta', 'Tgl Lahir', 'JK', 'KODE_DESA', 'No Kartu', 'Tanggal Mulai', 'Tgl Berakhir', 'Alasan', 'BARIS', 'STATUS', 'KETERANGAN',
    ]);
    const row = (baris: number) => ws.getRow([2, 3, 4, 5].find((r) => ws.getRow(r).getCell(11).value === baris)!);
    expect(row(3).getCell(13).value).toBe('No Kartu "12345" harus tepat 13 digit angka atau dikosongkan.');

    // fixed in the report, under its headers: the extra columns (BARIS, STATUS, KETERANGAN) are ignored
    row(3).getCell(7).value = null; // No Kartu
    row(4).getCell(4).value = '1970-02-28'; // Tgl Lahir
    row(5).getCell(9).value = null; // Tgl Berakhir
    row(5).getCell(10).value = null; // Alasan
    row(6).getCell(5).value = 'P'; // JK
    const again = await upload(t, { name: 'laporan-diperbaiki.xlsx', content: Buffer.from(await wb.xlsx.writeBuffer()) });
    expect(again.body).toMatchObject({ status: 'DONE', rowsRead: 4, accepted: 4, rejected: 0, created: 4 });
  });
});

/**
 * The enrollment row report keeps the uploaded file's layout, as the payment sheet's does: Perbaiki lists
 * the columns in the order the file had them, headed as the file headed them, and the columns it lacked
 * after them (their own names); fixed there, it uploads again as it is.
 */
describe('the enrollment upload report keeps the file\'s column order', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('Nama Peserta first and No KTP second stay so; TAT and ALASAN_BERAKHIR, absent, come last; the fixed sheet uploads again', async () => {
    const csv = [
      'Nama Peserta,No KTP,JK,Tgl Lahir,NO KK,Kode Desa,TMT,No Kartu',
      'Baris Baik,1703060101709001,L,1970-01-01,1703060101200001,17.03.06.2001,2025-01-01,',
      'Uji,1703060101700002,L,31-02-1970,1703060101200001,17.03.06.2001,2025-01-01,12345',
    ].join('\n');
    const first = await upload(t, { name: 'urut-kolom.csv', content: Buffer.from(csv) });
    expect(first.body).toMatchObject({ status: 'DONE', accepted: 1, rejected: 1 });
    const report = await (await t.as(Role.OPERATOR_DINKES)).get(`/api/v1/enrollment-uploads/${first.body.id}/report.xlsx`).buffer(true).parse(binary).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(report.body);
    const ws = wb.getWorksheet('Perbaiki')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Nama Peserta', 'No KTP', 'JK', 'Tgl Lahir', 'NO_KK', 'KODE_DESA', 'TMT', 'No Kartu', 'TAT', 'ALASAN_BERAKHIR', 'BARIS', 'STATUS', 'KETERANGAN',
    ]);
    expect((ws.getRow(2).values as unknown[]).slice(1, 9)).toEqual(['Uji', '1703060101700002', 'L', '31-02-1970', '1703060101200001', '17.03.06.2001', '01/01/2025', '12345']);
    // Tgl Lahir's message before No Kartu's, as in the file
    expect(String(ws.getRow(2).getCell(13).value).split('\n').map((m) => m.split(' ')[0])).toEqual(['Tgl', 'No']);

    ws.getRow(2).getCell(4).value = '1970-02-28';
    ws.getRow(2).getCell(8).value = null;
    const again = await upload(t, { name: 'urut-kolom-diperbaiki.xlsx', content: Buffer.from(await wb.xlsx.writeBuffer()) });
    expect(again.body).toMatchObject({ status: 'DONE', rowsRead: 1, accepted: 1, rejected: 0, created: 1 });
  });
});

/**
 * The Perbaiki sheet round-trips (QA): uploaded back untouched, every row reads as the first upload
 * read it. A date pasted as a value into the template's Text cells (31180) was accepted as 1985-05-13
 * and written back as the text "31180", which the re-upload refused in every date column; a NIK that
 * arrived as a number was left blank, so the operator had to find it again. (A NIK repeated from an
 * earlier row stays blank: uploaded back it would overwrite the participant that row registered.)
 */
const HEADERS = ['NIK', 'NO_KK', 'NAMA', 'TANGGAL_LAHIR', 'JENIS_KELAMIN', 'KODE_DESA', 'NOKA', 'TMT', 'TAT', 'ALASAN_BERAKHIR'];
const KK = '1703060101200001';
describe('the Perbaiki sheet uploaded back', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  async function report(uploadId: string): Promise<{ content: Buffer; rows: unknown[][] }> {
    const res = await (await t.as(Role.OPERATOR_DINKES)).get(`/api/v1/enrollment-uploads/${uploadId}/report.xlsx`).buffer(true).parse(binary).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body);
    return { content: res.body, rows: wb.getWorksheet('Perbaiki')!.getSheetValues().slice(2) as unknown[][] };
  }

  it('reads dates pasted as numbers and numeric NIKs as the first upload did, every value but a repeated NIK repeated', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Daftar Peserta');
    HEADERS.forEach((_, i) => (ws.getColumn(i + 1).numFmt = '@')); // the template: every column Text
    ws.addRow(HEADERS);
    // 31180 = 1985-05-13, 46023 = 2026-01-01, 46326 = 2026-10-31
    ws.addRow(['1801061305850001', KK, 'Warga Luar', 31180, 'L', '17.03.06.2001', '', 46023, '', '']); // accepted, warned (NIK of another regency)
    ws.addRow(['1703061305850002', KK, 'Desa Salah', 31180, 'L', '17.03.06.9999', '', 46023, 46326, 'PINDAH']); // refused for the village only
    ws.addRow([1703061305850003, KK, 'NIK Angka', 31180, 'L', '17.03.06.2001', '', 46023, '', '']); // refused: NIK a number
    ws.addRow(['1801061305850001', KK, 'Ganda', 31180, 'L', '17.03.06.2001', '', 46023, '', '']); // refused: NIK of row 2
    const first = await upload(t, { name: 'tempel-nilai.xlsx', content: Buffer.from(await wb.xlsx.writeBuffer()) });
    expect(first.body).toMatchObject({ status: 'DONE', accepted: 1, rejected: 3, warnings: 1 });
    const [person] = await t.dataSource.query(`SELECT birth_date, tmt FROM participant WHERE nik = '1801061305850001'`);
    expect(person).toEqual({ birth_date: '1985-05-13', tmt: '2026-01-01' });

    const { content, rows } = await report(first.body.id);
    // every refused row carries its values as uploaded: the numbers as numbers, the numeric NIK of row 4 too, but the dates,
    // written day first as the template's (DD/MM/YYYY text); row 5's repeated NIK is left out; row 2, accepted with a
    // warning, is not repeated (it is on Peringatan)
    expect(rows.map((r) => [r[11], r[1], r[4], r[8], r[9]])).toEqual([
      [3, '1703061305850002', '13/05/1985', '01/01/2026', '31/10/2026'],
      [4, 1703061305850003, '13/05/1985', '01/01/2026', undefined],
      [5, undefined, '13/05/1985', '01/01/2026', undefined],
    ]);

    const again = await upload(t, { name: 'laporan-diperbaiki.xlsx', content });
    expect(again.body).toMatchObject({ status: 'DONE', rowsRead: 3, accepted: 0, rejected: 3, warnings: 0 });
    const found = (await issues(t, again.body.id)).map((i) => [i.row_number, i.column_name, i.code]);
    expect(found).toEqual([
      [2, 'KODE_DESA', 'VILLAGE_UNKNOWN'],
      [3, 'NIK', 'NIK_NUMERIC_CELL'],
      [4, 'NIK', 'REQUIRED'], // left out: someone types the NIK back (this row is the right one) or drops the row
    ]);
  });
});

describe('the upload report workbook', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('repeats rejected rows as uploaded with the messages, ready to fix and re-upload; warned rows, saved, only on Peringatan', async () => {
    const res = await upload(t, 'not-ok/nik-female-day-plus-40.csv');
    const bad = await upload(t, 'not-ok/duplicate-nik-in-file.csv');
    const report = await (await t.as(Role.AUDITOR)).get(`/api/v1/enrollment-uploads/${bad.body.id}/report.xlsx`).buffer(true).parse(binary).expect(200);
    expect(report.headers['content-type']).toMatch(/spreadsheetml/);
    // which file it reports on, the day and the upload (QA: laporan-unggahan-<id>.xlsx said nothing of the file)
    expect(report.headers['content-disposition']).toMatch(new RegExp(`^attachment; filename="laporan-unggahan-peserta-duplicate-nik-in-file-\\d{4}-\\d{2}-\\d{2}-${bad.body.id.slice(0, 8)}\\.xlsx"$`));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(report.body);
    const ws = wb.getWorksheet('Perbaiki')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['NIK', 'NO_KK', 'NAMA', 'TANGGAL_LAHIR', 'JENIS_KELAMIN', 'KODE_DESA', 'NOKA', 'TMT', 'TAT', 'ALASAN_BERAKHIR', 'BARIS', 'STATUS', 'KETERANGAN']);
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual([
      // the NIK left out, named by the message, so the row uploaded back unchanged cannot overwrite row 3's
      undefined, '1703060101200001', 'Ganda', '01/01/1970', 'L', '17.03.06.2001', undefined, '01/01/2025', undefined, undefined, 5, 'DITOLAK',
      'NIK 1703060101700001 sudah ada di baris 3 berkas ini dengan data lain (berbeda: NAMA); nilai baris 3 yang disimpan, baris ini ditolak. ' +
        'Di laporan, NIK baris ini dikosongkan agar tidak menimpa baris 3 tanpa sengaja: bila nilai baris ini yang benar, isi kembali NIK-nya lalu unggah ulang (nilainya menggantikan nilai baris 3); bila tidak, hapus baris ini dari laporan.',
    ]);
    expect(ws.getColumn(1).numFmt).toBe('@');
    expect(wb.getWorksheet('Ringkasan')!.getCell('B8').value).toBe(1);
    expect(wb.getWorksheet('Ringkasan')!.getCell('B4').value).toBe('15 November 2026 10.00 WIB'); // uploaded at the test clock's 03:00 UTC

    const warned = await (await t.as(Role.OPERATOR_DINKES)).get(`/api/v1/enrollment-uploads/${res.body.id}/report.xlsx`).buffer(true).parse(binary).expect(200);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(warned.body);
    expect(wb2.worksheets.map((w) => w.name)).toEqual(['Perbaiki', 'Peringatan', 'Ringkasan']);
    expect(wb2.getWorksheet('Perbaiki')!.rowCount).toBe(1); // its header only: no row was refused
    const peringatan = wb2.getWorksheet('Peringatan')!.getSheetValues().slice(1) as unknown[][];
    expect(peringatan[0][1]).toMatch(/^Baris ini sudah tersimpan; tidak perlu diunggah ulang\./);
    expect(peringatan[1].slice(1)).toEqual(['BARIS', 'NIK', 'NAMA', 'KOLOM', 'KETERANGAN']);
    expect([...new Set(peringatan.slice(2).map((r) => r[1]))]).toEqual([4, 5, 6]);

    // Nothing to fix: uploaded back, the report is refused, its Peringatan rows never read as enrollment rows.
    const again = await (await t.as(Role.OPERATOR_DINKES)).post('/api/v1/enrollment-uploads').attach('file', warned.body, 'laporan.xlsx');
    expect(again.body.code).toBe('NO_DATA_ROWS');
  });

  /** The "Perbaiki" sheet of an upload's report, as rows of cell values (1-based like ExcelJS). */
  async function reportOf(uploadId: string): Promise<{ content: Buffer; rows: unknown[][] }> {
    const res = await (await t.as(Role.OPERATOR_DINKES)).get(`/api/v1/enrollment-uploads/${uploadId}/report.xlsx`).buffer(true).parse(binary).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body);
    return { content: res.body, rows: wb.getWorksheet('Perbaiki')!.getSheetValues().slice(2) as unknown[][] };
  }

  it('repeats a NIK or KK number that arrived as a number as that number: uploaded back unchanged it is refused again, not registered with lost digits', async () => {
    const first = await upload(t, 'not-ok/nik-numeric-cell.xlsx');
    const { content, rows } = await reportOf(first.body.id);
    const numeric = rows.filter((r) => /terbaca sebagai angka/.test(String(r[13])));
    expect(numeric.map((r) => [r[11], typeof r[1], typeof r[2]])).toEqual([[3, 'number', 'string'], [4, 'string', 'number']]);
    const before = await t.dataSource.query('SELECT nik FROM participant ORDER BY nik');
    const again = await upload(t, { name: 'laporan.xlsx', content });
    const refused = await t.dataSource.query(`SELECT row_number, column_name, code FROM upload_issue WHERE upload_id = $1 AND severity = 'REJECT' ORDER BY row_number`, [again.body.id]);
    expect(refused).toEqual(expect.arrayContaining([
      { row_number: 2, column_name: 'NIK', code: 'NIK_NUMERIC_CELL' },
      { row_number: 3, column_name: 'NO_KK', code: 'NO_KK_NUMERIC_CELL' },
    ]));
    expect(await t.dataSource.query('SELECT nik FROM participant ORDER BY nik')).toEqual(before);
  });

  it('repeats a formula saved without its result as its formula, written as text (not a blank cell)', async () => {
    const first = await upload(t, 'not-ok/formula-failures.xlsx');
    const { rows } = await reportOf(first.body.id);
    const byRow = new Map(rows.map((r) => [r[11], r]));
    expect(byRow.get(3)![6]).toBe('#N/A'); // KODE_DESA: the error value as shown in Excel
    expect(byRow.get(4)![4]).toBe('=DATE(1975,5,5)/0'); // TANGGAL_LAHIR
    expect(byRow.get(5)![8]).toBe('=DATE(2025,1,1)'); // TMT
    expect(byRow.get(5)![3]).toBe('TMT Belum Dihitung'); // the row's other cells as uploaded
  });

  it('leaves out the NIK of a duplicate row, its message naming it, the values stored and the columns that differ: uploaded back unchanged it cannot overwrite the row that registered it', async () => {
    const first = await upload(t, { name: 'ganda-2.csv', content: Buffer.from(
      'NIK,NO_KK,NAMA,TANGGAL_LAHIR,JENIS_KELAMIN,KODE_DESA,TMT\n' +
      '1703060202700001,1703060101200001,Yang Benar,1970-02-02,L,17.03.06.2001,2025-01-01\n' +
      '1703060202700001,1703060101200001,Salah Ketik,1970-02-02,L,17.03.06.2001,2025-01-01\n') });
    const { content, rows } = await reportOf(first.body.id);
    expect(rows.map((r) => [r[11], r[1], r[3], r[12]])).toEqual([[3, undefined, 'Salah Ketik', 'DITOLAK']]);
    expect(String(rows[0][13])).toContain('NIK 1703060202700001 sudah ada di baris 2 berkas ini dengan data lain (berbeda: NAMA); nilai baris 2 yang disimpan');
    const [person] = await t.dataSource.query(`SELECT name FROM participant WHERE nik = '1703060202700001'`);
    expect(person.name).toBe('Yang Benar');
    // uploaded back unchanged, it is refused (no NIK) and row 2's values stay
    const again = await upload(t, { name: 'laporan-ganda.xlsx', content });
    expect(again.body).toMatchObject({ accepted: 0, rejected: 1 });
    const [kept] = await t.dataSource.query(`SELECT name FROM participant WHERE nik = '1703060202700001'`);
    expect(kept.name).toBe('Yang Benar');
  });

  /** The report workbook of an upload, loaded. */
  async function workbookOf(uploadId: string): Promise<{ content: Buffer; wb: ExcelJS.Workbook }> {
    const res = await (await t.as(Role.OPERATOR_DINKES)).get(`/api/v1/enrollment-uploads/${uploadId}/report.xlsx`).buffer(true).parse(binary).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body);
    return { content: res.body, wb };
  }
  const csv = (name: string, lines: string[]) => ({ name, content: Buffer.from(`${HEADERS.join(',')}\n${lines.join('\n')}\n`) });

  it('QA: a report with a warned row, fixed and uploaded back whole, changes only its refused rows (a death recorded since stays)', async () => {
    const male = '1703060101850021'; // day 01: a man's NIK
    const first = await upload(t, csv('warned-and-refused.csv', [
      `${male},${KK},Laki Tertulis P,1985-01-01,P,17.03.06.2001,,2025-01-01,,`, // accepted, warned: P on a man's NIK
      `1703062802850022,${KK},Tanggal Salah,31/02/1985,L,17.03.06.2001,,2025-01-01,,`, // refused: no 31 February
    ]));
    expect(first.body).toMatchObject({ status: 'DONE', accepted: 1, rejected: 1, warnings: 1 });
    // later, the warned participant's death is recorded
    const death = await upload(t, csv('kematian.csv', [`${male},${KK},Laki Tertulis P,1985-01-01,P,17.03.06.2001,,2025-01-01,2026-10-01,MENINGGAL`]));
    expect(death.body).toMatchObject({ status: 'DONE', updated: 1 });

    const { wb } = await workbookOf(first.body.id);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Perbaiki', 'Peringatan', 'Ringkasan']);
    const perbaiki = wb.getWorksheet('Perbaiki')!;
    const rows = perbaiki.getSheetValues().slice(2) as unknown[][];
    expect(rows.map((r) => [r[11], r[1], r[12]])).toEqual([[3, '1703062802850022', 'DITOLAK']]); // the refused row only
    const peringatan = wb.getWorksheet('Peringatan')!.getSheetValues().slice(3) as unknown[][];
    expect(peringatan.map((r) => r.slice(1, 5))).toEqual([[2, male, 'Laki Tertulis P', 'JENIS_KELAMIN']]);
    expect(String(peringatan[0][5])).toMatch(/JENIS_KELAMIN/);

    // the operator fixes the refused row on Perbaiki and uploads the whole workbook, as the template's Petunjuk says
    perbaiki.getRow(2).getCell(4).value = '1985-02-28';
    const again = await upload(t, { name: 'laporan-diperbaiki.xlsx', content: Buffer.from(await wb.xlsx.writeBuffer()) });
    expect(again.body).toMatchObject({ status: 'DONE', rowsRead: 1, accepted: 1, created: 1, rejected: 0, warnings: 0 });
    expect(again.body.sheetWarnings).toEqual([]); // Peringatan is no enrollment sheet: not even named as a sheet not read
    const people = await t.dataSource.query(`SELECT nik, birth_date, tat, end_reason FROM participant WHERE nik IN ($1, '1703062802850022') ORDER BY nik`, [male]);
    expect(people).toEqual([
      { nik: male, birth_date: '1985-01-01', tat: '2026-10-01', end_reason: 'MENINGGAL' }, // the death stands (QA: it was undone)
      { nik: '1703062802850022', birth_date: '1985-02-28', tat: null, end_reason: null },
    ]);
  });

  it('opens on Ringkasan when Perbaiki has no row to fix, on Perbaiki when it has (QA: an empty Perbaiki was shown first)', async () => {
    const activeSheet = (wb: ExcelJS.Workbook) => wb.worksheets[wb.views?.[0]?.activeTab ?? 0].name;
    const clean = await upload(t, csv('bersih.csv', [`1703060101850051,${KK},Semua Baik,1985-01-01,L,17.03.06.2001,,2025-01-01,,`]));
    expect(clean.body).toMatchObject({ status: 'DONE', accepted: 1, rejected: 0, warnings: 0 });
    const { wb: nothing } = await workbookOf(clean.body.id);
    expect(nothing.worksheets.map((w) => w.name)).toEqual(['Perbaiki', 'Ringkasan']); // Perbaiki stays first: the sheet an upload reads
    expect(activeSheet(nothing)).toBe('Ringkasan');
    const warnedOnly = await upload(t, csv('peringatan-saja.csv', [`1703060101850052,${KK},Laki Tertulis P,1985-01-01,P,17.03.06.2001,,2025-01-01,,`]));
    expect(warnedOnly.body).toMatchObject({ status: 'DONE', accepted: 1, rejected: 0, warnings: 1 });
    const { wb: warned } = await workbookOf(warnedOnly.body.id);
    expect(warned.worksheets.map((w) => w.name)).toEqual(['Perbaiki', 'Peringatan', 'Ringkasan']);
    expect(activeSheet(warned)).toBe('Ringkasan');
    const refused = await upload(t, csv('ditolak.csv', [`1703060101850053,${KK},Tanpa Desa,1985-01-01,L,,,2025-01-01,,`]));
    const { wb: toFix } = await workbookOf(refused.body.id);
    expect(activeSheet(toFix)).toBe('Perbaiki');
  });

  it('writes every date of Perbaiki day first as text, DD/MM/YYYY like the template and the export, whatever its form in the file; uploaded back fixed, the same days (QA: date cells, serials and 2026-01-01 side by side)', async () => {
    await upload(t, csv('pemegang-kartu.csv', [`1703060101850061,${KK},Pemegang,1985-01-01,L,17.03.06.2001,0001000000961,2025-01-01,,`]));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Daftar Peserta');
    ws.addRow(HEADERS);
    ws.addRow(['1703061705800062', KK, 'Kartu Terpakai', new Date(Date.UTC(1980, 4, 17)), 'L', '17.03.06.2001', '0001000000961', '2026-01-01', null, null]); // NOKA_TAKEN: staged dates
    ws.addRow(['1703061806810063', KK, 'Desa Salah', new Date(Date.UTC(1981, 5, 18)), 'L', '99.99.99.9999', null, 46023, null, null]); // a date cell, a serial (2026-01-01)
    ws.addRow(['1703060708820064', KK, 'Kelamin Salah', '7/8/1982', 'X', '17.03.06.2001', null, '02-01-2026', '2026-10-31', 'PINDAH']); // text, a dash date
    ws.addRow(['1703060101850065', KK, 'Tahun Saja', 1985, 'L', '17.03.06.2001', null, '2026-01-01', null, null]); // a year alone stays as uploaded
    const first = await upload(t, { name: 'tanggal-campur.xlsx', content: Buffer.from(await wb.xlsx.writeBuffer()) });
    expect(first.body).toMatchObject({ status: 'DONE', rowsRead: 4, accepted: 0, rejected: 4 });
    expect((await issues(t, first.body.id)).filter((i) => i.code === 'NOKA_TAKEN').map((i) => i.row_number)).toEqual([2]);
    const { wb: report } = await workbookOf(first.body.id);
    const perbaiki = report.getWorksheet('Perbaiki')!;
    const dates = (perbaiki.getSheetValues().slice(2) as unknown[][]).map((r) => [r[11], r[4], r[8], r[9]]);
    expect(dates).toEqual([
      [2, '17/05/1980', '01/01/2026', undefined],
      [3, '18/06/1981', '01/01/2026', undefined],
      [4, '07/08/1982', '02/01/2026', '31/10/2026'],
      [5, 1985, '01/01/2026', undefined],
    ]);
    for (const column of [4, 8, 9]) expect(perbaiki.getColumn(column).numFmt).toBe('@'); // Text, as the template's date columns

    // fixed and uploaded back: the days are the ones of the file
    perbaiki.getRow(2).getCell(7).value = null; // no card
    perbaiki.getRow(3).getCell(6).value = '17.03.06.2001';
    perbaiki.getRow(4).getCell(5).value = 'L';
    perbaiki.getRow(5).getCell(4).value = '01/01/1985';
    const again = await upload(t, { name: 'laporan-tanggal.xlsx', content: Buffer.from(await report.xlsx.writeBuffer()) });
    expect(again.body).toMatchObject({ status: 'DONE', rowsRead: 4, accepted: 4, rejected: 0 });
    const stored = await t.dataSource.query(`SELECT nik, birth_date, tmt, tat FROM participant WHERE nik IN ('1703061705800062', '1703061806810063', '1703060708820064', '1703060101850065') ORDER BY nik`);
    expect(stored).toEqual([
      { nik: '1703060101850065', birth_date: '1985-01-01', tmt: '2026-01-01', tat: null },
      { nik: '1703060708820064', birth_date: '1982-08-07', tmt: '2026-01-02', tat: '2026-10-31' },
      { nik: '1703061705800062', birth_date: '1980-05-17', tmt: '2026-01-01', tat: null },
      { nik: '1703061806810063', birth_date: '1981-06-18', tmt: '2026-01-01', tat: null },
    ]);
  });

  it('a report whose rows write a date month first (12/25/2026) keeps every date as uploaded: day-first dates beside it would make its 3/1/2026 read day first once uploaded back', async () => {
    const first = await upload(t, csv('bulan-dulu.csv', [
      `1703060101850071,${KK},Bulan Dulu,1985-01-01,L,17.03.06.2001,,12/25/2026,,`, // refused: no month 25
      `1703060101850072,${KK},Tanpa Desa,1985-01-01,L,,,2026-01-01,,`,
    ]));
    expect(first.body).toMatchObject({ status: 'DONE', rejected: 2 });
    const { wb } = await workbookOf(first.body.id);
    const rows = wb.getWorksheet('Perbaiki')!.getSheetValues().slice(2) as unknown[][];
    expect(rows.map((r) => [r[11], r[4], r[8]])).toEqual([[2, '1985-01-01', '12/25/2026'], [3, '1985-01-01', '2026-01-01']]);
  });

  it('BARIS is a plain number, Perbaiki has a filter on its header, and Ringkasan no empty Keterangan line', async () => {
    const first = await upload(t, csv('format.csv', [`1703060101850031,${KK},Tanpa Desa,1985-01-01,L,,,2025-01-01,,`]));
    const { wb } = await workbookOf(first.body.id);
    const perbaiki = wb.getWorksheet('Perbaiki')!;
    expect(perbaiki.getRow(1).getCell(11).value).toBe('BARIS');
    expect(perbaiki.getRow(2).getCell(11).numFmt).toBe('0'); // 1009, not "1,009"
    expect(perbaiki.autoFilter).toBe('A1:M1');
    const labels = (wb.getWorksheet('Ringkasan')!.getSheetValues().slice(1) as unknown[][]).map((r) => r[1]);
    expect(labels).not.toContain('Keterangan');
    expect(labels.at(-1)).toBe('Tidak berubah');
  });

  it('a NIK repeated after a refused row is refused too, naming that row; fixed in the report, the row chosen goes in', async () => {
    const nik = '1703060101850041';
    const first = await upload(t, csv('ganda-ditolak.csv', [
      `${nik},${KK},Tanggal Salah,31/02/1985,L,17.03.06.2001,,2025-01-01,,`, // refused: no 31 February
      `${nik},${KK},Baris Kedua,1985-02-01,L,17.03.06.2001,,2025-01-01,,`, // valid, but the NIK's first row was refused
      `1703060101850042,${KK},Diterima,1985-02-01,L,17.03.06.2001,,2025-01-01,,`,
      `1703060101850042,${KK},Ganda Rusak,1985-13-01,L,17.03.06.2001,,2025-01-01,,`, // refused for its date, and a repeat of row 4
    ]));
    expect(first.body).toMatchObject({ status: 'DONE', accepted: 1, rejected: 3 });
    const found = (await issues(t, first.body.id)).filter((i) => i.code === 'NIK_DUPLICATE_IN_FILE');
    expect(found.map((i) => [i.row_number, i.message])).toEqual([
      [3, expect.stringMatching(new RegExp(`^NIK ${nik} sudah ada di baris 2 berkas ini, yang ditolak; baris ini ikut ditolak`))],
      [5, expect.stringMatching(/^NIK 1703060101850042 sudah ada di baris 4 berkas ini dengan data lain \(berbeda: NAMA\); nilai baris 4 yang disimpan, baris ini ditolak\. /)],
    ]);
    expect(await t.dataSource.query('SELECT nik FROM participant WHERE nik = $1', [nik])).toEqual([]); // nothing kept before the operator chooses

    const { wb } = await workbookOf(first.body.id);
    const perbaiki = wb.getWorksheet('Perbaiki')!;
    expect((perbaiki.getSheetValues().slice(2) as unknown[][]).map((r) => [r[11], r[1]])).toEqual([[2, nik], [3, undefined], [5, undefined]]);
    perbaiki.getRow(2).getCell(4).value = '1985-02-28'; // row 2 is the right one; the repeats stay without a NIK
    const again = await upload(t, { name: 'laporan-ganda.xlsx', content: Buffer.from(await wb.xlsx.writeBuffer()) });
    expect(again.body).toMatchObject({ status: 'DONE', rowsRead: 3, accepted: 1, rejected: 2 });
    const [person] = await t.dataSource.query('SELECT name, birth_date FROM participant WHERE nik = $1', [nik]);
    expect(person).toEqual({ name: 'Tanggal Salah', birth_date: '1985-02-28' });
    const [kept] = await t.dataSource.query(`SELECT name FROM participant WHERE nik = '1703060101850042'`);
    expect(kept.name).toBe('Diterima');
  });
});
