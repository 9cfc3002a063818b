import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MAX_PAGE } from '../../src/common/http/paging.js';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** A page number past a bigint offset used to reach PostgreSQL and come back as a 500. */
describe('every paged list takes pages 1..MAX_PAGE', () => {
  let t: TestApp;
  let runId: string;
  beforeAll(async () => {
    t = await createTestApp();
    runId = (await (await t.as(Role.KEUANGAN)).post('/api/v1/reconciliations').send({ month: '2026-10' }).expect(201)).body.id;
  });
  afterAll(() => t.close());

  const lists = () => [
    '/api/v1/participants?',
    '/api/v1/enrollment-uploads?',
    '/api/v1/audit-events?',
    '/api/v1/splits?month=2026-10&',
    '/api/v1/payments?month=2026-10&',
    `/api/v1/reconciliations/${runId}/findings?`,
    '/api/v1/enrollment-uploads/00000000-0000-4000-8000-000000000000/issues?',
  ];

  it('refuses a page past the last with 400 naming page', async () => {
    const admin = await t.as(Role.ADMIN);
    for (const list of lists()) {
      for (const page of ['99999999999999999999', String(MAX_PAGE + 1)]) {
        const res = await admin.get(`${list}page=${page}`);
        expect({ list, status: res.status, field: res.body.details?.[0]?.field }).toEqual({ list, status: 400, field: 'page' });
      }
    }
  });

  it('answers the last page, empty', async () => {
    const admin = await t.as(Role.ADMIN);
    for (const list of lists().slice(0, 6)) {
      const res = await admin.get(`${list}page=${MAX_PAGE}`);
      expect({ list, status: res.status, items: res.body.items }).toEqual({ list, status: 200, items: [] });
    }
  });
});
