/**
 * A bill headed `Iuran (Rp)` or `JUMLAH IURAN (Rp)` reads its IURAN column (QA: "Kolom wajib tidak ditemukan: IURAN"),
 * and the column-numbering row `1 2 3 4 5` under the header is skipped, not refused (QA: its NOKA "2" was restored to
 * 0000000000002). Golden files: test/fixtures/bills/ok/tagihan-judul-satuan.csv, tagihan-nomor-kolom.csv.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

jest.setTimeout(180_000);

describe('BPJS bill: header hints and the column-numbering row', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t?.close());

  const upload = async (month: string, fixture: string) =>
    (await t.as(Role.KEUANGAN)).post('/api/v1/bills').field('month', month).field('invoiceTotal', '75600').attach('file', readFileSync(`test/fixtures/bills/ok/${fixture}`), fixture).expect(201);

  it('reads JUMLAH IURAN (Rp) as IURAN', async () => {
    const res = await upload('2026-08', 'tagihan-judul-satuan.csv');
    expect(res.body).toMatchObject({ rowsRead: 2, accepted: 2, rejected: 0, lines: 2, linesTotal: 75600, issues: [] });
  });

  it('skips the numbering row and reads Iuran (Rp)', async () => {
    const res = await upload('2026-09', 'tagihan-nomor-kolom.csv');
    expect(res.body).toMatchObject({ rowsRead: 2, accepted: 2, rejected: 0, lines: 2, linesTotal: 75600, issues: [] });
    const lines = await t.dataSource.query('SELECT row_number, noka FROM bill_line WHERE bill_id = $1 ORDER BY row_number', [res.body.id]);
    expect(lines).toEqual([
      { row_number: 3, noka: '0001234567890' },
      { row_number: 4, noka: '0001234567891' },
    ]);
  });
});
