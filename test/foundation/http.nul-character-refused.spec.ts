import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** U+0000 cannot be stored in PostgreSQL text: it used to come back as a 500 from the database. */
describe('a NUL character anywhere in a request is refused as bad input, naming the field', () => {
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
});
