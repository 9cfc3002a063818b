/**
 * A .csv bill line with more fields than its header is refused whole with one message (QA:
 * `…,Budi,37,800` was stored as Rp37; `Santoso, Jr` shifted IURAN). Golden file:
 * test/fixtures/bills/not-ok/csv-too-many-fields.csv.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Booting the app on a fresh database copy can take long on a busy machine (PGlite).
jest.setTimeout(180_000);

describe('BPJS bill: a .csv row with more fields than its header', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t?.close());

  it('refuses those rows with one message each, keeps trailing empty fields, reads missing fields as empty', async () => {
    const file = readFileSync('test/fixtures/bills/not-ok/csv-too-many-fields.csv');
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/bills').field('month', '2026-10').field('invoiceTotal', '75600').attach('file', file, 'tagihan.csv').expect(201);
    expect(res.body).toMatchObject({ rowsRead: 5, accepted: 2, rejected: 3, lines: 2, linesTotal: 75600 });
    const issues = res.body.issues as { row: number; column: string | null; code: string; message: string }[];
    expect(issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [2, null, 'CSV_FIELD_COUNT'],
      [3, null, 'CSV_FIELD_COUNT'], // one message, not NAMA/IURAN findings of the shifted cells
      [6, 'IURAN', 'AMOUNT_REQUIRED'],
    ]);
    expect(issues[0].message).toBe(
      'Baris 2 berisi 5 kolom, sedangkan judul 4 kolom: kemungkinan ada koma di dalam angka atau nama (mis. 1,500,000). ' +
        'Beri tanda kutip atau simpan ulang dari Excel sebagai CSV. Isi baris: 0001000000001,1703010207092185,Budi,37,800',
    );
    const lines = await t.dataSource.query('SELECT row_number, amount::int AS amount FROM bill_line WHERE bill_id = $1 ORDER BY row_number', [res.body.id]);
    expect(lines).toEqual([
      { row_number: 4, amount: 37800 },
      { row_number: 5, amount: 37800 }, // `37800,,`
    ]);
  });
});
