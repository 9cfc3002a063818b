/**
 * Rows Excel hides (by hand, filtered out by an AutoFilter, in a collapsed group) are read and stored
 * like the others, and the upload says so, naming them: in its answer (`sheetWarnings`), when read
 * back, and on the row report's Ringkasan (QA: a sheet filtered down to one village registered every
 * village's rows without a word).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { upload } from './support.js';

const HEADER = ['NIK', 'NO_KK', 'NAMA', 'TANGGAL_LAHIR', 'JENIS_KELAMIN', 'KODE_DESA', 'NOKA', 'TMT', 'TAT', 'ALASAN_BERAKHIR'];

/** A "Daftar Peserta" of rows 2..7; `hide` the row numbers hidden, `filter` with an AutoFilter over them. */
async function sheet(hide: number[], filter = false): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Daftar Peserta');
  ws.columns = HEADER.map(() => ({ style: { numFmt: '@' } }));
  ws.addRow(HEADER);
  for (let i = 2; i <= 7; i++) {
    ws.addRow([`170306010170000${i}`, '1703060101200001', `Tersembunyi ${i}`, '1970-01-01', 'L', i < 5 ? '17.03.06.2001' : '17.03.06.2003', '', '2025-01-01', '', '']);
  }
  for (const n of hide) ws.getRow(n).hidden = true;
  if (filter) ws.autoFilter = 'A1:J7';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const binary = (res: any, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('enrollment upload: hidden rows are read and named', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('registers the rows a filter hid and warns, naming them, in the answer, read back and in the row report', async () => {
    const res = await upload(t, { name: 'desa-2003.xlsx', content: await sheet([2, 3, 4], true) });
    const message =
      'Baris 2–4 (3 baris) tersembunyi di Excel (disembunyikan atau tersaring) dan tetap dibaca seperti baris lain. ' +
      'Jika hanya baris yang terlihat yang dimaksud, hapus baris tersembunyi itu dari berkas.';
    expect(res.body).toMatchObject({ status: 'DONE', rowsRead: 6, accepted: 6, created: 6, warnings: 0 });
    expect(res.body.sheetWarnings).toEqual([{ code: 'HIDDEN_ROWS', message, rows: 3, ranges: [[2, 4]] }]);
    const stored = await t.dataSource.query('SELECT name FROM participant WHERE created_upload_id = $1 ORDER BY nik', [res.body.id]);
    expect(stored.map((r: { name: string }) => r.name)).toEqual([2, 3, 4, 5, 6, 7].map((i) => `Tersembunyi ${i}`));

    const agent = await t.as(Role.AUDITOR);
    expect((await agent.get(`/api/v1/enrollment-uploads/${res.body.id}`).expect(200)).body.sheetWarnings).toEqual(res.body.sheetWarnings);
    expect((await agent.get('/api/v1/enrollment-uploads').expect(200)).body.items[0].sheetWarnings).toEqual(res.body.sheetWarnings);

    const report = await agent.get(`/api/v1/enrollment-uploads/${res.body.id}/report.xlsx`).buffer(true).parse(binary).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(report.body);
    const lines = (wb.getWorksheet('Ringkasan')!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => [r[1], r[2]]);
    expect(lines).toContainEqual(['Peringatan berkas', message]);
  });

  it('names rows hidden by hand apart, and says nothing of a sheet with none hidden', async () => {
    const res = await upload(t, { name: 'tangan.xlsx', content: await sheet([3, 5, 6]) });
    expect(res.body).toMatchObject({ status: 'DONE', rowsRead: 6, accepted: 6 });
    expect(res.body.sheetWarnings[0].message).toMatch(/^Baris 3 dan 5–6 \(3 baris\) tersembunyi di Excel/);

    const plain = await upload(t, { name: 'terlihat.xlsx', content: await sheet([]) });
    expect(plain.body).toMatchObject({ status: 'DONE', rowsRead: 6, sheetWarnings: [] });
  });

  it('registers a hidden TAT column as the file holds it and warns, naming it, in the answer and read back (HIDDEN_COLUMNS)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Daftar Peserta');
    ws.columns = HEADER.map(() => ({ style: { numFmt: '@' } }));
    ws.addRow(HEADER);
    ws.addRow(['1703060101710001', '1703060101200001', 'Kolom A', '1970-01-01', 'L', '17.03.06.2001', '', '2025-01-01', '', '']);
    ws.addRow(['1703060101710002', '1703060101200001', 'Kolom B', '1970-01-01', 'P', '17.03.06.2001', '', '2025-01-01', '2025-06-30', 'MAMPU']);
    ws.getColumn(9).hidden = true; // TAT
    ws.getColumn(10).hidden = true; // ALASAN_BERAKHIR
    const res = await upload(t, { name: 'kolom-tersembunyi.xlsx', content: Buffer.from(await wb.xlsx.writeBuffer()) });
    expect(res.body).toMatchObject({ status: 'DONE', rowsRead: 2, accepted: 2, created: 2 });
    const message =
      'Kolom TAT (kolom I) dan ALASAN_BERAKHIR (kolom J) tersembunyi di Excel dan tetap dibaca seperti kolom lain. ' +
      'Periksa isinya: jika kolom itu tidak dimaksud, hapus kolomnya dari berkas lalu unggah kembali.';
    const columns = [
      { name: 'TAT', header: 'TAT', letter: 'I' },
      { name: 'ALASAN_BERAKHIR', header: 'ALASAN_BERAKHIR', letter: 'J' },
    ];
    expect(res.body.sheetWarnings).toEqual([{ code: 'HIDDEN_COLUMNS', message, columns }]);
    const [ended] = await t.dataSource.query(`SELECT tat::text AS tat, end_reason FROM participant WHERE nik = '1703060101710002'`);
    expect(ended).toEqual({ tat: '2025-06-30', end_reason: 'MAMPU' });
    const agent = await t.as(Role.AUDITOR);
    expect((await agent.get(`/api/v1/enrollment-uploads/${res.body.id}`).expect(200)).body.sheetWarnings).toEqual(res.body.sheetWarnings);
  });

  it('reads LibreOffice\'s `hidden="true"` (and its `hidden="false"` on every other row) the same way', async () => {
    // golden file: rows 2, 4 and 6 hidden, saved by LibreOffice Calc 7 (soffice --convert-to xlsx)
    const res = await upload(t, 'ok/hidden-rows-libreoffice.xlsx');
    expect(res.body).toMatchObject({ status: 'DONE', rowsRead: 6, accepted: 6, sheetWarnings: [{ code: 'HIDDEN_ROWS', rows: 3, ranges: [[2, 2], [4, 4], [6, 6]] }] });
    expect(res.body.sheetWarnings[0].message).toMatch(/^Baris 2, 4 dan 6 \(3 baris\) tersembunyi di Excel/);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM participant WHERE name LIKE 'Libre %'`);
    expect(n).toBe(6);
  });
});
