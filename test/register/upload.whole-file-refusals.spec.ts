import { mkdtempSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { Role } from '../../src/users/role.js';
import { compoundFileNames } from '../../src/common/spreadsheet/compound-file.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { compoundFile } from '../support/compound-file.js';
import { zip } from '../support/zip.js';
import { binary } from '../reports/support/xlsx.js';
import { count, fixture, upload } from './support.js';

const HEADER = 'NIK,NO_KK,NAMA,TANGGAL_LAHIR,JENIS_KELAMIN,KODE_DESA,NOKA,TMT,TAT,ALASAN_BERAKHIR';
const ROW = '1703060101700001,1703060101200001,Siti Aminah,1970-01-01,P,17.03.06.2001,,2026-01-01,,';

/** An OpenDocument spreadsheet as LibreOffice writes it: `mimetype` first and stored, then content.xml. */
function ods(withMimetype = true): Buffer {
  const content = Buffer.from('<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"><office:body><office:spreadsheet/></office:body></office:document-content>');
  return zip([
    ...(withMimetype ? [{ name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.spreadsheet'), stored: true }] : []),
    { name: 'content.xml', data: content },
    { name: 'META-INF/manifest.xml', data: Buffer.from('<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>') },
  ]);
}

/** Excel's "Unicode Text": UTF-16 with its byte order mark (or, as some exports write it, without). */
function utf16(text: string, bigEndian = false, bom = true): Buffer {
  const le = Buffer.from(`${bom ? '\ufeff' : ''}${text}`, 'utf16le');
  return bigEndian ? le.swap16() : le;
}

describe('files that are refused as a whole', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  const cases: [string, string, RegExp][] = [
    // named, like every other refusal, with details.filename (QA: "Berkas kosong." alone)
    ['not-ok/empty-file.xlsx', 'EMPTY_FILE', /^Berkas "empty-file\.xlsx" kosong \(0 byte\)\. Unggah berkas \.xlsx atau \.csv yang berisi data\.$/],
    ['not-ok/not-a-spreadsheet.xlsx', 'NOT_A_SPREADSHEET', /"not-a-spreadsheet\.xlsx" adalah dokumen PDF, bukan lembar kerja/],
    // a PDF of text only, under its own name, was read as a CSV whose header was "%PDF-1.4" (QA)
    ['not-ok/pdf-named-pdf.pdf', 'NOT_A_SPREADSHEET', /"pdf-named-pdf\.pdf" adalah dokumen PDF, bukan lembar kerja/],
    // a web application's table export (HTML) under an .xls name was told to rename it .csv, then failed MISSING_COLUMNS with the header "<html><body><table>" (QA)
    ['not-ok/html-table-named-xls.xls', 'NOT_A_SPREADSHEET',
      /^Berkas "html-table-named-xls\.xls" adalah halaman web \(HTML\) yang disimpan dengan nama berkas Excel \(\.xls\), bukan lembar kerja Excel atau CSV\. Buka berkas ini di Excel atau LibreOffice, pilih Simpan Sebagai \(Save As\) → "Excel Workbook \(\*\.xlsx\)" \(atau "CSV UTF-8"\), lalu unggah berkas hasil simpanan itu\.$/],
    // Excel 2003's XML Spreadsheet, an older system's ".xls" export, is told as what it is (QA: called a web page)
    ['not-ok/xml-spreadsheet-2003.xls', 'NOT_A_SPREADSHEET', /^Berkas "xml-spreadsheet-2003\.xls" adalah lembar kerja XML Excel 2003 \(XML Spreadsheet\), format lama yang tidak dibaca\. Buka berkas ini di Excel/],
    ['not-ok/csv-saved-as-ansi.csv', 'CSV_NOT_UTF8', /tidak tersimpan sebagai UTF-8 .*"CSV UTF-8 \(Comma delimited\) \(\*\.csv\)"/],
    ['not-ok/csv-utf16-without-bom.csv', 'CSV_NOT_UTF8', /"csv-utf16-without-bom\.csv" berupa teks UTF-16 .*"CSV UTF-8 \(Comma delimited\) \(\*\.csv\)"/],
    ['not-ok/corrupt-zip.xlsx', 'CORRUPT_FILE', /rusak atau tidak lengkap/],
    ['not-ok/no-data-rows.xlsx', 'NO_DATA_ROWS', /^Berkas "no-data-rows\.xlsx", sheet "[^"]+", tidak berisi baris peserta/],
    // "Daftar Peserta" with its header only gives way to another visible sheet with data; with none, rows under the same
    // headers on a hidden sheet ("Lama", never read) are named (QA: NO_DATA_ROWS, the hidden sheet unsaid)
    ['not-ok/no-data-rows-on-any-sheet.xlsx', 'HIDDEN_SHEET', /^Data berkas "no-data-rows-on-any-sheet\.xlsx" ada di sheet tersembunyi "Lama", dan sheet tersembunyi tidak dibaca/],
    ['not-ok/data-only-on-hidden-sheet.xlsx', 'HIDDEN_SHEET', /ada di sheet tersembunyi "Daftar Peserta", dan sheet tersembunyi tidak dibaca/],
    // a header the format does not know, looking like TAT (QA: a pledge's PERSEN (%) ignored unsaid, saved at 100 %)
    ['not-ok/tanggal-akhir-tak-dikenal.csv', 'UNKNOWN_COLUMN', /^Kolom "TGL AKHIR KEPESERTAAN" tidak dikenal\. Mungkin maksudnya TAT atau ALASAN_BERAKHIR\? Ganti judul kolomnya menjadi TAT atau ALASAN_BERAKHIR \(atau hapus kolom itu\), lalu unggah ulang\.$/],
  ];
  it.each(cases)('%s → %s', async (file, code, message) => {
    const res = await upload(t, file, 400);
    expect(res.body).toMatchObject({ statusCode: 400, code });
    expect(res.body.message).toMatch(message);
    const [row] = await t.dataSource.query('SELECT status, error FROM enrollment_upload WHERE id = $1', [res.body.details.uploadId]);
    expect(row).toEqual({ status: 'FAILED', error: res.body.message });
    expect(await count(t, 'participant')).toBe(0);
    // the refused file is kept, so its refusal is audited, by the operator who sent it
    const events = await t.dataSource.query(`SELECT actor, action, summary::text AS summary FROM audit_event WHERE entity = 'enrollment_upload' AND entity_id = $1`, [res.body.details.uploadId]);
    expect(events.map((e: { summary: string }) => ({ ...e, summary: JSON.parse(e.summary) }))).toEqual([
      { actor: expect.stringMatching(/operator/), action: 'enrollment.fail', summary: { reason: res.body.message, rowsRead: expect.any(Number) } },
    ]);
  });

  const formats: [string, Buffer, string, RegExp][] = [
    ['peserta.ods', ods(), 'OPENDOCUMENT_FORMAT', /berformat OpenDocument Spreadsheet \(\.ods.* File > Save As \(Berkas > Simpan Sebagai\), pilih "Excel 2007-365 \(\.xlsx\)"\) atau sebagai CSV UTF-8/],
    // by content, not by the name: an .ods renamed .xlsx, and one whose mimetype entry is missing
    ['peserta.xlsx', ods(), 'OPENDOCUMENT_FORMAT', /"peserta\.xlsx" berformat OpenDocument Spreadsheet/],
    ['tanpa-mimetype.ods', ods(false), 'OPENDOCUMENT_FORMAT', /berformat OpenDocument Spreadsheet/],
    // a CSV saved under an Excel name is told so, with what to do (QA: "bukan lembar kerja … Unggah berkas Excel (.xlsx) atau CSV (.csv)")
    ['peserta-csv.xlsx', Buffer.from(`${HEADER}\r\n${ROW}\r\n`), 'NOT_A_SPREADSHEET', /"peserta-csv\.xlsx" berisi teks \(seperti CSV\), bukan berkas Excel, walau namanya berakhiran \.xlsx\. Jika isinya CSV, ganti akhiran namanya menjadi \.csv/],
    // HTML by its content, whatever the name or the case of its tags
    ['halaman.csv', Buffer.from('  <!DOCTYPE HTML>\n<html><body><table><tr><td>NIK</td></tr></table></body></html>'), 'NOT_A_SPREADSHEET', /^Berkas "halaman\.csv" adalah halaman web \(HTML\), bukan lembar kerja Excel atau CSV\. Buka berkas ini di Excel/],
    ['tabel.xlsx', Buffer.from('\n<TABLE>\n<TR><TD>NIK</TD></TR></TABLE>'), 'NOT_A_SPREADSHEET', /^Berkas "tabel\.xlsx" adalah halaman web \(HTML\) yang disimpan dengan nama berkas Excel \(\.xlsx\)/],
    ['unicode.csv', utf16(`${HEADER}\r\n${ROW}\r\n`), 'CSV_NOT_UTF8', /berupa teks UTF-16 .*"CSV UTF-8 \(Comma delimited\) \(\*\.csv\)"/],
    ['unicode.txt', utf16(`${HEADER.replace(/,/g, '\t')}\r\n`, true), 'CSV_NOT_UTF8', /berupa teks UTF-16/],
    // without a byte order mark: told by the NUL in every other byte (QA: "bukan lembar kerja")
    ['tanpa-bom-be.csv', utf16(`${HEADER}\r\n${ROW}\r\n`, true, false), 'CSV_NOT_UTF8', /berupa teks UTF-16/],
    // a password-protected .xlsx is a compound file, as an .xls is: told by its directory's EncryptionInfo/EncryptedPackage (QA: "Excel lama (.xls)")
    ['terkunci.xlsx', compoundFile(['\u0006DataSpaces', 'EncryptionInfo', 'EncryptedPackage']), 'PASSWORD_PROTECTED',
      /^Berkas "terkunci\.xlsx" dilindungi kata sandi .*Buka di Excel, hapus kata sandinya \(File > Info > Protect Workbook > Encrypt with Password \(File > Info > Lindungi Buku Kerja > Enkripsi dengan Kata Sandi\), kosongkan kata sandinya\), simpan, lalu unggah ulang\.$/],
    ['lama.xls', compoundFile(['Workbook', 'SummaryInformation']), 'OLD_EXCEL_FORMAT', /"lama\.xls" berformat Excel lama \(\.xls\)/],
    ['acak.xlsx', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.alloc(4000, 7)]), 'OLD_EXCEL_FORMAT', /berformat Excel lama/],
  ];
  it.each(formats)('refuses %s by its content, naming the format and how to save it (QA: .ods was "rusak", UTF-16 "bukan lembar kerja")', async (name, content, code, message) => {
    const res = await upload(t, { name, content }, 400);
    expect(res.body).toMatchObject({ statusCode: 400, code });
    expect(res.body.message).toMatch(message);
    const [row] = await t.dataSource.query('SELECT status, error FROM enrollment_upload WHERE id = $1', [res.body.details.uploadId]);
    expect(row).toEqual({ status: 'FAILED', error: res.body.message });
  });

  it('reads the names of a compound file\'s directory across its FAT chain (sectors out of order)', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'cfb-')), 'terkunci.xlsx');
    await writeFile(path, compoundFile(['\u0006DataSpaces', 'EncryptionInfo', 'EncryptedPackage', 'a', 'b', 'c']));
    expect(await compoundFileNames(path)).toEqual(['Root Entry', '\u0006DataSpaces', 'EncryptionInfo', 'EncryptedPackage', 'a', 'b', 'c']);
    await writeFile(path, compoundFile(['Workbook']));
    expect(await compoundFileNames(path)).toEqual(['Root Entry', 'Workbook']);
    await writeFile(path, Buffer.from('not a compound file'));
    expect(await compoundFileNames(path)).toBeUndefined();
  });

  it('refuses a CSV that is not UTF-8 wherever its first such byte stands, naming the row (QA: past 64 KB "Muñoz" was stored as "Mu\\uFFFDoz")', async () => {
    const line = (i: number, name: string) => `17030601${String(1 + (i % 12)).padStart(2, '0')}80${String(1 + Math.floor(i / 12)).padStart(4, '0')},1703060101200001,${name},1980-${String(1 + (i % 12)).padStart(2, '0')}-01,L,17.03.06.2003,,2026-01-01,,`;
    const head = ['NIK,NO_KK,NAMA,TANGGAL_LAHIR,JENIS_KELAMIN,KODE_DESA,NOKA,TMT,TAT,ALASAN_BERAKHIR', ...Array.from({ length: 1200 }, (_, i) => line(i, `Peserta ${i}`))].join('\n');
    const [before, after] = line(1200, 'Mu~oz').split('~');
    const content = Buffer.concat([Buffer.from(`${head}\n${before}`), Buffer.from([0xf1]), Buffer.from(`${after}\n`)]); // ñ in Windows-1252
    expect(content.indexOf(0xf1)).toBeGreaterThan(64 * 1024);
    const res = await upload(t, { name: 'latin1-deep.csv', content }, 400);
    expect(res.body).toMatchObject({ code: 'CSV_NOT_UTF8', details: { row: 1202 } });
    expect(res.body.message).toMatch(/tidak tersimpan sebagai UTF-8 .* Baris 1202 memuat huruf yang tidak dapat dibaca \("Mu�oz"\)\./);
    expect(res.body.message).toMatch(/"CSV UTF-8 \(Comma delimited\) \(\*\.csv\)"/);
    const [row] = await t.dataSource.query('SELECT status, error FROM enrollment_upload WHERE id = $1', [res.body.details.uploadId]);
    expect(row).toEqual({ status: 'FAILED', error: res.body.message });
    expect(await count(t, 'participant')).toBe(0);
  });

  it('names the row of a Latin-1 letter also when another row holds a control character (QA: "not a spreadsheet")', async () => {
    const header = 'NIK,NO_KK,NAMA,TANGGAL_LAHIR,JENIS_KELAMIN,KODE_DESA,NOKA,TMT,TAT,ALASAN_BERAKHIR\n';
    const content = Buffer.concat([
      Buffer.from(`${header}1703060101800001,1703060101200001,Jos`),
      Buffer.from([0xe9]), // é in Windows-1252
      Buffer.from(' Latin,1980-01-01,L,17.03.06.2003,,2026-01-01,,\n1703060101800002,1703060101200001,Ada\u0007Bel,1980-01-01,L,17.03.06.2003,,2026-01-01,,\n'),
    ]);
    const res = await upload(t, { name: 'latin1-bel.csv', content }, 400);
    expect(res.body).toMatchObject({ code: 'CSV_NOT_UTF8', details: { row: 2 } });
  });

  it('names an empty file like every other refusal, in details too; a workbook without a row is told so (QA: "Berkas kosong." alone, no details.filename)', async () => {
    const zero = await upload(t, { name: 'kosong.csv', content: Buffer.alloc(0) }, 400);
    expect(zero.body).toMatchObject({ code: 'EMPTY_FILE', message: 'Berkas "kosong.csv" kosong (0 byte). Unggah berkas .xlsx atau .csv yang berisi data.', details: { filename: 'kosong.csv' } });
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Daftar Peserta');
    const blank = await upload(t, { name: 'tanpa-baris.xlsx', content: Buffer.from(await wb.xlsx.writeBuffer()) }, 400);
    expect(blank.body).toMatchObject({
      code: 'EMPTY_FILE',
      message: 'Berkas "tanpa-baris.xlsx" tidak berisi baris apa pun pada sheet yang terlihat. Unggah berkas .xlsx atau .csv yang berisi data.',
      details: { filename: 'tanpa-baris.xlsx' },
    });
  });

  it('the enrollment template uploaded without a row names the file, the sheet and that no participant row starts on row 2 (QA: neither was said)', async () => {
    const template = await (await t.as(Role.OPERATOR_DINKES)).get('/api/v1/templates/enrollment.xlsx').buffer(true).parse(binary).expect(200);
    const res = await upload(t, { name: 'templat-peserta.xlsx', content: template.body as Buffer }, 400);
    expect(res.body).toMatchObject({
      code: 'NO_DATA_ROWS',
      message:
        'Berkas "templat-peserta.xlsx", sheet "Daftar Peserta", tidak berisi baris peserta di bawah judul kolom (baris 1): tidak ada baris peserta mulai baris 2. ' +
        'Isi satu baris per peserta mulai baris 2, lalu unggah kembali.',
      details: { headerRow: 1, filename: 'templat-peserta.xlsx', sheet: 'Daftar Peserta' },
    });
    // a .csv has no sheet to name
    const csv = await upload(t, { name: 'kosong.csv', content: Buffer.from(`${HEADER}\n`) }, 400);
    expect(csv.body.message).toBe('Berkas "kosong.csv" tidak berisi baris peserta di bawah judul kolom (baris 1): tidak ada baris peserta mulai baris 2. Isi satu baris per peserta mulai baris 2, lalu unggah kembali.');
  });

  it('an upload that does not exist is 404 UPLOAD_NOT_FOUND with details.id (QA: none)', async () => {
    const id = '00000000-0000-4000-8000-000000000009';
    const res = await (await t.as(Role.OPERATOR_DINKES)).get(`/api/v1/enrollment-uploads/${id}`).expect(404);
    expect(res.body).toMatchObject({ code: 'UPLOAD_NOT_FOUND', message: `Unggahan "${id}" tidak ditemukan.`, details: { id } });
    const report = await (await t.as(Role.OPERATOR_DINKES)).get(`/api/v1/enrollment-uploads/${id}/report.xlsx`).expect(404);
    expect(report.body).toMatchObject({ code: 'UPLOAD_NOT_FOUND', details: { id } });
  });

  it('names the missing required columns and the headers it found', async () => {
    const res = await upload(t, 'not-ok/missing-required-column.xlsx', 400);
    expect(res.body.code).toBe('MISSING_COLUMNS');
    expect(res.body.details).toMatchObject({ missing: ['KODE_DESA', 'TMT'], found: ['NIK', 'NO_KK', 'NAMA', 'TANGGAL_LAHIR', 'JENIS_KELAMIN', 'NOKA', 'CATATAN'] });
    expect(res.body.message).toMatch(/Kolom wajib tidak ditemukan: KODE_DESA, TMT/);
  });

  it('names the header that most likely meant each missing column, and an absent optional one\'s look-alike too (QA: `NIK KTP`, `MULAI` got no hint)', async () => {
    const res = await upload(t, 'not-ok/near-miss-headers.csv', 400);
    expect(res.body).toMatchObject({
      code: 'MISSING_COLUMNS',
      details: { missing: ['NIK', 'TMT'], columns: [{ header: 'NIK KTP', meant: ['NIK'] }, { header: 'MULAI', meant: ['TMT'] }, { header: 'SELESAI', meant: ['TAT'] }] },
    });
    expect(res.body.message).toMatch(
      /^Kolom wajib tidak ditemukan: NIK, TMT\. Kolom "NIK KTP" tidak dikenal\. Mungkin maksudnya NIK\? Ganti judul kolomnya menjadi NIK\. Kolom "MULAI" tidak dikenal\. Mungkin maksudnya TMT\? Ganti judul kolomnya menjadi TMT\. Kolom "SELESAI" tidak dikenal\. Mungkin maksudnya TAT\? Ganti judul kolomnya menjadi TAT\. Judul kolom yang terbaca: NIK KTP, /,
    );
    // an unrelated header is no hint
    const plain = await upload(t, 'not-ok/missing-required-column.xlsx', 400);
    expect(plain.body.details.columns).toBeUndefined();
  });

  it('refuses two headers read as one column because of a hint (NIK (16 digit) and NIK), naming both; nothing is stored', async () => {
    // golden file: test/fixtures/enrollment/not-ok/hint-duplicate-column.csv
    const res = await upload(t, 'not-ok/hint-duplicate-column.csv', 400);
    expect(res.body).toMatchObject({ code: 'DUPLICATE_COLUMN', details: { columns: [{ column: 'NIK', headers: ['NIK (16 digit)', 'NIK'], letters: ['A', 'H'] }] } });
    expect(res.body.message).toBe(
      'Kolom "NIK (16 digit)" (kolom A) dan "NIK" (kolom H) sama-sama dibaca sebagai NIK, sehingga tidak jelas kolom mana yang dipakai. Hapus salah satunya atau ganti judulnya, lalu unggah ulang. Tidak ada baris yang disimpan dari berkas ini.',
    );
    const [{ status, error }] = await t.dataSource.query("SELECT status, error FROM enrollment_upload WHERE filename = 'hint-duplicate-column.csv'");
    expect([status, error]).toEqual(['FAILED', res.body.message]);
    expect(await t.dataSource.query("SELECT nik FROM participant WHERE name = 'Petunjuk Ganda'")).toEqual([]);
  });

  it('refuses a header repeated (NAMA and Nama: the second was dropped unsaid), naming both and their letters; nothing is stored', async () => {
    // golden file: test/fixtures/enrollment/not-ok/repeated-column.csv
    const res = await upload(t, 'not-ok/repeated-column.csv', 400);
    expect(res.body).toMatchObject({ code: 'DUPLICATE_COLUMN', details: { columns: [{ column: 'NAMA', headers: ['NAMA', 'Nama'], letters: ['C', 'H'] }] } });
    expect(res.body.message).toBe(
      'Kolom "NAMA" (kolom C) dan "Nama" (kolom H) sama-sama dibaca sebagai NAMA, sehingga tidak jelas kolom mana yang dipakai. Hapus salah satunya atau ganti judulnya, lalu unggah ulang. Tidak ada baris yang disimpan dari berkas ini.',
    );
    const [{ status, error }] = await t.dataSource.query("SELECT status, error FROM enrollment_upload WHERE filename = 'repeated-column.csv'");
    expect([status, error]).toEqual(['FAILED', res.body.message]);
    expect(await t.dataSource.query("SELECT nik FROM participant WHERE nik = '1703060101709083'")).toEqual([]);
    // a header no column reads may be repeated: the file is read as before (its row refused here for its sex only, so
    // that nothing is stored), the headers named as not read
    const kept = await upload(t, { name: 'keterangan-ulang.csv', content: Buffer.from(`${HEADER},KETERANGAN,KETERANGAN\n${ROW.replace(',P,', ',X,')},a,b\n`) }, 201);
    expect(kept.body).toMatchObject({ status: 'DONE', accepted: 0, rejected: 1, sheetWarnings: [{ code: 'COLUMNS_NOT_READ', headers: ['KETERANGAN', 'KETERANGAN'] }] });
  });

  it('a list of deaths (NIK, NAMA, TAT, ALASAN_BERAKHIR) is told to fill the export of Cari Peserta instead; other missing columns are not (QA)', async () => {
    const deaths = await upload(t, { name: 'meninggal.csv', content: Buffer.from('NIK;NAMA;TAT;ALASAN_BERAKHIR\n1703060101700001;Siti Aminah;2026-11-02;MENINGGAL\n') }, 400);
    expect(deaths.body).toMatchObject({ code: 'MISSING_COLUMNS', details: { missing: ['NO_KK', 'TANGGAL_LAHIR', 'JENIS_KELAMIN', 'KODE_DESA', 'TMT'] } });
    expect(deaths.body.message).toMatch(/^Kolom wajib tidak ditemukan: NO_KK, TANGGAL_LAHIR, JENIS_KELAMIN, KODE_DESA, TMT\. .* Gunakan templat atau perbaiki judul kolom\. /);
    expect(deaths.body.message).toMatch(
      / Untuk mencatat peserta yang meninggal atau berakhir, tidak perlu membuat berkas baru: cari pesertanya di Cari Peserta, unduh hasilnya \(\.xlsx\), isi TAT dan ALASAN_BERAKHIR pada baris mereka, lalu unggah berkas itu di Unggah Peserta\. Baris yang tidak diubah tidak mengubah apa pun\.$/,
    );
    // the failed upload keeps the same message
    const [{ error }] = await t.dataSource.query("SELECT error FROM enrollment_upload WHERE filename = 'meninggal.csv'");
    expect(error).toBe(deaths.body.message);
    const other = await upload(t, 'not-ok/missing-required-column.xlsx', 400);
    expect(other.body.message).not.toMatch(/Cari Peserta/);
    // a full sheet lacking only TMT is not a list of deaths (QA: told how to record them)
    const noTmt = await upload(t, { name: 'tanpa-tmt.csv', content: Buffer.from('NIK,NO_KK,NAMA,TANGGAL_LAHIR,JENIS_KELAMIN,KODE_DESA,NOKA,TAT,ALASAN_BERAKHIR\n') }, 400);
    expect(noTmt.body).toMatchObject({ code: 'MISSING_COLUMNS', details: { missing: ['TMT'] } });
    expect(noTmt.body.message).not.toMatch(/Cari Peserta/);
  });

  it('a header on two rows (TANGGAL merged over LAHIR, TMT, TAT) is told so, without the hint for deaths (QA)', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Data');
    ws.addRow(['NIK', 'NO_KK', 'NAMA', 'TANGGAL', null, null, 'JENIS_KELAMIN', 'KODE_DESA', 'NOKA', 'ALASAN_BERAKHIR']);
    ws.addRow([null, null, null, 'LAHIR', 'TMT', 'TAT']);
    ws.addRow(['1703060101709901', '1703060101200001', 'Dua Baris', '01/01/1970', '01/01/2026', null, 'L', '17.03.06.2001', null, null]);
    ws.mergeCells('D1:F1');
    const res = await upload(t, { name: 'judul-dua-baris.xlsx', content: Buffer.from(await wb.xlsx.writeBuffer()) }, 400);
    expect(res.body).toMatchObject({ code: 'MISSING_COLUMNS', details: { missing: ['TANGGAL_LAHIR', 'TMT'] } });
    expect(res.body.message).toMatch(
      / Gunakan templat atau perbaiki judul kolom\. Judul kolom tampaknya ditulis dalam dua baris: baris 2 sheet "Data" berisi judul "LAHIR", "TMT", "TAT" di bawah baris judul 1, mungkin karena sel gabungan \(merge\) seperti "TANGGAL" di atas beberapa kolom\. Judul hanya dibaca dari satu baris: pisahkan sel gabungannya, tulis setiap judul kolom lengkap dalam satu baris \(misalnya TANGGAL_LAHIR, TMT, TAT\), hapus baris judul yang lain, lalu unggah kembali\.$/,
    );
    expect(res.body.message).not.toMatch(/Cari Peserta/);
  });

  it('a file name holding a bidi control is refused naming "nama berkas", not multer\'s `originalname` (QA)', async () => {
    const res = await upload(t, { name: 'daftar\u202excod.csv', content: Buffer.from(`${HEADER}\n${ROW}\n`) }, 400);
    const why =
      'memuat karakter pengatur arah teks U+202E yang tidak terlihat dan membuat teks tampil berbeda dari isinya, sehingga tidak diterima (di sini ditandai \uFFFD: "daftar\uFFFDxcod.csv"). ' +
      'Ganti nama berkas itu (hapus karakter tersebut, misalnya dengan Rename atau Simpan Sebagai), lalu unggah kembali.';
    // the answer itself says the file name is at fault and why (until 2026-12: "Data yang dikirim tidak valid." with the reason in details only)
    expect(res.body).toEqual({ statusCode: 400, code: 'VALIDATION_FAILED', message: `Nama berkas tidak valid: nama itu ${why}`, details: [{ field: 'nama berkas', messages: [`nama berkas ${why}`] }] });
    expect(JSON.stringify(res.body)).not.toMatch(/originalname/);
    expect(await count(t, 'participant')).toBe(0);
  });

  it('a file name holding a control character is refused saying the file name is invalid, which character and to rename the file', async () => {
    const before = await count(t, 'enrollment_upload');
    const res = await upload(t, { name: 'peserta\u0007.csv', content: Buffer.from(`${HEADER}\n${ROW}\n`) }, 400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'nama berkas' }] });
    expect(res.body.message).toBe(
      'Nama berkas tidak valid: nama itu memuat karakter kendali U+0007 yang tidak terlihat dan tidak dapat disimpan (di sini ditandai \uFFFD: "peserta\uFFFD.csv"). ' +
        'Ganti nama berkas itu (hapus karakter tersebut, misalnya dengan Rename atau Simpan Sebagai), lalu unggah kembali.',
    );
    expect(await count(t, 'enrollment_upload')).toBe(before);
  });

  it('asks for a file when none is attached', async () => {
    const agent = await t.as((await import('../../src/users/role.js')).Role.OPERATOR_DINKES);
    const res = await agent.post('/api/v1/enrollment-uploads').field('file', '').expect(400);
    expect(res.body.code).toBe('FILE_REQUIRED');
    // a form field the route does not read is refused naming it (QA: `dryRun=true` was ignored and the rows stored)
    const unknown = await agent.post('/api/v1/enrollment-uploads').field('dryRun', 'true').attach('file', fixture('ok/semicolon-bom.csv'), 'a.csv').expect(400);
    expect(unknown.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'dryRun', messages: ['kolom dryRun tidak dikenal'] }] });
  });

  it('names the field when the file is sent under another name, in Indonesian', async () => {
    const agent = await t.as((await import('../../src/users/role.js')).Role.OPERATOR_DINKES);
    const res = await agent.post('/api/v1/enrollment-uploads').attach('berkas', fixture('ok/semicolon-bom.csv'), 'a.csv').expect(400);
    expect(res.body).toEqual({ statusCode: 400, message: 'Berkas dikirim pada kolom "berkas": kirim pada kolom "file".', code: 'INVALID_UPLOAD_FORM' });
  });

  it('refuses two files in one upload, in Indonesian, and stores neither', async () => {
    const agent = await t.as((await import('../../src/users/role.js')).Role.OPERATOR_DINKES);
    const before = await count(t, 'enrollment_upload');
    const res = await agent.post('/api/v1/enrollment-uploads').attach('file', fixture('ok/semicolon-bom.csv'), 'a.csv').attach('file', fixture('ok/semicolon-bom.csv'), 'a.csv').expect(400);
    expect(res.body).toEqual({ statusCode: 400, message: 'Kirim satu berkas saja per unggahan, pada kolom "file".', code: 'INVALID_UPLOAD_FORM' });
    expect(await count(t, 'enrollment_upload')).toBe(before);
  });
});
