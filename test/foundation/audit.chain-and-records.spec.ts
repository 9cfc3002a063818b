import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventHash } from '../../src/audit/audit-chain.js';
import { AuditService } from '../../src/audit/audit.service.js';
import { AuditEvent } from '../../src/audit/entities/audit-event.entity.js';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { redact } from '../../src/audit/audit.interceptor.js';

describe('the audit hash chain detects tampering', () => {
  let t: TestApp;
  let ids: string[];
  beforeAll(async () => {
    t = await createTestApp();
    const audit = t.app.get(AuditService);
    for (let i = 1; i <= 6; i++) await audit.record({ actor: 'sri', action: 'pledge.revise', entity: 'pledge', entityId: `DD-${i}`, summary: { quota: i * 10 } });
    ids = (await t.dataSource.query('SELECT id::text AS id FROM audit_event ORDER BY id')).map((r: { id: string }) => r.id);
  });
  afterAll(() => t.close());

  const verify = async () => (await (await t.as(Role.AUDITOR)).get('/api/v1/audit-events/verify').expect(200)).body;
  /** What an attacker with database rights does first: switch the append-only trigger off. */
  const asAttacker = async (sql: string, params: unknown[]) => {
    await t.dataSource.query('ALTER TABLE audit_event DISABLE TRIGGER "TRG_audit_event_append_only"');
    try {
      await t.dataSource.query(sql, params);
    } finally {
      await t.dataSource.query('ALTER TABLE audit_event ENABLE TRIGGER "TRG_audit_event_append_only"');
    }
  };

  it('is intact after several events, and names the newest event and its hash', async () => {
    const verdict = await verify();
    expect(verdict.intact).toBe(true);
    expect(verdict.checked).toBeGreaterThanOrEqual(6);
    const [head] = await t.dataSource.query('SELECT id::text AS id, hash FROM audit_event ORDER BY id DESC LIMIT 1');
    expect(verdict).toMatchObject({ lastId: head.id, lastHash: head.hash });
  });

  it('the append-only trigger refuses UPDATE and DELETE', async () => {
    await expect(t.dataSource.query(`UPDATE audit_event SET actor = 'x' WHERE id = $1`, [ids[0]])).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query('DELETE FROM audit_event WHERE id = $1', [ids[0]])).rejects.toThrow(/append-only/);
    expect((await verify()).intact).toBe(true);
  });

  it('a changed row breaks the chain at that row', async () => {
    const target = ids[2];
    const [original] = await t.dataSource.query('SELECT summary FROM audit_event WHERE id = $1', [target]);
    await asAttacker('UPDATE audit_event SET summary = $2 WHERE id = $1', [target, '{"quota":999}']);
    expect(await verify()).toEqual({ intact: false, checked: expect.any(Number), firstBrokenId: target, reason: 'isi peristiwa tidak cocok dengan hash-nya' });

    // Putting the exact original text back makes it whole again: the hash covers the stored text.
    await asAttacker('UPDATE audit_event SET summary = $2 WHERE id = $1', [target, original.summary]);
    expect((await verify()).intact).toBe(true);
  });

  it('a changed row whose own hash is recomputed breaks the link of the row after it', async () => {
    const target = ids[2];
    const repo = t.dataSource.getRepository(AuditEvent);
    const row = (await repo.findOneBy({ id: target }))!;
    const forged = { ...row, summary: '{"quota":999}' };
    await asAttacker('UPDATE audit_event SET summary = $2, hash = $3 WHERE id = $1', [target, forged.summary, eventHash(row.prevHash, forged)]);
    expect(await verify()).toMatchObject({ intact: false, firstBrokenId: ids[3], reason: 'tautan ke peristiwa sebelumnya tidak cocok' });
    await asAttacker('UPDATE audit_event SET summary = $2, hash = $3 WHERE id = $1', [target, row.summary, row.hash]);
    expect((await verify()).intact).toBe(true);
  });

  it('a deleted row in the middle is detected at the row after it', async () => {
    await asAttacker('DELETE FROM audit_event WHERE id = $1', [ids[3]]);
    expect(await verify()).toMatchObject({ intact: false, firstBrokenId: ids[4], reason: 'tautan ke peristiwa sebelumnya tidak cocok' });
  });
});

describe('a state-changing request writes an audit event', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('records actor, time, action, entity, entity id and a summary without the password', async () => {
    const created = await (await t.as(Role.ADMIN))
      .post('/api/v1/users')
      .send({ username: 'joko.operator', password: 'rahasia-joko-12345', role: Role.OPERATOR_DINKES })
      .expect(201);
    const [event] = await t.dataSource.query(`SELECT * FROM audit_event WHERE action = 'user.create' ORDER BY id DESC LIMIT 1`);
    expect(event).toMatchObject({ actor: 'uji-admin', action: 'user.create', entity: 'user', entity_id: created.body.id });
    expect(new Date(event.at).toISOString()).toBe(t.clock.now().toISOString());
    expect(JSON.parse(event.summary)).toEqual({
      params: {},
      query: {},
      body: { username: 'joko.operator', password: '[disembunyikan]', role: Role.OPERATOR_DINKES },
      result: { role: Role.OPERATOR_DINKES, active: true }, // the state the change left
    });
    expect(event.summary).not.toContain('rahasia-joko-12345');
  });

  it('takes the entity id from the route parameter on updates', async () => {
    const [user] = await t.dataSource.query(`SELECT id FROM app_user WHERE username = 'joko.operator'`);
    await (await t.as(Role.ADMIN)).patch(`/api/v1/users/${user.id}`).send({ password: 'sandi-baru-joko-678' }).expect(200);
    const [event] = await t.dataSource.query(`SELECT * FROM audit_event WHERE action = 'user.update' ORDER BY id DESC LIMIT 1`);
    expect(event).toMatchObject({ actor: 'uji-admin', entity: 'user', entity_id: user.id });
    expect(event.summary).not.toContain('sandi-baru-joko-678');
    expect(JSON.parse(event.summary).result).toEqual({ role: Role.OPERATOR_DINKES, active: true });
  });

  it('a user change keeps the role and flag it replaced beside the new ones (QA: the new ones only), not in the answer', async () => {
    const [user] = await t.dataSource.query(`SELECT id FROM app_user WHERE username = 'joko.operator'`);
    const admin = await t.as(Role.ADMIN);
    const answer = await admin.patch(`/api/v1/users/${user.id}`).send({ role: Role.AUDITOR, active: false }).expect(200);
    expect(Object.keys(answer.body)).not.toContain('before');
    const [event] = await t.dataSource.query(`SELECT summary FROM audit_event WHERE action = 'user.update' ORDER BY id DESC LIMIT 1`);
    expect(JSON.parse(event.summary)).toMatchObject({ before: { role: Role.OPERATOR_DINKES, active: true }, result: { role: Role.AUDITOR, active: false } });
    await admin.patch(`/api/v1/users/${user.id}`).send({ active: true }).expect(200);
    const [again] = await t.dataSource.query(`SELECT summary FROM audit_event WHERE action = 'user.update' ORDER BY id DESC LIMIT 1`);
    expect(JSON.parse(again.summary)).toMatchObject({ before: { role: Role.AUDITOR, active: false }, result: { role: Role.AUDITOR, active: true } });
  });

  it('a pledge revision names the revision it made, beside the request (QA: the body alone)', async () => {
    const finance = await t.as(Role.KEUANGAN);
    await finance.post('/api/v1/pledges').send({ code: 'APBD-2026', sourceType: 'APBD', funder: 'Pemkab', fiscalYear: 2026, scope: 'ALL', budget: 1_000_000 }).expect(201);
    const answer = await finance.patch('/api/v1/pledges/APBD-2026').send({ budget: 2_000_000, reason: 'APBD-P' }).expect(200);
    expect(Object.keys(answer.body)).not.toContain('before');
    const [event] = await t.dataSource.query(`SELECT summary FROM audit_event WHERE action = 'pledge.revise' ORDER BY id DESC LIMIT 1`);
    // and the terms it replaced, those only (QA: the new budget alone, not the 1.000.000 it replaced)
    expect(JSON.parse(event.summary)).toMatchObject({ body: { budget: 2_000_000, reason: 'APBD-P' }, result: { revision: 2 }, before: { budget: 1_000_000 } });
    expect(Object.keys(JSON.parse(event.summary).before)).toEqual(['budget']);
    // a scope change: the scope, and the priority that followed it to the new scope's default
    await finance.patch('/api/v1/pledges/APBD-2026').send({ scope: 'VILLAGES', villageCodes: ['17.03.06.2001'], reason: 'Satu desa' }).expect(200);
    const [scoped] = await t.dataSource.query(`SELECT summary FROM audit_event WHERE action = 'pledge.revise' ORDER BY id DESC LIMIT 1`);
    expect(JSON.parse(scoped.summary).before).toEqual({ scope: 'ALL', villageCodes: [], priority: 90 });
  });

  it('records nothing when the request fails', async () => {
    const before = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'user.create'`);
    await (await t.as(Role.ADMIN)).post('/api/v1/users').send({ username: 'joko.operator', password: 'rahasia-joko-12345', role: Role.ADMIN }).expect(409);
    const after = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'user.create'`);
    expect(after[0].n).toBe(before[0].n);
  });
});

describe('audit summaries never hold a password, token or secret', () => {
  it('replaces such fields at any depth, in objects and arrays, and keeps the rest', () => {
    expect(
      redact({
        username: 'sri',
        password: 'rahasia-123456',
        settings: { apiToken: 'abc', clientSecret: 'def', keep: 1 },
        accounts: [{ name: 'x', newPassword: 'ghi' }],
        note: null,
      }),
    ).toEqual({
      username: 'sri',
      password: '[disembunyikan]',
      settings: { apiToken: '[disembunyikan]', clientSecret: '[disembunyikan]', keep: 1 },
      accounts: [{ name: 'x', newPassword: '[disembunyikan]' }],
      note: null,
    });
  });

  it('leaves bodies that are not objects as they are', () => {
    expect(redact(undefined)).toBeUndefined();
    expect(redact('teks')).toBe('teks');
  });
});
