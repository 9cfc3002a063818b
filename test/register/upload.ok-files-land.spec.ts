import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { count, issues, upload } from './support.js';

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
