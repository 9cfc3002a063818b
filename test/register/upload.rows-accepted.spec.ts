import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { count, issues, upload } from './support.js';
import { returnAfterGap } from '../../src/register/sql/coverage-warnings.sql.js';
import { download, readWorkbook } from '../reports/support/xlsx.js';

describe('good enrollment files land in the register', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('reads title rows, header aliases, extra columns, every date form, formulas, rich text, dotted and undotted codes, a death', async () => {
    const res = await upload(t, 'ok/basic.xlsx', 201);
    expect(res.body).toMatchObject({ status: 'DONE', rowsRead: 5, accepted: 5, rejected: 0, warnings: 0, created: 5, updated: 0, unchanged: 0 });
    const rows = await t.dataSource.query('SELECT nik, name, birth_date, sex, village_code, noka, tmt, tat, end_reason FROM participant ORDER BY nik');
    expect(rows).toEqual([
      { nik: '1703060101010003', name: 'Budi Santoso', birth_date: '2001-01-01', sex: 'L', village_code: '17.03.06.2001', noka: null, tmt: '2025-03-01', tat: null, end_reason: null },
      { nik: '1703061203800001', name: 'Ahmad Saputra', birth_date: '1980-03-12', sex: 'L', village_code: '17.03.06.2001', noka: '0001000000001', tmt: '2025-01-01', tat: null, end_reason: null },
      { nik: '1703062007450004', name: 'Slamet Riyadi', birth_date: '1945-07-20', sex: 'L', village_code: '17.03.06.1009', noka: '0001000000004', tmt: '2024-06-01', tat: '2026-06-15', end_reason: 'MENINGGAL' },
      { nik: '1703064512900002', name: 'Siti Aminah', birth_date: '1990-12-05', sex: 'P', village_code: '17.03.06.2002', noka: '0001000000002', tmt: '2025-02-01', tat: null, end_reason: null },
      { nik: '1703064909990005', name: 'Dewi Lestari', birth_date: '1999-09-09', sex: 'P', village_code: '17.03.06.2002', noka: null, tmt: '2025-01-01', tat: null, end_reason: null },
    ]);
    // Creations are recorded on the participant, not as history rows.
    const created = await t.dataSource.query('SELECT DISTINCT created_upload_id, created_by FROM participant');
    expect(created).toEqual([{ created_upload_id: res.body.id, created_by: 'uji-operator-dinkes' }]);
    expect(await count(t, 'participant_change')).toBe(0);
    expect(await count(t, 'enrollment_staging')).toBe(0);
  });

  it('reads a semicolon CSV with a BOM and CRLF line ends', async () => {
    t.clock.set(new Date('2026-11-15T04:00:00Z'));
    const res = await upload(t, 'ok/semicolon-bom.csv', 201);
    expect(res.body).toMatchObject({ status: 'DONE', rowsRead: 3, accepted: 3, rejected: 0, created: 3 });
    expect(await issues(t, res.body.id)).toEqual([]);
    const [yusuf] = await t.dataSource.query("SELECT name, birth_date, tat, end_reason FROM participant WHERE nik = '1703060202720011'");
    expect(yusuf).toEqual({ name: 'Yusuf; Hidayat', birth_date: '1972-02-02', tat: null, end_reason: null });
    const [eko] = await t.dataSource.query("SELECT tmt, tat, end_reason FROM participant WHERE nik = '1703060404940013'");
    expect(eko).toEqual({ tmt: '2025-01-01', tat: '2025-12-31', end_reason: 'PINDAH' });
  });

  it('lists uploads newest first and shows one with progress', async () => {
    const reader = await t.as(Role.AUDITOR);
    const list = await reader.get('/api/v1/enrollment-uploads').expect(200);
    expect(list.body.total).toBe(2);
    expect(list.body.items.map((u: { filename: string }) => u.filename)).toEqual(['semicolon-bom.csv', 'basic.xlsx']);
    const one = await reader.get(`/api/v1/enrollment-uploads/${list.body.items[0].id}`).expect(200);
    expect(one.body).toMatchObject({ status: 'DONE', progress: 1, uploadedBy: 'uji-operator-dinkes' });
  });

  it('refuses uploads from auditors and keuangan', async () => {
    await upload(t, 'ok/basic.xlsx', 403, Role.AUDITOR);
    await upload(t, 'ok/basic.xlsx', 403, Role.KEUANGAN);
  });
});

/**
 * An older master sheet uploaded again after a mutation file brings the ended participants back (an empty TAT is an
 * upsert, README "Re-uploads"), and the answer says so at the top: how many were reinstated and how many of them had
 * died (QA: four came back, two of them dead, with only row warnings and "Semua baris diterima."). A death undone says
 * so plainly in its row's REINSTATED warning.
 */
describe('re-uploading an older master sheet: the reinstated counted', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t?.close());

  it('counts the participants brought back and those of them recorded dead, in the answer, the upload and the list', async () => {
    const first = await upload(t, 'ok/reinstate-master.csv');
    expect(first.body).toMatchObject({ status: 'DONE', created: 6, reinstated: 0, reinstatedDeaths: 0 });
    const mutations = await upload(t, 'ok/reinstate-mutations.csv');
    expect(mutations.body).toMatchObject({ status: 'DONE', updated: 5, reinstated: 0, reinstatedDeaths: 0 });

    t.clock.set(new Date('2026-11-16T03:00:00Z')); // another day: the master sheet is applied again, not recognised
    const again = await upload(t, 'ok/reinstate-master.csv');
    expect(again.body).toMatchObject({ status: 'DONE', rejected: 0, warnings: 4, updated: 5, reinstated: 4, reinstatedDeaths: 2 });
    const ended = await t.dataSource.query(`SELECT count(*)::int AS n FROM participant WHERE nik LIKE '17030641016000%' AND tat IS NOT NULL`);
    expect(ended).toEqual([{ n: 0 }]);

    const found = await issues(t, again.body.id);
    expect(found.map((i) => [i.row_number, i.column_name, i.code])).toEqual([2, 3, 4, 5].map((row) => [row, 'TAT', 'REINSTATED']));
    expect(found[0].message).toBe(
      'Peserta ini tercatat meninggal pada 12 Oktober 2026; baris ini tanpa TAT sehingga catatan kematian itu dibatalkan: kepesertaannya aktif kembali dan iurannya dihitung lagi, ' +
        'termasuk bulan sesudah berakhirnya: November 2026 kembali terutang. Jika peserta ini memang meninggal, isi TAT 12/10/2026 dan ALASAN_BERAKHIR MENINGGAL lalu unggah ulang.',
    );
    expect(found[2].message).toBe(
      'Peserta ini tercatat berakhir 30 September 2026 (PINDAH); baris ini tanpa TAT sehingga kepesertaannya aktif kembali dan iurannya dihitung lagi, ' +
        'termasuk bulan sesudah berakhirnya: Oktober–November 2026 kembali terutang. ' +
        'Jika bukan itu maksudnya, isi TAT dan ALASAN_BERAKHIR lalu unggah ulang. ' +
        returnAfterGap('TMT', 'TAT', 'ALASAN_BERAKHIR'),
    );

    // read back, alone and in the list, with the same counts
    const auditor = await t.as(Role.AUDITOR);
    expect((await auditor.get(`/api/v1/enrollment-uploads/${again.body.id}`).expect(200)).body).toMatchObject({ reinstated: 4, reinstatedDeaths: 2 });
    // and the report's Ringkasan says it as the console does (QA: only the console did)
    const report = await download((await t.as(Role.OPERATOR_DINKES)).get(`/api/v1/enrollment-uploads/${again.body.id}/report.xlsx`));
    const wb = await readWorkbook(report.body);
    const lines = (wb.getWorksheet('Ringkasan')!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => [r[1], r[2]]);
    expect(lines).toContainEqual(['Diaktifkan kembali', '4 peserta yang sudah berakhir (2 di antaranya tercatat meninggal)']);
    const listed = (await auditor.get('/api/v1/enrollment-uploads').expect(200)).body.items as { id: string; reinstated: number; reinstatedDeaths: number }[];
    expect(Object.fromEntries(listed.map((u) => [u.id, [u.reinstated, u.reinstatedDeaths]]))).toEqual({
      [again.body.id]: [4, 2],
      [mutations.body.id]: [0, 0],
      [first.body.id]: [0, 0],
    });
  });
});

/** NOKA is unique among active participants (DOMAIN §2), across uploads, checked at promotion. */
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
