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

/**
 * A wrong card (NOKA) is taken away in the console with a reason, as an uploaded row whose NOKA says HAPUS takes it: the
 * participant keeps no card (its owner may then be given it), its history an UPDATE of NOKA with who, when and why, the
 * audit trail `participant.noka.clear`. Refused for a NIK not registered and a participant without a card; no month
 * refuses it, as none refuses the upload's HAPUS.
 */
describe('DELETE /api/v1/participants/:nik/noka', () => {
  let t: TestApp;
  let operator: Awaited<ReturnType<TestApp['as']>>;
  const wrong = testNik(11);
  const carded = testNik(12);
  const cardless = testNik(13);
  const card = (nik: string) => t.dataSource.query('SELECT noka FROM participant WHERE nik = $1', [nik]).then((r: { noka: string | null }[]) => r[0]?.noka);
  const status = async () =>
    Object.fromEntries((await t.dataSource.query('SELECT month, status FROM allocation_month ORDER BY month')).map((r: { month: string; status: string }) => [r.month, r.status]));

  beforeAll(async () => {
    t = await createTestApp();
    operator = await t.as(Role.OPERATOR_DINKES);
    await insertParticipants(t.dataSource, [
      { nik: wrong, tmt: '2026-01-01', name: 'Salah Pegang' },
      { nik: carded, tmt: '2026-01-01', name: 'Kartu Benar' },
      { nik: cardless, tmt: '2026-01-01', name: 'Belum Berkartu' },
    ]);
    await t.dataSource.query(`UPDATE participant SET noka = CASE nik WHEN $1 THEN '0001000000777' ELSE '0001000000888' END WHERE nik IN ($1, $2)`, [wrong, carded]);
    const keuangan = await t.as(Role.KEUANGAN);
    await keuangan.post('/api/v1/pledges').send({ code: 'APBD-2026', sourceType: 'APBD', funder: 'Pemkab', fiscalYear: 2026, scope: 'ALL' }).expect(201);
    await keuangan.post('/api/v1/allocations').send({ month: '2026-03' }).expect(201);
  });
  afterAll(() => t.close());

  it('is refused without a reason, to every role but the operator, for a NIK not registered and for a participant without a card', async () => {
    const blank = await operator.delete(`/api/v1/participants/${wrong}/noka`).send({ reason: ' ' }).expect(400);
    expect(JSON.stringify(blank.body)).toContain('reason (alasan penghapusan NOKA) wajib diisi');
    await operator.delete(`/api/v1/participants/${wrong}/noka`).send({}).expect(400);
    for (const role of [Role.KEUANGAN, Role.AUDITOR, Role.ADMIN]) {
      await (await t.as(role)).delete(`/api/v1/participants/${wrong}/noka`).send({ reason: 'kartu orang lain' }).expect(403);
    }
    const [denied] = await t.dataSource.query(`SELECT summary FROM audit_event WHERE action = 'access.denied' ORDER BY id LIMIT 1`);
    expect(JSON.parse(denied.summary)).toMatchObject({ method: 'DELETE', role: 'KEUANGAN', attempted: 'participant.noka.clear' });
    const unknown = await operator.delete(`/api/v1/participants/${testNik(99)}/noka`).send({ reason: 'kartu orang lain' }).expect(404);
    expect(unknown.body).toMatchObject({ code: 'PARTICIPANT_NOT_FOUND', details: { nik: testNik(99) } });
    const none = await operator.delete(`/api/v1/participants/${cardless}/noka`).send({ reason: 'kartu orang lain' }).expect(409);
    expect(none.body).toMatchObject({
      code: 'NOKA_NOT_HELD',
      message: `Peserta dengan NIK ${cardless} tidak mempunyai NOKA tercatat: tidak ada kartu yang dapat dihapus.`,
      details: { nik: cardless },
    });
    expect([await card(wrong), await card(cardless)]).toEqual(['0001000000777', null]);
    expect(await t.dataSource.query('SELECT 1 FROM participant_change')).toEqual([]);
    expect(await t.dataSource.query(`SELECT 1 FROM audit_event WHERE action = 'participant.noka.clear'`)).toEqual([]);
    expect(await status()).toEqual({ '2026-01': 'CURRENT', '2026-02': 'CURRENT', '2026-03': 'CURRENT' });
  });

  it('takes the card away, its history says who, when and why, the audit trail too; its owner can then be given it', async () => {
    const at = new Date('2026-11-20T03:00:00Z');
    t.clock.set(at);
    const res = await operator.delete(`/api/v1/participants/${wrong}/noka`).send({ reason: ' Kartu milik NIK lain, salah ketik ' }).expect(200);
    expect(res.body).toEqual({ nik: wrong, name: 'Salah Pegang', removedNoka: '0001000000777', noka: null, clearedBy: 'uji-operator-dinkes', clearedAt: at.toISOString(), reason: 'Kartu milik NIK lain, salah ketik' });
    expect(await card(wrong)).toBeNull();
    // the open months are allocated again, as after an upload's change
    expect(await status()).toEqual({ '2026-01': 'STALE', '2026-02': 'STALE', '2026-03': 'STALE' });

    const detail = await (await t.as(Role.AUDITOR)).get(`/api/v1/participants/${wrong}`).expect(200);
    expect(detail.body.noka).toBeNull();
    expect(detail.body.history).toEqual([
      { id: expect.any(Number), kind: 'UPDATE', uploadId: null, uploadFilename: null, changedBy: 'uji-operator-dinkes', changedAt: at.toISOString(), changes: { noka: { old: '0001000000777', new: null } }, reason: 'Kartu milik NIK lain, salah ketik' },
    ]);
    const [event] = await t.dataSource.query(`SELECT actor, entity, entity_id, summary FROM audit_event WHERE action = 'participant.noka.clear'`);
    expect(event).toMatchObject({ actor: 'uji-operator-dinkes', entity: 'participant', entity_id: wrong });
    expect(JSON.parse(event.summary)).toMatchObject({ body: { reason: ' Kartu milik NIK lain, salah ketik ' }, before: { noka: '0001000000777' }, removed: { removedNoka: '0001000000777' } });

    // no card left to take: refused, nothing recorded twice
    expect((await operator.delete(`/api/v1/participants/${wrong}/noka`).send({ reason: 'lagi' }).expect(409)).body.code).toBe('NOKA_NOT_HELD');
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM participant_change WHERE nik = $1', [wrong])).toEqual([{ n: 1 }]);

    // the card's owner is given it by an upload (before, NOKA_TAKEN refused it)
    const header = 'NIK,NO_KK,NAMA,TANGGAL_LAHIR,JENIS_KELAMIN,KODE_DESA,NOKA,TMT';
    const owner = await upload(t, { name: 'pemilik.csv', content: Buffer.from(`${header}\n${cardless},1703060101000001,Belum Berkartu,1980-01-01,L,17.03.06.2001,0001000000777,2026-01-01\n`) });
    expect(owner.body).toMatchObject({ accepted: 1, rejected: 0, updated: 1 });
    expect(await card(cardless)).toBe('0001000000777');
  });

  it('is not refused by a closed month, as the upload\'s HAPUS is not; a voided NIK is said so', async () => {
    await closeMonth(t.dataSource, '2026-03');
    try {
      await operator.delete(`/api/v1/participants/${carded}/noka`).send({ reason: 'kartu ganda' }).expect(200);
      expect(await card(carded)).toBeNull();
    } finally {
      await reopenMonth(t.dataSource, '2026-03');
    }
    await operator.post(`/api/v1/participants/${carded}/void`).send({ reason: 'terdaftar ganda' }).expect(201);
    const voided = await operator.delete(`/api/v1/participants/${carded}/noka`).send({ reason: 'kartu ganda' }).expect(404);
    expect(voided.body).toMatchObject({ code: 'PARTICIPANT_VOIDED', details: { nik: carded, reason: 'terdaftar ganda' } });
  });
});
