/** A .csv pledge row with more fields than its header is refused whole with one message naming the row (PAGU `1,500,000` unquoted). */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('POST /api/v1/pledge-uploads: a .csv row with more fields than its header', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('refuses that row with that message alone; the other rows are saved', async () => {
    const file = Buffer.from(
      [
        'KODE,SUMBER,JENIS_DANA,PEMBERI_DANA,TAHUN,CAKUPAN,KODE_DESA,NIK,PERSEN,PAGU',
        'APBD-2026,APBD,,Pemkab,2026,ALL,,,100,1000000000,,',
        'TJSLP-A-2026,TJSLP,,PT A,2026,ALL,,,100,1,500,000',
      ].join('\n'),
    );
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/pledge-uploads').attach('file', file, 'komitmen.csv').expect(201);
    expect(res.body).toMatchObject({ rowsRead: 2, accepted: 1, rejected: 1 });
    expect(res.body.pledges.map((p: { code: string }) => p.code)).toEqual(['APBD-2026']);
    expect(res.body.issues).toEqual([
      {
        sheet: 'Komitmen',
        rowNumber: 3,
        column: null,
        message: expect.stringMatching(/^Baris 3 berisi 12 kolom, sedangkan judul 10 kolom: kemungkinan ada koma di dalam angka atau nama \(mis\. 1,500,000\)\. .*,100,1,500,000$/),
      },
    ]);
    await (await t.as(Role.AUDITOR)).get('/api/v1/pledges/TJSLP-A-2026').expect(404);
  });
});
