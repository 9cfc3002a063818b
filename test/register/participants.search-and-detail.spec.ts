import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { upload } from './support.js';
import { RECORD_CURRENT_REVISIONS } from '../../src/funding/sql/pledges.sql.js';

describe('participants API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await upload(t, 'ok/basic.xlsx');
    await t.dataSource.query(`
      INSERT INTO pledge (code, source_type, funder, fiscal_year, scope, priority, created_by)
      VALUES ('APBD-2026', 'APBD', 'Pemkab Bengkulu Utara', 2026, 'ALL', 90, 'uji'),
             ('TJSLP-ALNO-2026', 'TJSLP', 'PT Alno', 2026, 'RESIDENTS', 10, 'uji')`);
    await t.dataSource.query(RECORD_CURRENT_REVISIONS);
    await t.dataSource.query(`
      INSERT INTO split (month, nik, pledge_code, pledge_revision, amount) VALUES
        ('2026-01', '1703061203800001', 'TJSLP-ALNO-2026', 1, 37800),
        ('2026-02', '1703061203800001', 'APBD-2026', 1, 20000),
        ('2026-02', '1703061203800001', 'TJSLP-ALNO-2026', 1, 17800)`);
  });
  afterAll(() => t.close());

  const search = async (query: string) => (await (await t.as(Role.AUDITOR)).get(`/api/v1/participants?${query}`).expect(200)).body;

  it('searches by NIK, village (dotted or not), month covered and name', async () => {
    expect((await search('')).total).toBe(5);
    expect((await search('nik=1703061203800001')).items.map((p: any) => p.name)).toEqual(['Ahmad Saputra']);
    expect((await search('nik=17030645')).total).toBe(1);
    expect((await search('villageCode=1703062002')).items.map((p: any) => p.nik)).toEqual(['1703064512900002', '1703064909990005']);
    expect((await search('villageCode=17.03.06.1009')).items[0]).toMatchObject({ villageName: 'Lubuk Durian', tat: '2026-06-15', endReason: 'MENINGGAL', active: false });
    // Slamet died 2026-06-15: covered in June, not in July (DOMAIN §4). Siti's TMT is 2025-02-01.
    expect((await search('coveredIn=2026-06')).total).toBe(5);
    expect((await search('coveredIn=2026-07')).total).toBe(4);
    expect((await search('coveredIn=2025-01')).items.map((p: any) => p.nik)).toEqual(['1703061203800001', '1703062007450004', '1703064909990005']);
    expect((await search('name=dew')).items.map((p: any) => p.name)).toEqual(['Dewi Lestari']);
    // spaces as names are stored: around it trimmed, a run of them (or a tab) one space (QA: two inner spaces found nothing)
    for (const name of ['ahmad%20%20saputra', '%20ahmad%09saputra%20', 'AHMAD%C2%A0%20SAP']) expect((await search(`name=${name}`)).items.map((p: any) => p.name)).toEqual(['Ahmad Saputra']);
    expect((await search('page=2&pageSize=2')).items).toHaveLength(2);
  });

  it('a village the regency does not have is 404, not an empty list (QA)', async () => {
    const res = await (await t.as(Role.AUDITOR)).get('/api/v1/participants?villageCode=17.03.99.9999').expect(404);
    expect(res.body).toMatchObject({ code: 'VILLAGE_NOT_FOUND', details: { code: '17.03.99.9999' } });
  });

  it('refuses malformed filters in Indonesian', async () => {
    const res = await (await t.as(Role.AUDITOR)).get('/api/v1/participants?coveredIn=2026-13').expect(400);
    expect(JSON.stringify(res.body)).toMatch(/coveredIn harus bulan YYYY-MM/);
  });

  it('a village code of the wrong form is 400 saying what one looks like, here and on /splits (QA: "abc")', async () => {
    const auditor = await t.as(Role.AUDITOR);
    const message = 'villageCode harus kode desa Kemendagri: 10 angka, boleh dengan titik, misalnya 1703062001 atau 17.03.06.2001';
    for (const url of ['/api/v1/participants?villageCode=abc', '/api/v1/splits?villageCode=abc', '/api/v1/participants?villageCode=17030620']) {
      const res = await auditor.get(url).expect(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'villageCode', messages: [message] }] });
    }
  });

  it('shows one participant with history and funding history from the splits', async () => {
    const res = await (await t.as(Role.KEUANGAN)).get('/api/v1/participants/1703061203800001').expect(200);
    expect(res.body).toMatchObject({ nik: '1703061203800001', name: 'Ahmad Saputra', villageName: 'Talang Jambu', active: true });
    expect(res.body.history).toHaveLength(1);
    expect(res.body.history[0].changes.name).toEqual({ old: null, new: 'Ahmad Saputra' });
    expect(res.body.funding).toEqual([
      { month: '2026-01', pledgeCode: 'TJSLP-ALNO-2026', sourceType: 'TJSLP', amount: 37800, pledgeRevision: 1 },
      { month: '2026-02', pledgeCode: 'APBD-2026', sourceType: 'APBD', amount: 20000, pledgeRevision: 1 },
      { month: '2026-02', pledgeCode: 'TJSLP-ALNO-2026', sourceType: 'TJSLP', amount: 17800, pledgeRevision: 1 },
    ]);
  });

  it('answers 404 in Indonesian for an unknown NIK', async () => {
    const res = await (await t.as(Role.AUDITOR)).get('/api/v1/participants/1703069999999999').expect(404);
    // naming the NIK in its details, as /splits?nik= does
    expect(res.body).toEqual({ statusCode: 404, code: 'PARTICIPANT_NOT_FOUND', message: 'Peserta dengan NIK 1703069999999999 tidak terdaftar.', details: { nik: '1703069999999999' } });
    const splits = await (await t.as(Role.AUDITOR)).get('/api/v1/splits?nik=1703069999999999').expect(404);
    expect(splits.body.details).toEqual(res.body.details);
  });

  it('answers 400 naming the field for a NIK that is not 16 digits, as /splits?nik= does (a typo is not "not registered")', async () => {
    for (const nik of ['abc', '170306120380000', '17030612038000011']) {
      const res = await (await t.as(Role.AUDITOR)).get(`/api/v1/participants/${nik}`).expect(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'nik', messages: ['nik harus 16 digit angka'] }] });
    }
  });

  it('serves the enrollment template', async () => {
    const res = await (await t.as(Role.OPERATOR_DINKES)).get('/api/v1/templates/enrollment.xlsx').expect(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
  });
});
