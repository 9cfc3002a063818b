import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * U+0000 cannot be stored in PostgreSQL text: it used to come back as a 500 from the database. A
 * lone UTF-16 surrogate (only escaped JSON carries one) failed a jsonb insert (500) and was stored
 * elsewhere as U+FFFD, so two different references became duplicates.
 */
describe('a NUL character or a lone surrogate anywhere in a request is refused as bad input, naming the field', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  const field = (res: { status: number; body: { details?: { field: string; messages: string[] }[] } }) => ({
    status: res.status,
    field: res.body.details?.[0]?.field,
    says: res.body.details?.[0]?.messages[0],
  });
  const refused = (name: string) => ({ status: 400, field: name, says: expect.stringMatching(/memuat karakter NUL/) });

  it('in a JSON body, at any depth', async () => {
    expect(field(await t.http.post('/api/v1/auth/login').send({ username: 'nul\u0000x', password: 'abcdefghijklmn' }))).toEqual(refused('username'));
    const finance = await t.as(Role.KEUANGAN);
    expect(field(await finance.post('/api/v1/pledges').send({ code: 'APBD-2026', sourceType: 'APBD', funder: 'Pemkab\u0000', fiscalYear: 2026, scope: 'ALL' }))).toEqual(refused('funder'));
    expect(field(await finance.post('/api/v1/pledges').send({ code: 'X', villageCodes: ['17.03.06.2001', 'a\u0000'] }))).toEqual(refused('villageCodes.1'));
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM pledge');
    expect(n).toBe(0);
  });

  it('in a query string or a path', async () => {
    const auditor = await t.as(Role.AUDITOR);
    expect(field(await auditor.get('/api/v1/participants?name=ab%00cd'))).toEqual(refused('name'));
    expect(field(await auditor.get('/api/v1/participants/1703%00'))).toEqual(refused('nik'));
    expect(field(await auditor.get('/api/v1/pledges/a%00b'))).toEqual(refused('code'));
    expect(field(await (await t.as(Role.ADMIN)).get('/api/v1/audit-events?actor=x%00'))).toEqual(refused('actor'));
  });

  const surrogate = (name: string, code: string) => ({ status: 400, field: name, says: expect.stringContaining(`memuat karakter rusak (\\${code}, separuh pasangan surrogate UTF-16`) });

  it('a lone surrogate in a JSON body, in a value or a key: refused before it reaches the database', async () => {
    const finance = await t.as(Role.KEUANGAN);
    // bodies as the client wrote them, escapes included (JSON.stringify would send the surrogate itself)
    const pledge = (funder: string) => `{"code":"APBD-2026","sourceType":"APBD","funder":"${funder}","fiscalYear":2026,"scope":"ALL","budget":1000000}`;
    const sent = (url: string, body: string, patch = false) => (patch ? finance.patch(url) : finance.post(url)).set('Content-Type', 'application/json').send(body);
    expect(field(await sent('/api/v1/pledges', pledge('PT \\udfff QA')))).toEqual(surrogate('funder', 'udfff'));
    await finance.post('/api/v1/pledges').send({ code: 'APBD-2026', sourceType: 'APBD', funder: 'Pemkab', fiscalYear: 2026, scope: 'ALL', budget: 1_000_000 }).expect(201);
    expect(field(await sent('/api/v1/pledges/APBD-2026', '{"funder":"PT \\ud800","reason":"QA"}', true))).toEqual(surrogate('funder', 'ud800'));
    expect(field(await sent('/api/v1/pledges/APBD-2026', '{"funder":"x","reason":"QA \\udc00\\ud800"}', true))).toEqual(surrogate('reason', 'udc00'));

    const payment = (reference: string) => `{"pledgeCode":"APBD-2026","month":"2026-06","amount":1000,"paidAt":"2026-11-10","reference":"${reference}"}`;
    expect(field(await sent('/api/v1/payments', payment('QA-\\ud800')))).toEqual(surrogate('reference', 'ud800'));
    expect(field(await sent('/api/v1/payments', payment('QA-\\udc00')))).toEqual(surrogate('reference', 'udc00'));
    expect((await sent('/api/v1/auth/login', '{"username":"a","password":"b","\\ud800x":1}')).body.details[0].messages[0]).toMatch(/separuh pasangan surrogate/);
    // a whole pair is a character like any other (here an emoji), stored as sent
    const emoji = await sent('/api/v1/payments', payment('QA-\\ud83d\\ude00')).expect(201);
    expect(emoji.body.reference).toBe('QA-\u{1F600}');
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM payment');
    expect(n).toBe(1);
    const [{ revisions }] = await t.dataSource.query('SELECT count(*)::int AS revisions FROM pledge_revision');
    expect(revisions).toBe(1);
  });
});
