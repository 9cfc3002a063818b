/**
 * Headers with a unit or format hint in parentheses (`Tgl Lahir (dd/mm/yyyy)`, `TMT (DD-MM-YYYY)`) match their
 * columns, and findings name them as written; other words in parentheses do not (QA: the whole file was refused,
 * "Kolom wajib tidak ditemukan"). The column-numbering row of government sheets right under the header, `(1) (2) …`
 * or `1 2 …` as numbers, is skipped, not judged (QA: 10 rejections such as "NIK: terbaca sebagai angka (2)").
 * Golden files: test/fixtures/enrollment/ok/header-unit-hints.csv, column-numbers-row.csv, column-numbers-row.xlsx.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { issues, upload } from './support.js';

jest.setTimeout(180_000);

describe('enrollment upload: header hints and the column-numbering row', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t?.close());

  it('reads headers with a date-format hint as their columns', async () => {
    const res = await upload(t, 'ok/header-unit-hints.csv');
    expect(res.body).toMatchObject({ status: 'DONE', rowsRead: 2, accepted: 2, rejected: 0 });
    const rows = await t.dataSource.query(`SELECT nik, birth_date::text AS birth, tmt::text AS tmt, tat::text AS tat FROM participant WHERE nik LIKE '17030601017090%' ORDER BY nik`);
    expect(rows).toEqual([
      { nik: '1703060101709001', birth: '1970-01-01', tmt: '2025-01-01', tat: null },
      { nik: '1703060101709002', birth: '1970-01-01', tmt: '2025-02-01', tat: '2025-03-31' },
    ]);
  });

  it('names a hinted header as written in findings; a header with other words in parentheses is not the column', async () => {
    const head = 'NIK,NO_KK,NAMA,Tgl Lahir (dd/mm/yyyy),JENIS_KELAMIN,KODE_DESA,TMT (YYYY-MM-DD)';
    const bad = await upload(t, { name: 'hint.csv', content: Buffer.from(`${head}\n1703060101709003,1703060101200001,Baris Tiga,31/02/1970,L,17.03.06.2001,2025-01-01\n`) });
    expect(bad.body).toMatchObject({ status: 'DONE', rejected: 1 });
    expect((await issues(t, bad.body.id)).map((i) => [i.column_name, i.code, i.message.split(':')[0]])).toEqual([
      ['Tgl Lahir (dd/mm/yyyy)', 'DATE_INVALID', 'Tgl Lahir (dd/mm/yyyy) "31/02/1970" bukan tanggal yang valid'],
    ]);
    const other = 'NIK,NO_KK,NAMA (Kepala Keluarga),TANGGAL_LAHIR,JENIS_KELAMIN,KODE_DESA,TMT';
    const refused = await upload(t, { name: 'lain.csv', content: Buffer.from(`${other}\n1703060101709004,1703060101200001,Baris,1970-01-01,L,17.03.06.2001,2025-01-01\n`) }, 400);
    expect(refused.body.message).toMatch(/^Kolom wajib tidak ditemukan: NAMA\./);
  });

  it('skips a numbering row (1) … (10) under the header of a .csv, and 1 … 10 as numbers in an .xlsx', async () => {
    const csv = await upload(t, 'ok/column-numbers-row.csv');
    expect(csv.body).toMatchObject({ status: 'DONE', rowsRead: 2, accepted: 2, rejected: 0 });
    const xlsx = await upload(t, 'ok/column-numbers-row.xlsx');
    expect(xlsx.body).toMatchObject({ status: 'DONE', rowsRead: 2, accepted: 2, rejected: 0 });
    expect(await issues(t, xlsx.body.id)).toEqual([]);
  });

  it('judges a numbers row that is not the first below the header, or not in column order', async () => {
    const head = 'NIK,NO_KK,NAMA,TANGGAL_LAHIR,JENIS_KELAMIN,KODE_DESA,TMT';
    const good = '1703060101709031,1703060101200001,Baris,1970-01-01,L,17.03.06.2001,2025-01-01';
    const later = await upload(t, { name: 'a.csv', content: Buffer.from(`${head}\n${good}\n1,2,3,4,5,6,7\n`) });
    expect(later.body).toMatchObject({ rowsRead: 2, accepted: 1, rejected: 1 });
    const unordered = await upload(t, { name: 'b.csv', content: Buffer.from(`${head}\n1,3,2,4,5,6,7\n${good}\n`) });
    expect(unordered.body).toMatchObject({ rowsRead: 2, rejected: 1 });
  });
});
