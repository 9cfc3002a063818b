import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventHash } from '../../src/audit/audit-chain.js';
import { AuditService } from '../../src/audit/audit.service.js';
import { AuditEvent } from '../../src/audit/entities/audit-event.entity.js';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

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
    expect(await verify()).toEqual({ intact: false, checked: expect.any(Number), firstBrokenId: target, reason: 'content does not match its hash' });

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
    expect(await verify()).toMatchObject({ intact: false, firstBrokenId: ids[3], reason: 'link to the previous event does not match' });
    await asAttacker('UPDATE audit_event SET summary = $2, hash = $3 WHERE id = $1', [target, row.summary, row.hash]);
    expect((await verify()).intact).toBe(true);
  });

  it('a deleted row in the middle is detected at the row after it', async () => {
    await asAttacker('DELETE FROM audit_event WHERE id = $1', [ids[3]]);
    expect(await verify()).toMatchObject({ intact: false, firstBrokenId: ids[4], reason: 'link to the previous event does not match' });
  });
});
