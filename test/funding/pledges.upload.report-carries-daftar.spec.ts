/**
 * The Perbaiki workbook of a pledge sheet carries a `Daftar` sheet: the `Daftar` rows of the refused
 * pledges and the refused `Daftar` rows, as uploaded (a number cell as a number, the file's headers),
 * with their messages. Both sheets fixed, the workbook uploaded alone saves the pledge with its whole
 * list. A pledge sheet without a `Daftar` sheet gets a report without one.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { type ListSheet, pledgeWorkbook, type SheetRow } from './support/pledge-workbook.js';
import { download, readWorkbook } from '../reports/support/xlsx.js';

const HEADER = ['KODE', 'SUMBER', 'PEMBERI_DANA', 'TAHUN', 'CAKUPAN', 'NIK', 'PERSEN'];
const NIK = (n: number) => `170306410190000${n}`;

const workbook = (rows: SheetRow[], list?: ListSheet) => pledgeWorkbook(HEADER, rows, list);

const values = (ws: ExcelJS.Worksheet, n: number) => (ws.getRow(n).values as unknown[]).slice(1);

describe('the Perbaiki of a pledge sheet carries the refused pledges’ Daftar rows', () => {
  let t: TestApp;
  let keuangan: Awaited<ReturnType<TestApp['as']>>;
  beforeAll(async () => {
    t = await createTestApp();
    keuangan = await t.as(Role.KEUANGAN);
  });
  afterAll(() => t?.close());

  const upload = (file: Buffer, name: string) => keuangan.post('/api/v1/pledge-uploads').attach('file', file, name).expect(201);
  const report = async (id: string) => {
    const wb = await readWorkbook((await download(keuangan.get(`/api/v1/pledge-uploads/${id}/report.xlsx`))).body);
    return wb;
  };
  const summary = (wb: ExcelJS.Workbook) => {
    const lines = new Map<string, unknown>();
    wb.getWorksheet('Ringkasan')!.eachRow((row) => lines.set(String(row.getCell(1).value), row.getCell(2).value));
    return lines;
  };

  let firstId: string;

  it('a refused pledge with its NIK list partly in its cell, partly on Daftar, one Daftar row refused: fixed in one workbook and uploaded back alone, saved with the whole list', async () => {
    const file = await workbook(
      [
        ['TJSLP-OK-2026', 'TJSLP', 'PT OK', 2026, 'RESIDENTS', NIK(9), 100],
        ['TJSLP-R-2026', 'TJSLP', 'PT R', 2026, 'RESIDENTS', NIK(1), 100],
        ['APBD-2026', 'APBD', 'Pemkab', 2026, 'ALL', null, 100],
      ],
      {
        // headers as the file wrote them (aliases), repeated as such
        header: ['KODE KOMITMEN', 'value'],
        rows: [
          ['TJSLP-R-2026', NIK(2)],
          ['TJSLP-OK-2026', NIK(8)],
          ['TJSLP-R-2026', '1703 0641 0190 0003'],
          ['TJSLP-R-2026', Number(NIK(4))], // a NIK in a number cell: refused, and its pledge with it
          ['NOPE-2026', NIK(5)],
          ['TJSLP-R-2026', NIK(6)],
        ],
      },
    );
    const first = await upload(file, 'komitmen.xlsx');
    expect(first.body).toMatchObject({ rowsRead: 3, accepted: 2, rejected: 1 });
    expect(first.body.issues).toEqual([
      { sheet: 'Komitmen', rowNumber: 3, column: 'NIK', message: expect.stringContaining('Daftar baris 5 ditolak') },
      { sheet: 'Daftar', rowNumber: 5, column: 'value', message: expect.stringContaining('Format kolom value sebagai Teks') },
      { sheet: 'Daftar', rowNumber: 6, column: 'value', message: expect.stringContaining('"NOPE-2026" tidak ada') },
    ]);
    firstId = first.body.id;

    const wb = await report(firstId);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Perbaiki', 'Daftar', 'Ringkasan']);
    const perbaiki = wb.getWorksheet('Perbaiki')!;
    expect(perbaiki.rowCount).toBe(2);
    expect(values(perbaiki, 2).slice(0, 2)).toEqual(['TJSLP-R-2026', 'TJSLP']);
    expect(String(perbaiki.getCell('R2').value)).toContain('Daftar baris 5 ditolak');

    // the rows of the refused pledge and the refused rows, in file order; none of the saved pledge's
    const daftar = wb.getWorksheet('Daftar')!;
    expect(values(daftar, 1)).toEqual(['KODE KOMITMEN', 'value', 'BARIS', 'STATUS', 'KETERANGAN']);
    expect(daftar.rowCount).toBe(6);
    expect([2, 3, 4, 5, 6].map((n) => values(daftar, n).slice(0, 4))).toEqual([
      ['TJSLP-R-2026', NIK(2), 2, undefined],
      ['TJSLP-R-2026', '1703 0641 0190 0003', 4, undefined],
      ['TJSLP-R-2026', Number(NIK(4)), 5, 'DITOLAK'],
      ['NOPE-2026', NIK(5), 6, 'DITOLAK'],
      ['TJSLP-R-2026', NIK(6), 7, undefined],
    ]);
    expect(typeof daftar.getCell('B4').value).toBe('number'); // as uploaded: a number cell stays one
    expect(String(daftar.getCell('E4').value)).toContain('Format kolom value sebagai Teks');
    expect(String(daftar.getCell('E5').value)).toContain('"NOPE-2026" tidak ada');
    expect(daftar.getCell('E2').value).toBeNull();
    const lines = summary(wb);
    expect(lines.get('Baris Daftar ditolak')).toBe(2);
    expect(String(lines.get('Catatan'))).toContain('Perbaiki kedua sheet');

    // both sheets edited: a share changed on Perbaiki; the NIK typed again as text, the stray row dropped on Daftar
    perbaiki.getCell('G2').value = 50; // PERSEN, the file's seventh column: Perbaiki keeps the file's order
    daftar.getCell('B4').value = NIK(4);
    daftar.spliceRows(5, 1);
    const again = await upload(Buffer.from(await wb.xlsx.writeBuffer()), 'laporan-komitmen-diperbaiki.xlsx');
    expect(again.body).toMatchObject({ rowsRead: 1, accepted: 1, rejected: 0, issues: [] });
    const saved = (await keuangan.get('/api/v1/pledges/TJSLP-R-2026').expect(200)).body;
    expect(saved).toMatchObject({ sharePercent: 50, scope: 'RESIDENTS' });
    expect([...saved.niks].sort()).toEqual([1, 2, 3, 4, 6].map(NIK));
    expect((await keuangan.get('/api/v1/pledges/TJSLP-OK-2026').expect(200)).body.niks.sort()).toEqual([NIK(8), NIK(9)]);
  });

  it('a pledge sheet with no Daftar sheet gets a Perbaiki without one', async () => {
    const res = await upload(await workbook([['TJSLP-N-2026', 'TJSLP', 'PT N', 2026, 'RESIDENTS', NIK(1), 150]]), 'tanpa-daftar.xlsx');
    expect(res.body).toMatchObject({ rejected: 1 });
    const wb = await report(res.body.id);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Perbaiki', 'Ringkasan']);
    const lines = summary(wb);
    expect(lines.has('Catatan')).toBe(false);
    expect(lines.has('Baris Daftar ditolak')).toBe(false);
  });

  it('an upload stored before its Daftar rows were kept: the Daftar sheet lists its refused rows by number and message, and says to use the original list', async () => {
    await t.dataSource.query('DELETE FROM pledge_upload_list_row WHERE upload_id = $1', [firstId]);
    await t.dataSource.query('UPDATE pledge_upload SET list_column_labels = NULL WHERE id = $1', [firstId]);
    const wb = await report(firstId);
    const daftar = wb.getWorksheet('Daftar')!;
    expect(values(daftar, 1)).toEqual(['KODE', 'NILAI', 'BARIS', 'STATUS', 'KETERANGAN']);
    expect([2, 3].map((n) => values(daftar, n).slice(0, 4))).toEqual([
      [undefined, undefined, 5, 'DITOLAK'],
      [undefined, undefined, 6, 'DITOLAK'],
    ]);
    expect(String(summary(wb).get('Catatan'))).toContain('sheet Daftar dari berkas asli');
  });
});
