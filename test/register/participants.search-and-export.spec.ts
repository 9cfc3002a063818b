import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { upload } from './support.js';
import { RECORD_CURRENT_REVISIONS } from '../support/pledge-revisions.sql.js';
import ExcelJS from 'exceljs';
import { insertParticipants, testNik } from '../funding/support/register.js';

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

/**
 * The register as an enrollment sheet (QA: a death must repeat the participant's whole row, and the operator had no
 * copy of it, so a mistyped TMT in a death row moved the participant's coverage unnoticed). The export of a search,
 * uploaded back untouched, changes nothing; with one death filled in, it changes that participant only.
 */
const HEADERS = ['NIK', 'NO_KK', 'NAMA', 'TANGGAL_LAHIR', 'JENIS_KELAMIN', 'KODE_DESA', 'NOKA', 'TMT', 'TAT', 'ALASAN_BERAKHIR'];
const binary = (res: any, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};
const csv = [
  HEADERS.join(';'),
  '1703064512900001;1703060101200001;Siti Aminah;05/12/1990;P;17.03.06.2001;0001234567890;01/01/2025;;',
  '1703061305850002;1703060101200001;Budi Santoso;13/05/1985;L;17.03.06.2001;;20/03/2025;31/10/2026;PINDAH',
  '1703110101800003;1703110101200003;Ani Lestari;01/01/1980;P;17.03.11.2009;;01/02/2026;;',
].join('\n');

describe('GET /api/v1/participants/export.xlsx: the register as a sheet to change and upload back', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, new Date('2026-12-06T03:00:00Z'));
    expect((await upload(t, { name: 'awal.csv', content: Buffer.from(csv) })).body).toMatchObject({ status: 'DONE', accepted: 3 });
  });
  afterAll(() => t.close());

  const exported = async (query: string, role = Role.OPERATOR_DINKES) => {
    const res = await (await t.as(role)).get(`/api/v1/participants/export.xlsx${query}`).buffer(true).parse(binary).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body);
    return { res, wb };
  };

  it("writes the search's participants in the template's sheet and columns, dates day first, and audits who took it", async () => {
    const { res, wb } = await exported('?villageCode=1703062001');
    expect(res.headers['content-disposition']).toBe('attachment; filename="peserta-jamkesda-2026-12-06.xlsx"');
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Daftar Peserta', 'Petunjuk']);
    // an empty value is an empty cell
    const rows = wb.getWorksheet('Daftar Peserta')!.getSheetValues().slice(1).map((r) => HEADERS.map((_, i) => (r as unknown[])[i + 1] ?? ''));
    expect(rows).toEqual([
      HEADERS,
      ['1703061305850002', '1703060101200001', 'Budi Santoso', '13/05/1985', 'L', '17.03.06.2001', '', '20/03/2025', '31/10/2026', 'PINDAH'],
      ['1703064512900001', '1703060101200001', 'Siti Aminah', '05/12/1990', 'P', '17.03.06.2001', '0001234567890', '01/01/2025', '', ''],
    ]);
    expect(wb.getWorksheet('Daftar Peserta')!.getColumn(1).numFmt).toBe('@'); // NIKs stay text when edited
    // the day in words (QA: "per 2026-12-06 (WIB)")
    expect(String(wb.getWorksheet('Petunjuk')!.getCell('A2').value)).toBe('Salinan daftar peserta Jamkesda per 6 Desember 2026: 2 peserta, desa 1703062001.');
    // the console's menu item is "Unggah Peserta" (QA: the Petunjuk named a menu "Unggah Daftar Peserta" that does not exist)
    const petunjuk: string[] = [];
    wb.getWorksheet('Petunjuk')!.eachRow((r) => petunjuk.push(String(r.getCell(1).value)));
    expect(petunjuk.filter((l) => l.includes('menu Unggah'))).toEqual([expect.stringContaining('di menu Unggah Peserta.')]);
    const [event] = await t.dataSource.query(`SELECT actor, action, summary::jsonb AS summary FROM audit_event WHERE action = 'participant.export'`);
    expect(event).toEqual({ actor: expect.stringMatching(/operator/), action: 'participant.export', summary: { filter: { villageCode: '1703062001' }, rows: 2 } });
  });

  it('uploaded back untouched it changes nothing; with a death filled in, only that participant', async () => {
    const { res, wb } = await exported('');
    const again = await upload(t, { name: 'salinan.xlsx', content: res.body });
    expect(again.body).toMatchObject({ status: 'DONE', rowsRead: 3, accepted: 3, unchanged: 3, updated: 0, rejected: 0 });

    const ws = wb.getWorksheet('Daftar Peserta')!;
    expect(ws.getCell('A3').value).toBe('1703064512900001'); // Siti
    ws.getCell('I3').value = '15/11/2026';
    ws.getCell('J3').value = 'MENINGGAL';
    const death = await upload(t, { name: 'salinan-meninggal.xlsx', content: Buffer.from(await wb.xlsx.writeBuffer()) });
    expect(death.body).toMatchObject({ status: 'DONE', accepted: 3, unchanged: 2, updated: 1, rejected: 0 });
    const [siti] = await t.dataSource.query(`SELECT tat::text, end_reason, tmt::text, birth_date::text FROM participant WHERE nik = '1703064512900001'`);
    expect(siti).toEqual({ tat: '2026-11-15', end_reason: 'MENINGGAL', tmt: '2025-01-01', birth_date: '1990-12-05' });
  });

  it("takes the search's filters, month covered included, and refuses a bad one as the search does", async () => {
    const { wb } = await exported('?coveredIn=2026-11', Role.AUDITOR);
    const niks = wb.getWorksheet('Daftar Peserta')!.getColumn(1).values.slice(2);
    expect(niks).toEqual(['1703064512900001', '1703110101800003']); // Budi left in October; Siti, dead on 15 November since the test before, still counts in November
    expect(String(wb.getWorksheet('Petunjuk')!.getCell('A2').value)).toBe('Salinan daftar peserta Jamkesda per 6 Desember 2026: 2 peserta, tertanggung pada November 2026.');
    // a NIK of fewer than 16 digits is a prefix, said so (QA: "NIK 1703" read as a whole NIK)
    const prefixed = await exported('?nik=17030645');
    expect(String(prefixed.wb.getWorksheet('Petunjuk')!.getCell('A2').value)).toBe('Salinan daftar peserta Jamkesda per 6 Desember 2026: 1 peserta, NIK berawalan 17030645.');
    const whole = await exported('?nik=1703064512900001');
    expect(String(whole.wb.getWorksheet('Petunjuk')!.getCell('A2').value)).toMatch(/: 1 peserta, NIK 1703064512900001\.$/);
    const bad = await (await t.as(Role.OPERATOR_DINKES)).get('/api/v1/participants/export.xlsx?villageCode=17.03').expect(400);
    expect(bad.body.details[0].field).toBe('villageCode');
  });
});

/**
 * `GET /api/v1/participants/:nik` gives `funding` and `fundingByMonth` to the roles that read funding
 * (ADMIN, KEUANGAN, AUDITOR) and to no one else (QA: OPERATOR_DINKES, refused `/splits` and
 * `/allocations/:month`, read pledge codes, source types and rupiah per month here, and its read
 * recomputed stale months, recorded as "sistem (dihitung ulang saat dibaca oleh operator)").
 */
const NIK = testNik(1); // Talang Jambu: its village pays all of it
const SPLIT = { pledgeCode: 'DESA-1703062001-2026', sourceType: 'DESA', amount: 37800, pledgeRevision: 1 };
const IDENTITY = ['active', 'birthDate', 'endReason', 'history', 'lastUploadId', 'name', 'nik', 'noKk', 'noka', 'sex', 'tat', 'tmt', 'updatedAt', 'villageCode', 'villageName'];

describe('a participant’s funding history is read by the readers only', () => {
  let t: TestApp;
  const detail = async (role: Role) => (await (await t.as(role)).get(`/api/v1/participants/${NIK}`).expect(200)).body;
  const statuses = async () => (await t.dataSource.query(`SELECT status FROM allocation_month ORDER BY month`)).map((r: { status: string }) => r.status);
  const recomputes = async () =>
    (await t.dataSource.query(`SELECT actor, entity_id FROM audit_event WHERE action = 'allocation.compute' AND actor LIKE 'sistem (dihitung ulang saat dibaca%' ORDER BY id`)) as {
      actor: string;
      entity_id: string;
    }[];

  beforeAll(async () => {
    t = await createTestApp();
    await insertParticipants(t.dataSource, [{ nik: NIK, village: '17.03.06.2001' }]);
    const keuangan = await t.as(Role.KEUANGAN);
    await keuangan
      .post('/api/v1/pledges')
      .send({ code: SPLIT.pledgeCode, sourceType: 'DESA', fund: 'ADD', funder: 'Desa Talang Jambu', scope: 'VILLAGES', villageCodes: ['1703062001'], fiscalYear: 2026 })
      .expect(201);
    await keuangan.post('/api/v1/allocations').send({ month: '2026-01' }).expect(201);
  });
  afterAll(() => t.close());

  it('the operator gets the participant and its history, without `funding` or `fundingByMonth`', async () => {
    const res = await (await t.as(Role.OPERATOR_DINKES)).get(`/api/v1/participants/${NIK}`).expect(200);
    const body = res.body;
    expect(Object.keys(body).sort()).toEqual(IDENTITY);
    // it reads no funding: nothing said of recomputed months either, not even "none"
    expect(res.headers['x-recomputed-months']).toBeUndefined();
    expect(body).toMatchObject({ nik: NIK, villageCode: '17.03.06.2001', villageName: 'Talang Jambu', active: true });
    expect(JSON.stringify(body)).not.toMatch(/DESA-1703062001-2026|37800|pledge|funding/i);
  });

  it.each([Role.ADMIN, Role.KEUANGAN, Role.AUDITOR])('%s gets the funding history as before', async (role) => {
    const body = await detail(role);
    expect(Object.keys(body).sort()).toEqual([...IDENTITY, 'funding', 'fundingByMonth', 'recomputedMonths', 'warnings'].sort());
    expect(body.recomputedMonths).toEqual([]);
    expect(body.funding).toEqual([{ month: '2026-01', ...SPLIT }]);
    const tariffs = [expect.objectContaining({ component: 'IURAN', amount: 35000 }), expect.objectContaining({ component: 'BANTUAN_DAERAH', amount: 2800 })];
    expect(body.fundingByMonth).toEqual([{ month: '2026-01', obligation: 37800, funded: 37800, unfunded: 0, splits: [SPLIT], closed: false, finalized: false, coveredNow: true, tariffs }]);
  });

  it('the OpenAPI document says so', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body;
    expect(doc.paths['/api/v1/participants/{nik}'].get.description).toMatch(/OPERATOR_DINKES both keys are absent and nothing is recomputed/);
  });

  it('the operator’s read recomputes no STALE month; a reader’s does, recorded as read by the reader', async () => {
    // a company now pays for the resident too: January becomes STALE
    await (await t.as(Role.KEUANGAN))
      .post('/api/v1/pledges')
      .send({ code: 'TJSLP-2026', sourceType: 'TJSLP', funder: 'PT Agro Muko', fiscalYear: 2026, scope: 'RESIDENTS', niks: [NIK] })
      .expect(201);
    expect(await statuses()).toEqual(['STALE']);
    const before = await recomputes();

    expect(await detail(Role.OPERATOR_DINKES)).not.toHaveProperty('recomputedMonths');
    expect(await statuses()).toEqual(['STALE']);
    expect(await recomputes()).toEqual(before);

    // the reader's answer says the month it recomputed, in its field and its header
    const read = await (await t.as(Role.AUDITOR)).get(`/api/v1/participants/${NIK}`).expect(200);
    expect(read.body.recomputedMonths).toEqual(['2026-01']);
    expect(read.headers['x-recomputed-months']).toBe('2026-01');
    expect(await statuses()).toEqual(['CURRENT']);
    expect((await recomputes()).slice(before.length)).toEqual([{ actor: 'sistem (dihitung ulang saat dibaca oleh uji-auditor)', entity_id: '2026-01' }]);
  });
});
