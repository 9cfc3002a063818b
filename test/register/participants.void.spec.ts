import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { closeMonth, insertParticipants, reopenMonth, testNik } from '../funding/support/register.js';
import { upload } from './support.js';

/**
 * A registration entered in error (a mistyped NIK) is voided by the operator with a reason: the participant leaves the
 * register and the open months' allocation, the NIK's history keeps what it held, and a closed month that counted it
 * refuses the void (§9).
 */
describe('POST /api/v1/participants/:nik/void', () => {
  let t: TestApp;
  let operator: Awaited<ReturnType<TestApp['as']>>;
  let keuangan: Awaited<ReturnType<TestApp['as']>>;
  const typo = testNik(1);
  const kept = testNik(2);
  const status = async () =>
    Object.fromEntries((await t.dataSource.query('SELECT month, status FROM allocation_month ORDER BY month')).map((r: { month: string; status: string }) => [r.month, r.status]));

  beforeAll(async () => {
    t = await createTestApp();
    operator = await t.as(Role.OPERATOR_DINKES);
    keuangan = await t.as(Role.KEUANGAN);
    await insertParticipants(t.dataSource, [
      { nik: typo, tmt: '2026-02-01', name: 'Salah Ketik' },
      { nik: kept, tmt: '2026-01-01' },
      { nik: testNik(3), tmt: '2026-01-01' },
    ]);
    await keuangan.post('/api/v1/pledges').send({ code: 'APBD-2026', sourceType: 'APBD', funder: 'Pemkab', fiscalYear: 2026, scope: 'ALL' }).expect(201);
    await keuangan.post('/api/v1/allocations').send({ month: '2026-03' }).expect(201);
  });
  afterAll(() => t.close());

  it('is refused without a reason, and to the roles that do not keep the register', async () => {
    const blank = await operator.post(`/api/v1/participants/${typo}/void`).send({ reason: '  ' }).expect(400);
    expect(blank.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(JSON.stringify(blank.body)).toContain('reason (alasan pembatalan) wajib diisi');
    await operator.post(`/api/v1/participants/${typo}/void`).send({}).expect(400);
    await keuangan.post(`/api/v1/participants/${typo}/void`).send({ reason: 'NIK salah ketik' }).expect(403);
    await (await t.as(Role.AUDITOR)).post(`/api/v1/participants/${typo}/void`).send({ reason: 'NIK salah ketik' }).expect(403);
    await operator.post(`/api/v1/participants/${testNik(99)}/void`).send({ reason: 'NIK salah ketik' }).expect(404);
    expect(await t.dataSource.query('SELECT nik FROM participant WHERE nik = $1', [typo])).toHaveLength(1);
  });

  it('is refused once a closed month counted the participant, naming the months and what to do instead', async () => {
    await closeMonth(t.dataSource, '2026-03'); // February and March owed, January before the TMT
    try {
      const res = await operator.post(`/api/v1/participants/${typo}/void`).send({ reason: 'NIK salah ketik' }).expect(409);
      expect(res.body).toMatchObject({ code: 'VOID_IN_CLOSED_MONTH', details: { nik: typo, months: ['2026-02', '2026-03'] } });
      expect(res.body.message).toContain('sudah dihitung pada bulan yang ditutup (Februari–Maret 2026)');
      expect(res.body.message).toContain('TAT sama dengan TMT dan ALASAN_BERAKHIR LAINNYA');
      expect(await t.dataSource.query('SELECT nik FROM participant WHERE nik = $1', [typo])).toHaveLength(1);
    } finally {
      await reopenMonth(t.dataSource, '2026-03');
    }
  });

  it('removes the participant, keeps what it held in its history, and allocates the open months again without it', async () => {
    expect(await status()).toEqual({ '2026-01': 'CURRENT', '2026-02': 'CURRENT', '2026-03': 'CURRENT' });
    const res = await operator.post(`/api/v1/participants/${typo}/void`).send({ reason: ' NIK salah ketik; yang benar diunggah ulang ' }).expect(201);
    expect(res.body).toMatchObject({ nik: typo, name: 'Salah Ketik', voidedBy: 'uji-operator-dinkes', reason: 'NIK salah ketik; yang benar diunggah ulang' });
    expect(await status()).toEqual({ '2026-01': 'STALE', '2026-02': 'STALE', '2026-03': 'STALE' });

    const march = await keuangan.get('/api/v1/splits?month=2026-03').expect(200);
    expect(march.body.items.map((s: { nik: string }) => s.nik).sort()).toEqual([kept, testNik(3)]);

    const gone = await keuangan.get(`/api/v1/participants/${typo}`).expect(404);
    expect(gone.body).toMatchObject({ code: 'PARTICIPANT_VOIDED', details: { nik: typo, voidedBy: 'uji-operator-dinkes', reason: 'NIK salah ketik; yang benar diunggah ulang' } });
    expect(gone.body.message).toMatch(/^Pendaftaran peserta dengan NIK 1703060101900001 dibatalkan oleh uji-operator-dinkes pada \d{1,2} \w+ \d{4} \d\d\.\d\d WIB: NIK salah ketik/);
    const search = await keuangan.get(`/api/v1/participants?nik=${typo}`).expect(200);
    expect(search.body.total).toBe(0);

    const [change] = await t.dataSource.query(`SELECT kind, changes, changed_by, reason FROM participant_change WHERE nik = $1`, [typo]);
    expect(change).toMatchObject({ kind: 'VOID', changed_by: 'uji-operator-dinkes', reason: 'NIK salah ketik; yang benar diunggah ulang' });
    expect(change.changes).toMatchObject({ name: { old: 'Salah Ketik', new: null }, tmt: { old: '2026-02-01', new: null }, villageCode: { old: '17.03.06.2001', new: null } });

    const [event] = await t.dataSource.query(`SELECT actor, entity_id, summary FROM audit_event WHERE action = 'participant.void'`);
    expect(event).toMatchObject({ actor: 'uji-operator-dinkes', entity_id: typo });
    expect(JSON.parse(event.summary)).toMatchObject({ body: { reason: ' NIK salah ketik; yang benar diunggah ulang ' }, before: { nik: typo, name: 'Salah Ketik', tmt: '2026-02-01' } });
  });

  it('a NIK voided already is said so, and can be registered again by an upload, its history showing the void first', async () => {
    const again = await operator.post(`/api/v1/participants/${typo}/void`).send({ reason: 'lagi' }).expect(404);
    expect(again.body.code).toBe('PARTICIPANT_VOIDED');

    const header = 'NIK,NO_KK,NAMA,TANGGAL_LAHIR,JENIS_KELAMIN,KODE_DESA,TMT,TAT,ALASAN_BERAKHIR';
    const res = await upload(t, { name: 'daftar-ulang.csv', content: Buffer.from(`${header}\n${typo},1703060101000001,Benar Terdaftar,1980-01-01,L,17.03.06.2001,2026-03-01,,\n`) });
    expect(res.body).toMatchObject({ accepted: 1, created: 1 });
    const detail = await operator.get(`/api/v1/participants/${typo}`).expect(200);
    expect(detail.body.name).toBe('Benar Terdaftar');
    expect(detail.body.history.map((h: { kind: string; reason?: string }) => [h.kind, h.reason ?? null])).toEqual([
      ['VOID', 'NIK salah ketik; yang benar diunggah ulang'],
      ['CREATE', null],
    ]);
    expect(detail.body.history[1].changes).toMatchObject({ name: { old: null, new: 'Benar Terdaftar' }, tmt: { old: null, new: '2026-03-01' } });
  });
});
