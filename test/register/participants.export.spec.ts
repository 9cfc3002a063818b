/**
 * The register as an enrollment sheet (QA: a death must repeat the participant's whole row, and the operator had no
 * copy of it, so a mistyped TMT in a death row moved the participant's coverage unnoticed). The export of a search,
 * uploaded back untouched, changes nothing; with one death filled in, it changes that participant only.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { upload } from './support.js';

const HEADERS = ['NIK', 'NO_KK', 'NAMA', 'TANGGAL_LAHIR', 'JENIS_KELAMIN', 'KODE_DESA', 'NOKA', 'TMT', 'TAT', 'ALASAN_BERAKHIR'];
const binary = (res: any, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};
const csv = [
  HEADERS.join(';'),
  '1703064512900001;1703060101200001;Siti Aminah;05/12/1990;P;17.03.06.2001;0001234567890;01/01/2025;;',
  '1703061305850002;1703060101200001;Budi Santoso;13/05/1985;L;17.03.06.2001;;20/03/2025;31/10/2026;PINDAH',
  '1703110101800003;1703110101200003;Ani Lestari;01/01/1980;P;17.03.11.2009;;01/02/2026;;',
].join('\n');

describe('GET /api/v1/participants/export.xlsx: the register as a sheet to change and upload back', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, new Date('2026-12-06T03:00:00Z'));
    expect((await upload(t, { name: 'awal.csv', content: Buffer.from(csv) })).body).toMatchObject({ status: 'DONE', accepted: 3 });
  });
  afterAll(() => t.close());

  const exported = async (query: string, role = Role.OPERATOR_DINKES) => {
    const res = await (await t.as(role)).get(`/api/v1/participants/export.xlsx${query}`).buffer(true).parse(binary).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body);
    return { res, wb };
  };

  it("writes the search's participants in the template's sheet and columns, dates day first, and audits who took it", async () => {
    const { res, wb } = await exported('?villageCode=1703062001');
    expect(res.headers['content-disposition']).toBe('attachment; filename="peserta-jamkesda-2026-12-06.xlsx"');
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Daftar Peserta', 'Petunjuk']);
    // an empty value is an empty cell
    const rows = wb.getWorksheet('Daftar Peserta')!.getSheetValues().slice(1).map((r) => HEADERS.map((_, i) => (r as unknown[])[i + 1] ?? ''));
    expect(rows).toEqual([
      HEADERS,
      ['1703061305850002', '1703060101200001', 'Budi Santoso', '13/05/1985', 'L', '17.03.06.2001', '', '20/03/2025', '31/10/2026', 'PINDAH'],
      ['1703064512900001', '1703060101200001', 'Siti Aminah', '05/12/1990', 'P', '17.03.06.2001', '0001234567890', '01/01/2025', '', ''],
    ]);
    expect(wb.getWorksheet('Daftar Peserta')!.getColumn(1).numFmt).toBe('@'); // NIKs stay text when edited
    expect(String(wb.getWorksheet('Petunjuk')!.getCell('A2').value)).toBe('Salinan register peserta Jamkesda per 2026-12-06 (WIB): 2 peserta, desa 1703062001.');
    const [event] = await t.dataSource.query(`SELECT actor, action, summary::jsonb AS summary FROM audit_event WHERE action = 'participant.export'`);
    expect(event).toEqual({ actor: expect.stringMatching(/operator/), action: 'participant.export', summary: { filter: { villageCode: '1703062001' }, rows: 2 } });
  });

  it('uploaded back untouched it changes nothing; with a death filled in, only that participant', async () => {
    const { res, wb } = await exported('');
    const again = await upload(t, { name: 'salinan.xlsx', content: res.body });
    expect(again.body).toMatchObject({ status: 'DONE', rowsRead: 3, accepted: 3, unchanged: 3, updated: 0, rejected: 0 });

    const ws = wb.getWorksheet('Daftar Peserta')!;
    expect(ws.getCell('A3').value).toBe('1703064512900001'); // Siti
    ws.getCell('I3').value = '15/11/2026';
    ws.getCell('J3').value = 'MENINGGAL';
    const death = await upload(t, { name: 'salinan-meninggal.xlsx', content: Buffer.from(await wb.xlsx.writeBuffer()) });
    expect(death.body).toMatchObject({ status: 'DONE', accepted: 3, unchanged: 2, updated: 1, rejected: 0 });
    const [siti] = await t.dataSource.query(`SELECT tat::text, end_reason, tmt::text, birth_date::text FROM participant WHERE nik = '1703064512900001'`);
    expect(siti).toEqual({ tat: '2026-11-15', end_reason: 'MENINGGAL', tmt: '2025-01-01', birth_date: '1990-12-05' });
  });

  it("takes the search's filters, month covered included, and refuses a bad one as the search does", async () => {
    const { wb } = await exported('?coveredIn=2026-11', Role.AUDITOR);
    const niks = wb.getWorksheet('Daftar Peserta')!.getColumn(1).values.slice(2);
    expect(niks).toEqual(['1703064512900001', '1703110101800003']); // Budi left in October; Siti, dead on 15 November since the test before, still counts in November
    const bad = await (await t.as(Role.OPERATOR_DINKES)).get('/api/v1/participants/export.xlsx?villageCode=17.03').expect(400);
    expect(bad.body.details[0].field).toBe('villageCode');
  });
});
