/**
 * A .csv PBI-APBN row with more fields than its header is refused whole with one message (QA:
 * `NIK1,NIK2` under the header `NIK` kept the first NIK only). Golden file:
 * test/fixtures/pbi-apbn/not-ok/csv-too-many-fields.csv.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Booting the app on a fresh database copy can take long on a busy machine (PGlite).
jest.setTimeout(180_000);

describe('PBI-APBN list: a .csv row with more fields than its header', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t?.close());

  it('refuses two NIKs in one row, and a row whose only value is past the header, keeps `NIK,,`', async () => {
    const file = readFileSync('test/fixtures/pbi-apbn/not-ok/csv-too-many-fields.csv');
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/pbi-apbn-lists').field('month', '2026-10').attach('file', file, 'pbi.csv').expect(201);
    expect(res.body).toMatchObject({ niks: 2, rowsRead: 4, accepted: 2, rejected: 2 });
    const issues = res.body.issues as { row: number; column: string | null; code: string; message: string }[];
    expect(issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [2, null, 'CSV_FIELD_COUNT'],
      [5, null, 'CSV_FIELD_COUNT'], // `,NIK`: its NIK cell is empty, yet the row is not skipped as empty
    ]);
    expect(issues[0].message).toMatch(/^Baris 2 berisi 2 kolom, sedangkan judul 1 kolom: .* Isi baris: 1703010207092185,1703010304462448$/);
    const niks = await t.dataSource.query('SELECT nik FROM pbi_apbn_entry WHERE list_id = $1 ORDER BY nik', [res.body.id]);
    expect(niks.map((r: { nik: string }) => r.nik)).toEqual(['1703060101800001', '1703060101800002']);
  });
});
