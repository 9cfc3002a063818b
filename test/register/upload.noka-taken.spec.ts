/** NOKA is unique among active participants (DOMAIN §2), across uploads, checked at promotion. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { issues, upload } from './support.js';

const HEADER = 'NIK,NO_KK,NAMA,TANGGAL_LAHIR,JENIS_KELAMIN,KODE_DESA,NOKA,TMT,TAT,ALASAN_BERAKHIR';
const KK = '1703060101200001';
const csv = (...rows: string[]) => ({ name: 'mutasi.csv', content: Buffer.from([HEADER, ...rows].join('\n') + '\n') });

describe('a NOKA held by another active participant', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await upload(t, csv(`1703060101700001,${KK},Satu,1970-01-01,L,1703062001,0001000000111,2025-01-01,,`));
  });
  afterAll(() => t.close());

  it('is rejected for another NIK while the holder stays active', async () => {
    const res = await upload(t, csv(`1703060101700002,${KK},Dua,1970-01-01,L,1703062001,0001000000111,2025-01-01,,`, `1703060101700003,${KK},Tiga,1970-01-01,L,1703062001,,2025-01-01,,`));
    expect(res.body).toMatchObject({ status: 'DONE', accepted: 1, rejected: 1, created: 1 });
    const [finding] = await issues(t, res.body.id);
    expect(finding).toMatchObject({ row_number: 2, severity: 'REJECT', column_name: 'NOKA', code: 'NOKA_TAKEN' });
    expect(finding.message).toMatch(/NOKA 0001000000111 sudah dipakai peserta aktif lain \(NIK 1703060101700001\)/);
  });

  it('is accepted when the same upload ends the holder (e.g. death)', async () => {
    const res = await upload(
      t,
      csv(`1703060101700002,${KK},Dua,1970-01-01,L,1703062001,0001000000111,2025-01-01,,`, `1703060101700001,${KK},Satu,1970-01-01,L,1703062001,0001000000111,2025-01-01,2026-03-10,MENINGGAL`),
    );
    expect(res.body).toMatchObject({ status: 'DONE', accepted: 2, rejected: 0, created: 1, updated: 1 });
  });
});
