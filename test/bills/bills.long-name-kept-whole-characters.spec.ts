/**
 * DOMAIN §12: a bill line's NAMA is BPJS's and identifies no one here (NIK and NOKA do), so one longer than 200
 * characters keeps its line, cut after its 200th character, never inside one, with a warning (QA: cut at 200
 * UTF-16 units, half of 🎉 was stored as U+FFFD, silently).
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

jest.setTimeout(180_000);

describe('bills: a NAMA over 200 characters', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t?.close());

  it('keeps the line, its NAMA cut after the 200th character (🎉 whole), and warns; a name of 200 characters is kept as is', async () => {
    const long = `${'N'.repeat(199)}🎉tail`; // 204 characters
    const fits = `${'M'.repeat(199)}🎉`; // 200 characters, 201 UTF-16 units
    const csv = ['No Kartu;NIK;Nama Peserta;IURAN', `0001000000001;1703060101800001;${long};37800`, `0001000000002;1703060101800002;${fits};37800`].join('\n');
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/bills').field('month', '2026-08').field('invoiceTotal', '75600').attach('file', Buffer.from(csv), 'tagihan.csv').expect(201);
    expect(res.body).toMatchObject({ lines: 2, linesTotal: 75600, accepted: 2, rejected: 0, warnings: 1 });
    expect(res.body.issues).toEqual([
      expect.objectContaining({
        row: 2,
        column: 'Nama Peserta', // as the file heads it, like every finding
        severity: 'WARN',
        code: 'NAME_TOO_LONG',
        message: 'Nama Peserta lebih dari 200 karakter (204); disimpan 200 karakter pertamanya.',
      }),
    ]);
    const names = (await t.dataSource.query('SELECT name FROM bill_line WHERE bill_id = $1 ORDER BY row_number', [res.body.id])).map((r: { name: string }) => r.name);
    expect(names).toEqual([`${'N'.repeat(199)}🎉`, fits]);
    expect(names.join('')).not.toContain('\uFFFD');
  });
});
