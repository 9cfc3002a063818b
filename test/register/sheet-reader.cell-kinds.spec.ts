import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { type ColumnSpec, matchHeader, normalizeHeader, withoutHeaderHint } from '../../src/common/spreadsheet/column-spec.js';
import { ENROLLMENT_COLUMNS } from '../../src/register/enrollment-columns.js';
import { BILL_COLUMNS } from '../../src/reconciliation/bills/bill-row.validator.js';
import { PBI_COLUMNS } from '../../src/reconciliation/pbi/upload-pbi-apbn-list.use-case.js';
import { PAYMENT_COLUMNS } from '../../src/payments/payment-row.validator.js';
import { LIST_COLUMNS, PLEDGE_COLUMNS } from '../../src/funding/pledge-upload/pledge-sheet.js';
import { columnsNotRead, lookAlikeColumns } from '../../src/common/spreadsheet/unknown-columns.js';
import { detectFormat } from '../../src/common/spreadsheet/file-format.js';
import { SheetReader } from '../../src/common/spreadsheet/sheet-reader.js';
import type { SheetRow } from '../../src/common/spreadsheet/sheet-row.js';
import { cellDay, parseDateText, yearOnly } from '../../src/common/spreadsheet/cell-dates.js';
import { dateCell, decodeXstring, numberCell } from '../../src/common/spreadsheet/cell.js';
import { textValue } from '../../src/common/spreadsheet/formula-injection.js';
import { SpreadsheetException } from '../../src/common/spreadsheet/spreadsheet.exception.js';
import { Readable } from 'node:stream';
import { columnIndex, HiddenCells, MergeCellTap, scanMergedRanges } from '../../src/common/spreadsheet/merged-cells.js';

const COLUMNS = [
  { name: 'NIK', required: true },
  { name: 'NAMA', aliases: ['NAMA PESERTA'], required: true },
  { name: 'TANGGAL_LAHIR', aliases: ['TGL LAHIR'] },
  { name: 'NOKA', aliases: ['NO KARTU'] },
];

async function tmp(name: string): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'sheet-')), name);
}

async function readAll(path: string, filename: string, batchSize = 2): Promise<{ rows: SheetRow[]; reader: SheetReader }> {
  const reader = new SheetReader(path, { filename, columns: COLUMNS, batchSize });
  const rows: SheetRow[] = [];
  for await (const batch of reader.batches()) rows.push(...batch);
  return { rows, reader };
}

describe('generic sheet reader', () => {
  it('reads xlsx cells with their kinds below title rows, matching aliases', async () => {
    const path = await tmp('a.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Data');
    ws.addRow(['DAFTAR PESERTA JAMKESDA']);
    ws.addRow([]);
    ws.addRow(['No.', 'nik', 'Nama  Peserta', 'Tgl. Lahir', 'No_Kartu', 'Catatan']);
    ws.addRow([1, '1703064512900001', 'Siti', new Date(Date.UTC(1990, 11, 5)), '0001234567890', 'x']);
    ws.addRow([2, 1703064512900001, { richText: [{ text: 'Bu' }, { text: 'di' }] }, '05/12/1990', { formula: '"000"&"1"', result: '0001' }]);
    ws.addRow([3, null, null, null, null, 'pindah']);
    ws.addRow([4, '1703064512900003', 'Ani', { formula: 'DATE(1990,12,5)', result: new Date(Date.UTC(1990, 11, 5)) }]);
    ws.getCell('D7').numFmt = 'dd/mm/yyyy';
    await wb.xlsx.writeFile(path);

    const { rows, reader } = await readAll(path, 'a.xlsx');
    expect(reader.header).toMatchObject({ rowNumber: 3, extra: ['No.', 'Catatan'] });
    // row 6 holds its number in "No." and a note in "Catatan", columns not read: a row all the same, its spec cells empty (callers
    // refuse it), never dropped unsaid (a number alone under "No." is a template's numbered empty row: sheet-reader.numbered-rows.spec.ts)
    expect(rows.map((r) => r.rowNumber)).toEqual([4, 5, 6, 7]);
    expect(rows[2].cells.every((c) => c.kind === 'empty')).toBe(true);
    expect(rows[0].cells.map((c) => [c.kind, c.text])).toEqual([['text', '1703064512900001'], ['text', 'Siti'], ['date', '1990-12-05'], ['text', '0001234567890']]);
    expect(rows[1].cells[0].kind).toBe('number');
    expect(rows[1].cells[1]).toMatchObject({ kind: 'text', text: 'Budi', richText: true });
    expect(rows[1].cells[3]).toMatchObject({ kind: 'text', text: '0001', formula: '"000"&"1"' });
    expect(rows[3].cells[2]).toMatchObject({ kind: 'date', text: '1990-12-05' });
    expect(reader.progress).toBe(1);
  });

  it('reads a semicolon CSV with BOM', async () => {
    const path = await tmp('b.csv');
    await writeFile(path, '\ufeffJudul\nNIK;NAMA;TGL LAHIR\r\n1703064512900001;"Siti; Aminah";05-12-1990\r\n\r\n;;\n1703064512900002;Budi;\n');
    const { rows } = await readAll(path, 'b.csv');
    expect(rows.map((r) => [r.rowNumber, ...r.cells.map((c) => c.text)])).toEqual([
      [3, '1703064512900001', 'Siti; Aminah', '05-12-1990', ''],
      [6, '1703064512900002', 'Budi', '', ''],
    ]);
  });

  it("a column's own name beats an alias of it, wherever it stands; a repeated column is extra", () => {
    const columns = [{ name: 'NIK', required: true }, { name: 'IURAN', aliases: ['JUMLAH'], required: true }];
    expect(matchHeader(columns, ['NIK', 'JUMLAH', 'IURAN', 'IURAN'])).toMatchObject({ indexes: [0, 2], extra: ['JUMLAH', 'IURAN'] });
    expect(matchHeader(columns, ['NIK', 'Iuran', 'JUMLAH'])).toMatchObject({ indexes: [0, 1], extra: ['JUMLAH'] });
    expect(matchHeader(columns, ['JUMLAH', 'NIK', 'Jumlah'])).toMatchObject({ indexes: [1, 0], extra: ['Jumlah'] });
    // findings name an alias as the file wrote it, and a column matched by its own name by that name
    expect(matchHeader(COLUMNS, ['nik', ' Nama Peserta ', 'Tgl. Lahir']).labels).toEqual(['NIK', 'Nama Peserta', 'Tgl. Lahir', 'NOKA']);
  });

  it('enrollment headers as health offices write them: a sex column\'s (L/P), KODE DESA/KEL, TMT PESERTA; no header names two columns (QA: refused whole)', () => {
    // in no format of the five (enrollment, bill, PBI-APBN, payments, pledges and their Daftar) does a header name two columns
    for (const columns of [ENROLLMENT_COLUMNS, BILL_COLUMNS, PBI_COLUMNS, PAYMENT_COLUMNS, PLEDGE_COLUMNS, LIST_COLUMNS] as const) {
      const keys = (columns as readonly ColumnSpec[]).flatMap((c) => [c.name, ...(c.aliases ?? [])].map((h) => `${normalizeHeader(h)} ${c.name}`));
      const owners = new Map<string, string[]>();
      for (const [key, name] of keys.map((k) => k.split(' '))) owners.set(key, [...new Set([...(owners.get(key) ?? []), name])]);
      expect([...owners].filter(([, names]) => names.length > 1)).toEqual([]);
    }
    const headers = ['NIK', 'NO KK', 'NAMA', 'TGL LAHIR', 'JENIS KELAMIN (L/P)', 'KODE DESA/KEL', 'TMT PESERTA'];
    const match = matchHeader(ENROLLMENT_COLUMNS, headers);
    expect(match).toMatchObject({ missing: [], extra: [] });
    expect(match.labels.slice(4, 6)).toEqual(['JENIS KELAMIN (L/P)', 'KODE DESA/KEL']);
    for (const [header, column] of [['Kode Desa / Kelurahan', 5], ['KODE DESA/KEL.', 5], ['JK (P/L)', 4], ['Jenis Kelamin ( L / P )', 4], ['TMT Peserta', 7]] as const) {
      expect(matchHeader(ENROLLMENT_COLUMNS, [header]).indexes[column]).toBe(0);
    }
    // other words in parentheses are still no hint
    expect(matchHeader(ENROLLMENT_COLUMNS, ['JENIS KELAMIN (ibu)']).indexes[4]).toBe(-1);
  });

  it('headers with a hint operators type after the name: (16 digit), [Rp], (tgl/bln/thn), a required-column asterisk; meaningful words stay (QA: refused as unknown columns)', () => {
    const enrollment = ['NIK (16 digit)', 'NO KK (16 digit)', 'NAMA LENGKAP *', 'TANGGAL LAHIR', 'JK (L/P) *', 'KODE DESA', 'NOKA (13 digit)', 'TMT (tgl/bln/thn)', 'TAT [dd/mm/yyyy]'];
    const match = matchHeader(ENROLLMENT_COLUMNS, enrollment);
    expect(match).toMatchObject({ indexes: [0, 1, 2, 3, 4, 5, 6, 7, 8, -1], missing: [], extra: [], clashes: [] });
    // findings name a hinted header as written; TANGGAL LAHIR and KODE DESA are the columns' own names in other spelling
    expect(match.labels).toEqual([...enrollment.slice(0, 3), 'TANGGAL_LAHIR', 'JK (L/P) *', 'KODE_DESA', ...enrollment.slice(6), 'ALASAN_BERAKHIR']);
    expect(withoutHeaderHint('TANGGAL LAHIR')).toBeUndefined();
    expect(withoutHeaderHint('NIK (16 digit) *')).toBe('NIK');
    expect(withoutHeaderHint('Jumlah [Rp]')).toBe('Jumlah');
    expect(withoutHeaderHint('NIK (Ibu)')).toBeUndefined(); // other words in brackets name another column
    expect(withoutHeaderHint('NIK [Ibu]')).toBeUndefined();
    expect(withoutHeaderHint('(16 digit)')).toBeUndefined(); // a hint alone is no header
    expect(matchHeader(ENROLLMENT_COLUMNS, ['NIK (16 digit) (Ibu)']).indexes[0]).toBe(-1);
    // every other upload: pledge, payment, bill, PBI-APBN
    expect(matchHeader(PLEDGE_COLUMNS, ['KODE *', 'SUMBER (wajib)', 'TAHUN', 'PAGU [Rp]', 'NIK (16 digit)']).indexes).toEqual([0, 1, -1, -1, 2, -1, -1, -1, -1, 4, -1, -1, 3, -1, -1]);
    expect(matchHeader(PAYMENT_COLUMNS, ['KODE_KOMITMEN *', 'BULAN', 'JUMLAH (Rp)', 'TANGGAL_BAYAR (dd/mm/yyyy)', 'REFERENSI', 'Koreksi untuk bulan (opsional)']).indexes).toEqual([0, 1, 2, 3, 4, 5]);
    expect(matchHeader(BILL_COLUMNS, ['NOKA (13 digit)', 'NIK (16 digit)', 'NAMA', 'Jumlah [Rp]']).indexes).toEqual([0, 1, 2, 3]);
    expect(matchHeader(PBI_COLUMNS, ['NO', 'NIK (16 digit)']).indexes).toEqual([1]);
  });

  it('two headers naming one column where a hint was set aside from one, or one header repeated, are a clash, named with the headers and their letters; an unknown header repeated is not', () => {
    expect(matchHeader(ENROLLMENT_COLUMNS, ['NIK', 'NIK (16 digit)', 'NAMA']).clashes).toEqual([{ column: 'NIK', headers: ['NIK', 'NIK (16 digit)'], letters: ['A', 'B'] }]);
    expect(matchHeader(BILL_COLUMNS, ['NOKA', 'NIK', 'Jumlah (Rp)', 'JUMLAH [Rp]']).clashes).toEqual([{ column: 'IURAN', headers: ['Jumlah (Rp)', 'JUMLAH [Rp]'], letters: ['C', 'D'] }]);
    expect(matchHeader(BILL_COLUMNS, ['NOKA', 'NIK', 'IURAN', 'TAGIHAN (Rp)']).clashes).toEqual([{ column: 'IURAN', headers: ['IURAN', 'TAGIHAN (Rp)'], letters: ['C', 'D'] }]);
    // a plain repeat (QA: the second NIK was dropped unsaid), in any spelling; an alias beside the column's name is not one
    expect(matchHeader(ENROLLMENT_COLUMNS, ['NIK', 'NO KTP', 'NIK']).clashes).toEqual([{ column: 'NIK', headers: ['NIK', 'NO KTP', 'NIK'], letters: ['A', 'B', 'C'] }]);
    expect(matchHeader(ENROLLMENT_COLUMNS, ['NIK', 'NAMA', 'KETERANGAN', 'Nama']).clashes).toEqual([{ column: 'NAMA', headers: ['NAMA', 'Nama'], letters: ['B', 'D'] }]);
    expect(matchHeader(ENROLLMENT_COLUMNS, ['NIK', 'NO KTP', 'NAMA']).clashes).toEqual([]);
    expect(matchHeader(ENROLLMENT_COLUMNS, ['NIK', 'NAMA', 'KETERANGAN', 'KETERANGAN']).clashes).toEqual([]);
    const refused = SpreadsheetException.duplicateColumns(matchHeader(PAYMENT_COLUMNS, ['KODE_KOMITMEN', 'JUMLAH', 'Jumlah (Rp)']).clashes);
    expect(refused).toMatchObject({ code: 'DUPLICATE_COLUMN', details: { columns: [{ column: 'JUMLAH', headers: ['JUMLAH', 'Jumlah (Rp)'], letters: ['B', 'C'] }] } });
    expect(refused.message).toBe(
      'Kolom "JUMLAH" (kolom B) dan "Jumlah (Rp)" (kolom C) sama-sama dibaca sebagai JUMLAH, sehingga tidak jelas kolom mana yang dipakai. Hapus salah satunya atau ganti judulnya, lalu unggah ulang. Tidak ada baris yang disimpan dari berkas ini.',
    );
  });

  it('the headers read as a column though not written as its name (an alias, a hint) are readAs, in file order, with their letters', () => {
    const match = matchHeader(BILL_COLUMNS, ['NO', 'NIK (16 digit)', 'NOKA', 'Nama', 'JUMLAH']);
    expect(match.readAs).toEqual([
      { header: 'NIK (16 digit)', column: 'NIK', columnLetter: 'B' },
      { header: 'JUMLAH', column: 'IURAN', columnLetter: 'E' },
    ]);
    expect(matchHeader(BILL_COLUMNS, ['NOKA', 'nik', 'NAMA', 'IURAN']).readAs).toEqual([]); // the columns' own names, in any case
  });

  it('headers finance writes for pledge and payment columns: PERSEN (%), PROSENTASE, BULAN MULAI, PAGU ANGGARAN, KUOTA PESERTA, Koreksi untuk bulan (QA: ignored unsaid)', () => {
    const pledge = (header: string) => PLEDGE_COLUMNS[matchHeader(PLEDGE_COLUMNS, ['KODE', 'SUMBER', 'TAHUN', header]).indexes.indexOf(3)]?.name;
    const cases = [
      ['PERSEN (%)', 'PERSEN'], ['Persen ( % )', 'PERSEN'], ['PROSENTASE', 'PERSEN'], ['Persentase', 'PERSEN'], ['PERSEN BAGIAN (%)', 'PERSEN'],
      ['BULAN MULAI', 'BULAN_DARI'], ['BULAN SELESAI', 'BULAN_SAMPAI'], ['Bulan Akhir', 'BULAN_SAMPAI'], ['PAGU ANGGARAN (Rp)', 'PAGU'], ['KUOTA PESERTA', 'KUOTA'],
    ];
    for (const [header, column] of cases) expect([header, pledge(header)]).toEqual([header, column]);
    expect(matchHeader(PLEDGE_COLUMNS, ['KODE', 'SUMBER', 'TAHUN', 'PERSEN (%)']).labels[10]).toBe('PERSEN (%)'); // findings name it as written
    // the console's payment form calls the field "Koreksi untuk bulan"
    for (const header of ['Koreksi untuk bulan', 'KOREKSI UNTUK BULAN', 'Bulan Koreksi', 'PENYESUAIAN_BULAN']) expect(matchHeader(PAYMENT_COLUMNS, [header]).indexes[5]).toBe(0);
    // headed as the template heads it, KOREKSI_UNTUK_BULAN; the former header PENYESUAIAN_BULAN, still read, is named as written
    expect(matchHeader(PAYMENT_COLUMNS, ['KOREKSI_UNTUK_BULAN']).labels[5]).toBe('KOREKSI_UNTUK_BULAN');
    expect(matchHeader(PAYMENT_COLUMNS, ['PENYESUAIAN_BULAN']).labels[5]).toBe('PENYESUAIAN_BULAN');
    expect(matchHeader(PAYMENT_COLUMNS, ['KODE_KOMITMEN']).labels[5]).toBe('KOREKSI_UNTUK_BULAN');
  });

  it('a header not known that shares a word with an optional column the file lacks looks like it; harmless extras and a column\'s second copy do not', () => {
    const lookAlikes = (columns: readonly ColumnSpec[], headers: string[]) => {
      const match = matchHeader(columns, headers);
      return lookAlikeColumns(columns, match.indexes, match.extra);
    };
    const pledge = ['KODE', 'SUMBER', 'TAHUN'];
    expect(lookAlikes(PLEDGE_COLUMNS, [...pledge, 'PERSEN POTONGAN'])).toEqual([{ header: 'PERSEN POTONGAN', columns: ['PERSEN'] }]);
    expect(lookAlikes(PLEDGE_COLUMNS, [...pledge, 'Pagu 2026 (Rp)', 'Bulan Awal'])).toEqual([
      { header: 'Pagu 2026 (Rp)', columns: ['PAGU'] },
      { header: 'Bulan Awal', columns: ['BULAN_DARI', 'BULAN_SAMPAI'] },
    ]);
    // the column found, a second header like it is only not read
    expect(lookAlikes(PLEDGE_COLUMNS, [...pledge, 'PERSEN', 'PERSEN POTONGAN'])).toEqual([]);
    const harmless = ['NO', 'No.', 'KETERANGAN', 'NAMA DESA', 'KECAMATAN', 'NAMA IBU', 'ALAMAT', 'Catatan', 'NOMOR HP', 'TANGGAL INPUT', 'JUMLAH PESERTA'];
    expect(lookAlikes(PLEDGE_COLUMNS, [...pledge, ...harmless])).toEqual([]);
    expect(lookAlikes(ENROLLMENT_COLUMNS, ['NIK', 'NO KK', 'NAMA', 'TGL LAHIR', 'JK', 'KODE DESA', 'TMT', ...harmless])).toEqual([]);
    expect(lookAlikes(BILL_COLUMNS, ['NOKA', 'NIK', 'IURAN', ...harmless])).toEqual([]);
    expect(lookAlikes(PBI_COLUMNS, ['NIK', ...harmless, 'NAMA'])).toEqual([]);
    // a payment sheet's BULAN is a column of its own: `BULAN BAYAR` is no correction month; `KOREKSI BULAN IURAN` is
    const payment = ['KODE_KOMITMEN', 'BULAN', 'JUMLAH', 'TANGGAL_BAYAR', 'REFERENSI'];
    expect(lookAlikes(PAYMENT_COLUMNS, [...payment, 'BULAN BAYAR', 'TANGGAL SPM', ...harmless])).toEqual([]);
    expect(lookAlikes(PAYMENT_COLUMNS, [...payment, 'KOREKSI BULAN IURAN'])).toEqual([{ header: 'KOREKSI BULAN IURAN', columns: ['KOREKSI_UNTUK_BULAN'] }]);
    // the others are named; a row report's own BARIS, STATUS, KETERANGAN, uploaded back fixed, are not
    expect(columnsNotRead(['NO', 'KETERANGAN'])).toEqual([{ code: 'COLUMNS_NOT_READ', headers: ['NO', 'KETERANGAN'], message: 'Kolom berikut tidak dibaca: NO, KETERANGAN.' }]);
    expect(columnsNotRead(['BARIS', 'STATUS', 'KETERANGAN'])).toEqual([]);
    expect(columnsNotRead(['No.', 'BARIS', 'STATUS', 'KETERANGAN']).map((w) => w.message)).toEqual(['Kolom berikut tidak dibaca: No.']);
    expect(columnsNotRead(Array.from({ length: 22 }, (_, i) => `K${i + 1}`))[0].message).toBe(`Kolom berikut tidak dibaca: ${Array.from({ length: 20 }, (_, i) => `K${i + 1}`).join(', ')} dan 2 kolom lain.`);
    // an enrollment file without TAT and ALASAN_BERAKHIR: `TGL AKHIR KEPESERTAAN` may be either
    expect(lookAlikes(ENROLLMENT_COLUMNS, ['NIK', 'NO KK', 'NAMA', 'TGL LAHIR', 'JK', 'KODE DESA', 'TMT', 'TGL AKHIR KEPESERTAAN', 'NO BPJS KESEHATAN'])).toEqual([
      { header: 'TGL AKHIR KEPESERTAAN', columns: ['TAT', 'ALASAN_BERAKHIR'] },
      { header: 'NO BPJS KESEHATAN', columns: ['NOKA'] },
    ]);
  });

  it('refuses missing columns with the headers it found', async () => {
    const path = await tmp('c.csv');
    await writeFile(path, 'NIK,NAMA_LENGKAP\n1,2\n');
    const err = await readAll(path, 'c.csv').catch((e) => e);
    expect(err).toBeInstanceOf(SpreadsheetException);
    expect(err.code).toBe('MISSING_COLUMNS');
    expect(err.details).toEqual({ missing: ['NAMA'], found: ['NIK', 'NAMA_LENGKAP'], foundCount: 2, searchedRows: 30 });
  });

  it('says the header is looked for in the first rows only: a header below them reads as missing (QA: "judul 0" and no word of it)', async () => {
    const path = await tmp('e.csv');
    await writeFile(path, [...Array.from({ length: 5 }, (_, i) => `judul ${i}`), 'NIK,NAMA', '1703064512900001,Siti'].join('\n'));
    const reader = new SheetReader(path, { filename: 'e.csv', columns: COLUMNS, headerSearchRows: 5 });
    const err = await (async () => {
      for await (const _ of reader.batches());
    })().catch((e) => e);
    expect(err.code).toBe('MISSING_COLUMNS');
    expect(err.details).toMatchObject({ missing: ['NIK', 'NAMA'], searchedRows: 5 });
    expect(err.message).toMatch(/Judul kolom yang terbaca: judul 0\. Judul kolom hanya dicari pada 5 baris pertama setiap sheet; pindahkan baris judul ke atas .*\. Gunakan templat/);
    // within the rows searched, the same file is read
    const found = new SheetReader(path, { filename: 'e.csv', columns: COLUMNS, headerSearchRows: 6 });
    for await (const _ of found.batches());
    expect(found.header).toMatchObject({ rowNumber: 6 });
  });

  it('keeps the headers it lists short when the "header" is a whole file on one line', async () => {
    const path = await tmp('d.csv');
    const cells = Array.from({ length: 5_000 }, (_, i) => `${'x'.repeat(100)}${i}`);
    await writeFile(path, `NIK,${cells.join(',')}\n1,2\n`);
    const err = await readAll(path, 'd.csv').catch((e) => e);
    expect(err.code).toBe('MISSING_COLUMNS');
    expect(err.details.foundCount).toBe(5_001);
    expect(err.details.found).toHaveLength(30);
    expect(err.details.found[1]).toBe(`${'x'.repeat(60)}…`);
    expect(err.message).toMatch(/… dan 4\.971 kolom lainnya\. Judul kolom hanya dicari pada 30 baris pertama setiap sheet; .*\. Gunakan templat/);
    expect(err.message.length).toBeLessThan(2_500);
  });

  it('reads a workbook zipped without compression, worksheet before workbook.xml, the same way every time', async () => {
    // ok/stored-entries.xlsx is ok/basic.xlsx repacked with `zip -0` in its own entry order. ExcelJS's
    // front-to-back reader lost entries of such a file at random (exceljs#3064): half the reads
    // failed as corrupt or without shared strings.
    const path = join(process.cwd(), 'test/fixtures/enrollment/ok/stored-entries.xlsx');
    const reads = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const { rows, reader } = await readAll(path, 'stored-entries.xlsx', 100);
      reads.add(JSON.stringify(rows.map((r) => r.cells.map((c) => c.text))));
      expect(reader.progress).toBeCloseTo(1, 6);
    }
    expect(reads.size).toBe(1);
    expect(JSON.parse([...reads][0])).toHaveLength(5);
  });

  it('decodes the _xHHHH_ escapes of .xlsx text as Excel shows them, shared or inline, rich or plain', async () => {
    expect(decodeXstring('Budi_x000D_Santoso')).toBe('Budi\rSantoso');
    expect(decodeXstring('Lit_x005F_x0041_')).toBe('Lit_x0041_');
    expect(decodeXstring('_x_ tanpa kode')).toBe('_x_ tanpa kode');
    const path = await tmp('escapes.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Data');
    ws.addRow(['NIK', 'NAMA']);
    ws.addRow(['1703064512900001', 'Budi_x000D__x000A_Santoso']);
    ws.addRow(['1703064512900002', { richText: [{ text: 'Siti_x0009_' }, { text: 'Aminah' }] }]);
    ws.addRow(['1703064512900003', 'Nama_x005F_x0041_']);
    ws.addRow(['1703064512900004', { formula: '"Ani"', result: 'Ani_x0042_' }]);
    await wb.xlsx.writeFile(path);
    const { rows } = await readAll(path, 'escapes.xlsx');
    expect(rows.map((r) => r.cells[1].text)).toEqual(['Budi\r\nSantoso', 'Siti\tAminah', 'Nama_x0041_', 'AniB']);
  });

  it('text that looks like an escape, written through textValue as every report writes user text, reads back as written (QA)', async () => {
    expect(textValue('Nama_x0041_ dan _x00e9_, _X00e9_')).toBe('Nama_x005F_x0041_ dan _x005F_x00e9_, _X00e9_');
    expect(textValue('_x_ tanpa kode')).toBe('_x_ tanpa kode');
    const path = await tmp('literal.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Data');
    ws.addRow(['NIK', 'NAMA']);
    ws.addRow([textValue('1703064512900001'), textValue('Nama_x0041_')]);
    ws.addRow([textValue('1703064512900002'), textValue('Lit_x005F_x0042_')]);
    await wb.xlsx.writeFile(path);
    const { rows } = await readAll(path, 'literal.xlsx');
    expect(rows.map((r) => r.cells[1].text)).toEqual(['Nama_x0041_', 'Lit_x005F_x0042_']);
  });

  it('finds a sheet\'s merged ranges wherever the chunks split the XML, prefixed or not, and which cells of the data rows they hide', async () => {
    const xml = '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><x:mergeCells count="2"><x:mergeCell ref="F3:F5"/><x:mergeCell ref="$B$7:$C$7"/></x:mergeCells></worksheet>';
    for (const size of [1, 5, 11, 64, xml.length]) {
      const tap = new MergeCellTap();
      const passed: Buffer[] = [];
      tap.on('data', (c: Buffer) => passed.push(c));
      for (let i = 0; i < xml.length; i += size) tap.write(Buffer.from(xml.slice(i, i + size)));
      tap.end();
      await new Promise((r) => tap.on('end', r));
      expect(Buffer.concat(passed).toString()).toBe(xml);
      expect(tap.ranges().map((r) => r.ref)).toEqual(['F3:F5', 'B7:C7']);
    }
    expect([columnIndex('A'), columnIndex('Z'), columnIndex('AA'), columnIndex('AJ')]).toEqual([0, 25, 26, 35]);
    const hidden = HiddenCells.of(
      await scanMergedRanges(Readable.from([Buffer.from(xml)])),
      [
        { name: 'KODE_DESA', position: 5 },
        { name: 'NAMA', position: 2 },
        { name: 'NIK', position: 1 },
      ],
      1,
    )!;
    expect([3, 4, 5, 6, 7].map((row) => hidden.at(row)?.map((c) => `${c.column} ${c.range}`))).toEqual([undefined, ['KODE_DESA F3:F5'], ['KODE_DESA F3:F5'], undefined, ['NAMA B7:C7']]);
    expect(hidden.at(4)).toEqual([{ column: 'KODE_DESA', range: 'F3:F5', firstRow: 3, lastRow: 5 }]); // asked out of order: still found
    expect(HiddenCells.of([{ ref: 'A1:J1', firstColumn: 0, firstRow: 1, lastColumn: 9, lastRow: 1 }], [{ name: 'NIK', position: 0 }], 2)).toBeNull(); // a merged title above the header
    expect(HiddenCells.of([{ ref: 'K3:K9', firstColumn: 10, firstRow: 3, lastColumn: 10, lastRow: 9 }], [{ name: 'NIK', position: 0 }], 1)).toBeNull(); // a column the spec does not read
  });

  it('marks the rows a merged range hides, early and late in a long sheet (rows parsed while the merges are scanned wait for them)', async () => {
    const path = await tmp('merged-long.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
    const ws = wb.addWorksheet('Data');
    ws.addRow(['NIK', 'NAMA', 'TGL LAHIR', 'NOKA']).commit();
    // A streamed sheet merges rows not yet committed: each range's rows are committed after its merge.
    const merges: Record<number, string> = { 3: 'B2:B3', 30_001: 'B30000:B30001' };
    for (let i = 2; i <= 30_001; i++) {
      ws.addRow([`17030645129${String(i).padStart(5, '0')}`, merges[i] ? null : `Nama ${i}`]);
      if (merges[i]) ws.mergeCells(merges[i]);
      if (merges[i + 1] === undefined) ws.getRow(i).commit();
    }
    ws.commit();
    await wb.commit();
    const { rows } = await readAll(path, 'merged-long.xlsx', 5000);
    expect(rows).toHaveLength(30_000);
    expect(rows.filter((r) => r.merged).map((r) => [r.rowNumber, r.merged])).toEqual([
      [3, [{ column: 'NAMA', range: 'B2:B3', firstRow: 2, lastRow: 3 }]],
      [30_001, [{ column: 'NAMA', range: 'B30000:B30001', firstRow: 30_000, lastRow: 30_001 }]],
    ]);
  });

  it('parses the §12 date forms and refuses impossible days', () => {
    expect(parseDateText('2024-02-29')).toBe('2024-02-29');
    expect(parseDateText('29/02/2024')).toBe('2024-02-29');
    expect(parseDateText('1-3-2024')).toBe('2024-03-01');
    expect(parseDateText('2023-02-29')).toBeNull();
    expect(parseDateText('31/04/2024')).toBeNull();
    expect(parseDateText('2024/02/01')).toBeNull();
    // the canonical form is read digit by digit; what it refuses still goes through the other forms
    expect(parseDateText('1999-12-31')).toBe('1999-12-31');
    expect(parseDateText('2025-13-01')).toBeNull();
    expect(parseDateText('2025-00-10')).toBeNull();
    expect(parseDateText('2025-04-00')).toBeNull();
    expect(parseDateText('2025-04-31')).toBeNull();
    expect(parseDateText('0999-04-01')).toBeNull();
    expect(parseDateText('2025-0a-01')).toBeNull();
    expect(parseDateText('2025-4-01 ')).toBe('2025-04-01');
  });
  it('reads a number cell of a date column as the Excel serial it is, 1900-03-01 … 2100-12-31, in its date system; other numbers are no date', () => {
    expect(cellDay(numberCell(46326))).toBe('2026-10-31');
    expect(cellDay(numberCell(46326.75))).toBe('2026-10-31'); // a time of day is dropped, as for date cells
    // a time just before midnight keeps its day (QA: 01/12/2026 23:59:51 was read as 2 December); a formula's hair under
    // midnight is the next day, as Excel shows it
    expect(cellDay(numberCell(46357.9999))).toBe('2026-12-01');
    expect(cellDay(dateCell(new Date(Date.UTC(2026, 11, 1, 23, 59, 51))))).toBe('2026-12-01');
    expect(cellDay(numberCell(46357.99999999999))).toBe('2026-12-02');
    expect(cellDay(numberCell(61))).toBe('1900-03-01');
    expect(cellDay(numberCell(73415))).toBe('2100-12-31');
    expect(cellDay(numberCell(44561, undefined, true))).toBe('2026-01-01');
    expect(cellDay(numberCell(0, undefined, true))).toBe('1904-01-01');
    for (const n of [60, 73416, -1, 1703060101700001, Number.NaN]) expect(cellDay(numberCell(n))).toBeNull();
    expect(cellDay(numberCell(71954, undefined, true))).toBeNull(); // 2101-01-01 in the 1904 system
    expect(cellDay({ kind: 'text', text: '46326' })).toBeNull(); // a CSV's digits are not guessed
  });

  it('takes a whole number of 1900–2100 in a date column for a year typed alone; other serials and numbers are not', () => {
    expect(yearOnly(numberCell(1985), 'TANGGAL_LAHIR')).toMatch(/^TANGGAL_LAHIR hanya berisi tahun \(1985\), bukan tanggal lengkap\./);
    expect(yearOnly({ kind: 'text', text: '2026' }, 'TMT')).toMatch(/^TMT hanya berisi tahun \(2026\)/);
    for (const n of [1900, 2100]) expect(yearOnly(numberCell(n), 'TMT')).not.toBeNull();
    for (const n of [1899, 2101, 1985.5, 25569, 46326]) expect(yearOnly(numberCell(n), 'TMT')).toBeNull();
    expect(yearOnly({ kind: 'text', text: '1985-01-01' }, 'TMT')).toBeNull();
  });

  it('keeps the serial of a date cell, so a year typed into a date-formatted cell is taken for a year: plain or formula, 1900 or 1904 system', async () => {
    const read = async (date1904: boolean) => {
      const path = await tmp(`dates-${date1904}.xlsx`);
      const wb = new ExcelJS.Workbook();
      wb.properties.date1904 = date1904;
      const ws = wb.addWorksheet('Data');
      ws.addRow(['NIK', 'NAMA', 'TANGGAL_LAHIR']);
      for (const value of [1985, { formula: '1980+5', result: 1985 }, 1985.5, 25569, 1899, 2101]) ws.addRow(['1703060101700001', 'Siti', value]).getCell(3).numFmt = 'dd/mm/yyyy';
      await wb.xlsx.writeFile(path);
      return (await readAll(path, 'dates.xlsx')).rows.map((r) => r.cells[2]);
    };
    const cells = await read(false);
    expect(cells.map((c) => [c.kind, c.text, c.serial])).toEqual([
      ['date', '1905-06-07', 1985],
      ['date', '1905-06-07', 1985],
      ['date', '1905-06-07', 1985.5],
      ['date', '1970-01-01', 25569],
      ['date', '1905-03-13', 1899],
      ['date', '1905-10-01', 2101],
    ]);
    expect(cells.map((c) => yearOnly(c, 'TANGGAL_LAHIR') !== null)).toEqual([true, true, false, false, false, false]);
    expect(yearOnly(cells[0], 'TANGGAL_LAHIR')).toBe(
      'TANGGAL_LAHIR hanya berisi tahun (1985), bukan tanggal lengkap: tahun itu tampaknya diketik ke sel berformat tanggal, sehingga terbaca sebagai tanggal 1905-06-07. ' +
        'Ketik tanggal lengkapnya sebagai YYYY-MM-DD atau DD/MM/YYYY (misalnya 17/08/1985).',
    );
    const mac = await read(true);
    expect(mac.slice(0, 2).map((c) => [c.kind, c.text, c.serial])).toEqual([
      ['date', '1909-06-08', 1985],
      ['date', '1909-06-08', 1985],
    ]);
    expect(yearOnly(mac[1], 'TANGGAL_LAHIR')).toMatch(/^TANGGAL_LAHIR hanya berisi tahun \(1985\), .* tanggal 1909-06-08\./);
  });

  it('tells UTF-16 without a byte order mark by the NUL in every other byte, little or big endian; a few NULs in UTF-8 text are not', () => {
    const text = 'NIK,NAMA\r\n1703060101700001,Siti\r\n';
    const le = Buffer.from(text, 'utf16le');
    for (const head of [le, Buffer.from(le).swap16()]) {
      expect(() => detectFormat('peserta.csv', head)).toThrow(expect.objectContaining({ code: 'CSV_NOT_UTF8', details: { filename: 'peserta.csv', encoding: 'UTF-16' } }));
    }
    expect(detectFormat('peserta.csv', Buffer.from('NIK,NAMA\n1703060101700001,Ada\u0000Nul\n'))).toBe('csv');
  });

  it('keeps number cells numbers, marking those of a 1904-system workbook with their date system', async () => {
    for (const date1904 of [false, true]) {
      const path = await tmp(`serial-${date1904}.xlsx`);
      const wb = new ExcelJS.Workbook();
      wb.properties.date1904 = date1904;
      const ws = wb.addWorksheet('Data');
      ws.addRow(['NIK', 'NAMA', 'TGL LAHIR', 'NOKA']);
      ws.addRow(['1703064512900001', 'Siti', 46326, 46326]);
      await wb.xlsx.writeFile(path);
      const { rows } = await readAll(path, 'serial.xlsx');
      const expected = { kind: 'number', text: '46326', number: 46326, ...(date1904 && { date1904: true }) };
      expect(rows[0].cells.slice(2)).toEqual([expected, expected]);
    }
  });
});
