import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { plainToInstance } from 'class-transformer';
import { AuditService } from '../../src/audit/audit.service.js';
import { AuditQueryDto } from '../../src/audit/dto/audit-query.dto.js';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('GET /api/v1/audit-events filters by actor, entity and time, and pages', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.token(Role.AUDITOR);
    await t.token(Role.ADMIN);
    // Fixed moments, so the time filters have something to cut between.
    const audit = t.app.get(AuditService);
    const at = (iso: string) => t.clock.set(new Date(iso));
    at('2026-03-01T01:00:00Z');
    await audit.record({ actor: 'sri', action: 'pledge.create', entity: 'pledge', entityId: 'DD-1', summary: {} });
    at('2026-03-02T01:00:00Z');
    await audit.record({ actor: 'sri', action: 'pledge.revise', entity: 'pledge', entityId: 'DD-1', summary: {} });
    at('2026-03-03T01:00:00Z');
    await audit.record({ actor: 'tono', action: 'payment.create', entity: 'payment', entityId: '7', summary: {} });
    at('2026-03-04T01:00:00Z');
    for (let i = 1; i <= 5; i++) await audit.record({ actor: 'tono', action: 'pledge.create', entity: 'pledge', entityId: `APBD-${i}`, summary: {} });
  });
  afterAll(() => t.close());

  const list = async (query: string, role = Role.AUDITOR) => (await t.as(role)).get(`/api/v1/audit-events?${query}`);
  const ids = (body: { items: { entityId: string }[] }) => body.items.map((e) => e.entityId);

  it('by actor, newest first, with the total', async () => {
    const res = await list('actor=sri').then((r) => r);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(2);
    expect(res.body.items.map((e: { action: string }) => e.action)).toEqual(['pledge.revise', 'pledge.create']);
    expect(res.body.items[0]).toMatchObject({ actor: 'sri', entity: 'pledge', entityId: 'DD-1', at: '2026-03-02T01:00:00.000Z' });
    expect((await list('actor=Sri')).body.total).toBe(2); // as login takes a username, whatever its case
  });

  it('by entity and entity id', async () => {
    expect((await list('entity=payment')).body.total).toBe(1);
    expect((await list('entity=pledge&entityId=DD-1')).body.total).toBe(2);
  });

  it('by time: from and to are inclusive ISO timestamps', async () => {
    const res = await list('from=2026-03-02T00:00:00Z&to=2026-03-03T23:59:59Z');
    expect(ids(res.body)).toEqual(['7', 'DD-1']);
    expect((await list('actor=tono&from=2026-03-04T01:00:00Z')).body.total).toBe(5);
  });

  it('by day: a plain date is the whole day in WIB, both ends', async () => {
    // 2026-03-02T01:00Z and 03T01:00Z are 08:00 WIB on 2 and 3 March.
    expect(ids((await list('from=2026-03-02&to=2026-03-03')).body)).toEqual(['7', 'DD-1']);
    expect((await list('from=2026-03-04&to=2026-03-04')).body.total).toBe(5);
    const res = await list('from=2026-02-30');
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([{ field: 'from', messages: ['from harus tanggal/waktu ISO, mis. 2026-11-15T00:00:00+07:00'] }]);
  });

  it('by time without a zone: read in WIB like the days, whatever the server\'s zone (QA: UTC on the server)', async () => {
    // 2026-03-02T01:00Z is 08:00 WIB: from 08:00 on 2 March to 08:00 on 3 March (WIB) holds both events
    expect(ids((await list('from=2026-03-02T08:00:00&to=2026-03-03T08:00')).body)).toEqual(['7', 'DD-1']);
    // The instant parsed, on a server in UTC: Jest runs in Asia/Jakarta, so stand in a Date that reads a
    // time without a zone as UTC, as Node does there (process.env.TZ cannot be changed inside Jest).
    const RealDate = Date;
    class UtcServerDate extends RealDate {
      constructor(...args: unknown[]) {
        const [value] = args;
        if (args.length === 1 && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T[\d:.]+$/.test(value)) super(`${value}Z`);
        else super(...(args as []));
      }
    }
    // (the transform only: the range check compares with dates made before the stand-in)
    const parse = (query: Record<string, string>) => {
      const dto = plainToInstance(AuditQueryDto, query);
      return { from: dto.from?.toISOString(), to: dto.to?.toISOString() };
    };
    globalThis.Date = UtcServerDate as DateConstructor;
    try {
      expect(new Date('2026-12-04T18:15:00').toISOString()).toBe('2026-12-04T18:15:00.000Z'); // the stand-in reads as UTC
      expect(parse({ from: '2026-12-04T18:15:00', to: '2026-12-04 20:00' })).toEqual({ from: '2026-12-04T11:15:00.000Z', to: '2026-12-04T13:00:00.000Z' });
      expect(parse({ from: '2026-12-04T18:15:00.5Z', to: '2026-12-04T18:15:00+08:00' })).toEqual({ from: '2026-12-04T18:15:00.500Z', to: '2026-12-04T10:15:00.000Z' });
    } finally {
      globalThis.Date = RealDate;
    }
    expect(parse({ from: '2026-12-04T18:15:00' }).from).toBe('2026-12-04T11:15:00.000Z');
  });

  it('a zone offset whose + came as a space (typed into an address unencoded, as the refusal\'s example reads) is read as +', async () => {
    // 2026-03-04T01:00Z is 08:00 WIB: tono's five events from then, none a second later
    for (const plus of ['+', '%2B', '%20']) {
      expect((await list(`actor=tono&from=2026-03-04T08:00:00${plus}07:00`)).body.total).toBe(5);
      expect((await list(`actor=tono&from=2026-03-04T08:00:01${plus}07:00`)).body.total).toBe(0);
      expect(ids((await list(`from=2026-03-02T08:00:00${plus}0700&to=2026-03-03%2008:00${plus}07:00`)).body)).toEqual(['7', 'DD-1']);
    }
    // a minus offset is not a space; a space before anything but an offset is still no date
    expect((await list('actor=tono&from=2026-03-03T18:00:00-07:00')).body.total).toBe(5);
    expect((await list('from=2026-03-04T08:00:00%2007')).body.details).toEqual([{ field: 'from', messages: ['from harus tanggal/waktu ISO, mis. 2026-11-15T00:00:00+07:00'] }]);
  });

  it('in pages', async () => {
    const first = await list('actor=tono&pageSize=2&page=1');
    const third = await list('actor=tono&pageSize=2&page=3');
    expect(first.body.total).toBe(6);
    expect(ids(first.body)).toEqual(['APBD-5', 'APBD-4']);
    expect(ids(third.body)).toEqual(['APBD-1', '7']);
    expect((await list('actor=tono&pageSize=2&page=4')).body.items).toEqual([]);
  });

  it('rejects bad filters with 400', async () => {
    expect((await list('from=kemarin')).status).toBe(400);
    // only ISO days and times: nothing JavaScript would guess at (QA: 06/12/2026 read as 12 June, 2026 as 1 January)
    for (const guess of ['06/12/2026', '05-12-2026', '2026-12-5', '2026', '1', 'Dec 5 2026']) {
      const refused = await list(`from=${encodeURIComponent(guess)}`);
      expect([guess, refused.status, refused.body.details]).toEqual([guess, 400, [{ field: 'from', messages: ['from harus tanggal/waktu ISO, mis. 2026-11-15T00:00:00+07:00'] }]]);
    }
    expect((await list('pageSize=100000')).status).toBe(400);
    expect((await list('page=0')).status).toBe(400);
    // a range that ends before it starts is a typo, said as such, not an empty list (QA)
    const reversed = await list('from=2026-12-05&to=2026-12-01');
    expect(reversed.status).toBe(400);
    expect(reversed.body).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'to' }, message: 'Rentang waktu terbalik: tanggal akhir lebih awal dari tanggal awal.' }); // no API names (QA)
    expect((await list('from=2026-12-01&to=2026-12-01')).status).toBe(200);
  });

  it('by entity id: also the events that concern the record beside their own id, written in a batch too; the chain stays intact', async () => {
    t.clock.set(new Date('2026-03-10T01:00:00Z'));
    await t.app.get(AuditService).recordAll([
      { actor: 'rina', action: 'payment.upload', entity: 'payment', entityId: 'U-1', summary: {}, concerns: { entity: 'payment', ids: ['P-1', 'P-2', 'P-1'] } },
      { actor: 'rina', action: 'payment.record', entity: 'payment', entityId: 'P-3', summary: {} },
      { actor: 'rina', action: 'pledge.upload', entity: 'pledge_upload', entityId: 'PU-1', summary: {}, concerns: { entity: 'pledge', ids: ['DD-1'] } },
    ]);
    const actions = async (query: string) => (await list(query)).body.items.map((e: { action: string }) => e.action);
    expect(await actions('entity=payment&entityId=P-2')).toEqual(['payment.upload']);
    expect(await actions('entityId=P-1')).toEqual(['payment.upload']); // once, named twice
    expect(await actions('entity=payment&entityId=U-1')).toEqual(['payment.upload']); // its own id, as before
    expect(await actions('entityId=P-3')).toEqual(['payment.record']);
    // a pledge's own events and the sheet that concerns it, newest first; of another kind, neither
    expect(await actions('entity=pledge&entityId=DD-1')).toEqual(['pledge.upload', 'pledge.revise', 'pledge.create']);
    expect(await actions('entity=pledge_upload&entityId=DD-1')).toEqual([]);
    expect(await actions('entity=pledge&entityId=P-2')).toEqual([]);
    expect((await list('actor=rina')).body.total).toBe(3);
    expect((await (await t.as(Role.AUDITOR)).get('/api/v1/audit-events/verify').expect(200)).body).toMatchObject({ intact: true });
  });

  it('is open to ADMIN and AUDITOR only', async () => {
    expect((await list('actor=sri', Role.ADMIN)).status).toBe(200);
    expect((await list('actor=sri', Role.KEUANGAN)).status).toBe(403);
    expect((await list('actor=sri', Role.OPERATOR_DINKES)).status).toBe(403);
  });
});
