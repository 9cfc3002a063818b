import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

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
    await finance.patch('/api/v1/pledges/APBD-2026').send({ budget: 2_000_000, reason: 'APBD-P' }).expect(200);
    const [event] = await t.dataSource.query(`SELECT summary FROM audit_event WHERE action = 'pledge.revise' ORDER BY id DESC LIMIT 1`);
    expect(JSON.parse(event.summary)).toMatchObject({ body: { budget: 2_000_000, reason: 'APBD-P' }, result: { revision: 2 } });
  });

  it('records nothing when the request fails', async () => {
    const before = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'user.create'`);
    await (await t.as(Role.ADMIN)).post('/api/v1/users').send({ username: 'joko.operator', password: 'rahasia-joko-12345', role: Role.ADMIN }).expect(409);
    const after = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'user.create'`);
    expect(after[0].n).toBe(before[0].n);
  });
});
