/**
 * A .csv enrollment row with more fields than its header is refused whole with one message naming the
 * row (QA: an unquoted `Santoso, Budi` drew five messages about shifted columns, none naming the cause;
 * a ninth value under eight headers, a TAT, was dropped unsaid). Golden file:
 * test/fixtures/enrollment/not-ok/csv-too-many-fields.csv.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { count, issues, upload } from './support.js';

describe('enrollment: a .csv row with more fields than its header', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('refuses it with one message, keeps trailing empty fields, reads missing fields as empty', async () => {
    const res = await upload(t, 'not-ok/csv-too-many-fields.csv');
    expect(res.body).toMatchObject({ status: 'DONE', rowsRead: 5, accepted: 2, rejected: 3 });
    const found = await issues(t, res.body.id);
    expect(found.map((i) => [i.row_number, i.severity, i.column_name, i.code])).toEqual([
      [3, 'REJECT', null, 'CSV_FIELD_COUNT'], // not NAMA/TANGGAL_LAHIR/… of the shifted cells
      [4, 'REJECT', null, 'CSV_FIELD_COUNT'],
      [6, 'REJECT', 'TMT', 'REQUIRED'], // 6 fields under 8 headers: TMT read as empty
    ]);
    expect(found[0].message).toBe(
      'Baris 3 berisi 9 kolom, sedangkan judul 8 kolom: kemungkinan ada koma di dalam angka atau nama (mis. 1,500,000). ' +
        'Beri tanda kutip atau simpan ulang dari Excel sebagai CSV. Isi baris: 1703060101700021,1703060101200001,Santoso,Budi,1970-01-01,L,17.03.06.2001,,2025-01-01',
    );
    expect(found[1].message).toMatch(/^Baris 4 berisi 9 kolom, sedangkan judul 8 kolom: .*,2025-01-01,2025-12-31$/);
    const [{ raw }] = await t.dataSource.query('SELECT raw FROM upload_issue WHERE upload_id = $1 AND row_number = 3', [res.body.id]);
    expect(raw).toEqual({}); // its shifted cells are not repeated in the report
    expect(await count(t, 'participant')).toBe(2);
    const niks = await t.dataSource.query('SELECT nik FROM participant ORDER BY nik');
    expect(niks.map((r: { nik: string }) => r.nik)).toEqual(['1703060101700023', '1703060101709001']);
  });
});
