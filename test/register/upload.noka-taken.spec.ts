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
    // the row as uploaded, for the row report (rebuilt from the staged values)
    const [{ raw }] = await t.dataSource.query('SELECT raw FROM upload_issue WHERE upload_id = $1 AND row_number = 2', [res.body.id]);
    expect(raw).toEqual({ NIK: '1703060101700002', NO_KK: KK, NAMA: 'Dua', TANGGAL_LAHIR: '1970-01-01', JENIS_KELAMIN: 'L', KODE_DESA: '17.03.06.2001', NOKA: '0001000000111', TMT: '2025-01-01' });
  });

  it('is accepted when the same upload ends the holder (e.g. death)', async () => {
    const res = await upload(
      t,
      csv(`1703060101700002,${KK},Dua,1970-01-01,L,1703062001,0001000000111,2025-01-01,,`, `1703060101700001,${KK},Satu,1970-01-01,L,1703062001,0001000000111,2025-01-01,2026-03-10,MENINGGAL`),
    );
    expect(res.body).toMatchObject({ status: 'DONE', accepted: 2, rejected: 0, created: 1, updated: 1 });
  });

  it('two participants swapping cards in one upload both get the other card', async () => {
    const first = await upload(
      t,
      csv(`1703060101700011,${KK},Sebelas,1970-01-01,L,1703062001,0001000000211,2025-01-01,,`, `1703060101700012,${KK},Dua Belas,1970-01-01,L,1703062001,0001000000212,2025-01-01,,`),
    );
    expect(first.body).toMatchObject({ status: 'DONE', created: 2 });
    const res = await upload(
      t,
      csv(`1703060101700011,${KK},Sebelas,1970-01-01,L,1703062001,0001000000212,2025-01-01,,`, `1703060101700012,${KK},Dua Belas,1970-01-01,L,1703062001,0001000000211,2025-01-01,,`),
    );
    expect(res.body).toMatchObject({ status: 'DONE', accepted: 2, rejected: 0, created: 0, updated: 2 });
    const rows = await t.dataSource.query("SELECT nik, noka FROM participant WHERE nik IN ('1703060101700011', '1703060101700012') ORDER BY nik");
    expect(rows).toEqual([
      { nik: '1703060101700011', noka: '0001000000212' },
      { nik: '1703060101700012', noka: '0001000000211' },
    ]);
    const history = await t.dataSource.query('SELECT nik, changes FROM participant_change WHERE upload_id = $1 ORDER BY nik', [res.body.id]);
    expect(history).toEqual([
      { nik: '1703060101700011', changes: { noka: { old: '0001000000211', new: '0001000000212' } } },
      { nik: '1703060101700012', changes: { noka: { old: '0001000000212', new: '0001000000211' } } },
    ]);
  });

  it('a card passed on round three participants, one of them new, lands in one upload', async () => {
    await upload(
      t,
      csv(`1703060101700021,${KK},Dua Satu,1970-01-01,L,1703062001,0001000000221,2025-01-01,,`, `1703060101700022,${KK},Dua Dua,1970-01-01,L,1703062001,0001000000222,2025-01-01,,`),
    );
    // 21 takes 22's card, 22 gets a new one, a new participant 23 takes 21's old card.
    const res = await upload(
      t,
      csv(
        `1703060101700023,${KK},Dua Tiga,1970-01-01,L,1703062001,0001000000221,2025-01-01,,`,
        `1703060101700021,${KK},Dua Satu,1970-01-01,L,1703062001,0001000000222,2025-01-01,,`,
        `1703060101700022,${KK},Dua Dua,1970-01-01,L,1703062001,0001000000223,2025-01-01,,`,
      ),
    );
    expect(res.body).toMatchObject({ status: 'DONE', accepted: 3, rejected: 0, created: 1, updated: 2 });
    const rows = await t.dataSource.query("SELECT nik, noka FROM participant WHERE nik LIKE '170306010170002_' ORDER BY nik");
    expect(rows.map((r: { noka: string }) => r.noka)).toEqual(['0001000000222', '0001000000223', '0001000000221']);
  });
});
