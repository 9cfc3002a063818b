/**
 * A bill file byte-identical to a bill stored for another month (its checksum) is taken, but said, naming each such
 * month and version (QA: October's file uploaded as November's bill was taken silently).
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

jest.setTimeout(180_000);

const file = (amount: number) => Buffer.from(`NOKA,NIK,NAMA,IURAN\n0000000000001,1703060101800001,A,${amount}\n`);

describe('bills: the same file as another month\'s bill is warned about', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t?.close());

  const upload = async (month: string, content: Buffer, invoiceTotal = '37800') =>
    (await (await t.as(Role.KEUANGAN)).post('/api/v1/bills').field('month', month).field('invoiceTotal', invoiceTotal).attach('file', content, 'tagihan.csv').expect(201)).body;

  it('names the other months and versions holding the same bytes; a different file, or the same month, is not warned', async () => {
    expect((await upload('2026-08', file(37800))).fileWarnings).toEqual([]);
    expect((await upload('2026-09', file(37801))).fileWarnings).toEqual([]);
    expect((await upload('2026-09', file(37800))).fileWarnings).toEqual([
      {
        code: 'SAME_FILE_OTHER_MONTH',
        bills: [{ month: '2026-08', version: 1 }],
        message: 'Berkas ini sama persis dengan tagihan Agustus 2026 (versi 1) yang sudah tersimpan: periksa bulannya.',
      },
    ]);
    const october = await upload('2026-10', file(37800));
    expect(october).toMatchObject({ month: '2026-10', version: 1, lines: 1 }); // taken all the same
    expect(october.fileWarnings).toEqual([
      {
        code: 'SAME_FILE_OTHER_MONTH',
        bills: [{ month: '2026-08', version: 1 }, { month: '2026-09', version: 2 }],
        message: 'Berkas ini sama persis dengan tagihan Agustus 2026 (versi 1) dan September 2026 (versi 2) yang sudah tersimpan: periksa bulannya.',
      },
    ]);
    // kept with the bill: the month's versions, read back, say what their upload said
    const finance = await t.as(Role.KEUANGAN);
    const stored = (await finance.get('/api/v1/bills?month=2026-10').expect(200)).body;
    expect(stored.map((b: { version: number; fileWarnings: unknown }) => [b.version, b.fileWarnings])).toEqual([[1, october.fileWarnings]]);
    expect((await finance.get(`/api/v1/bills/${october.id}`).expect(200)).body.fileWarnings).toEqual(october.fileWarnings);
    expect((await finance.get('/api/v1/bills?month=2026-08').expect(200)).body[0].fileWarnings).toEqual([]);
    // the same month's latest again: recognised, and still told of the others
    const again = await upload('2026-10', file(37800));
    expect(again).toMatchObject({ recognised: true, version: 1 });
    expect(again.fileWarnings.map((w: { bills: unknown }) => w.bills)).toEqual([[{ month: '2026-08', version: 1 }, { month: '2026-09', version: 2 }]]);
  });
});
