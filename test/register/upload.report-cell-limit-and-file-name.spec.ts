/**
 * The row report fits Excel: an uploaded value longer than a cell holds (32,767 characters) is cut to fit, ending
 * with a marker, and KETERANGAN says so (QA: a 20 MB NAMA was copied whole, and the report, uploaded back, was refused
 * as too large). Its download name keeps accented letters as their base letters (QA: `Ña` became `N_a`).
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import ExcelJS from 'exceljs';
import { Role } from '../../src/users/role.js';
import { binary } from '../reports/support/xlsx.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { issues, upload } from './support.js';

jest.setTimeout(180_000);

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
