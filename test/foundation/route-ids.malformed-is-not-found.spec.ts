/**
 * QA: a malformed `:id` answered 404 UPLOAD_NOT_FOUND on some routes and 400 "id harus berupa UUID"
 * on others. One rule now: an id that is no UUID names no record, so every `:id` route answers it as
 * an unknown id, 404 with the entity's own code. Driven by the route inventory: a new `:id` route
 * fails here until its code is listed.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { discoverRoutes } from './route-inventory.js';

jest.setTimeout(180_000);

/** The code each `:id` route answers for an id it does not know, by the path's resource. */
const NOT_FOUND_CODE: Record<string, string> = {
  'PATCH /api/v1/users/:id': 'USER_NOT_FOUND',
  'GET /api/v1/bills/:id': 'BILL_NOT_FOUND',
  'GET /api/v1/bills/:id/report.xlsx': 'BILL_NOT_FOUND',
  'GET /api/v1/pbi-apbn-lists/:id': 'PBI_LIST_NOT_FOUND',
  'GET /api/v1/pbi-apbn-lists/:id/report.xlsx': 'PBI_LIST_NOT_FOUND',
  'GET /api/v1/reconciliations/:id': 'RUN_NOT_FOUND',
  'GET /api/v1/reconciliations/:id/findings': 'RUN_NOT_FOUND',
  'POST /api/v1/reconciliations/:id/finalize': 'RUN_NOT_FOUND',
  'GET /api/v1/reconciliations/:id/workbook.xlsx': 'RUN_NOT_FOUND',
  'GET /api/v1/enrollment-uploads/:id': 'UPLOAD_NOT_FOUND',
  'GET /api/v1/enrollment-uploads/:id/report.xlsx': 'UPLOAD_NOT_FOUND',
  'GET /api/v1/enrollment-uploads/:id/issues': 'UPLOAD_NOT_FOUND',
  'DELETE /api/v1/payments/:id': 'PAYMENT_NOT_FOUND',
  'GET /api/v1/payment-uploads/:id/report.xlsx': 'UPLOAD_NOT_FOUND',
  'GET /api/v1/pledge-uploads/:id': 'UPLOAD_NOT_FOUND',
  'GET /api/v1/pledge-uploads/:id/report.xlsx': 'UPLOAD_NOT_FOUND',
};

describe('every :id route answers a malformed id as an unknown one: 404 with the entity\'s code', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t?.close());

  it('the list above names every :id route there is', () => {
    const routes = discoverRoutes(t.app).filter((r) => r.path.includes(':id')).map((r) => `${r.method} ${r.path}`);
    expect(routes.sort()).toEqual(Object.keys(NOT_FOUND_CODE).sort());
  });

  it.each(Object.entries(NOT_FOUND_CODE))('%s: an unknown UUID and a malformed id alike are 404 %s', async (route, code) => {
    const [method, path] = route.split(' ');
    const allowed = discoverRoutes(t.app).find((r) => `${r.method} ${r.path}` === route)!.roles!;
    const agent = await t.as(allowed.includes(Role.ADMIN) ? Role.ADMIN : allowed[0]);
    // 36 dashes passed the old check of enrollment uploads and reached the database (a 500)
    for (const id of ['00000000-0000-4000-8000-000000000000', 'bukan-uuid', '-'.repeat(36), '12345']) {
      const call = agent[method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete'](path.replace(':id', id));
      const res = method === 'PATCH' ? await call.send({ active: false }) : await call;
      expect({ id, status: res.status, code: res.body.code, message: res.body.message }).toEqual({ id, status: 404, code, message: expect.stringContaining(`"${id}" tidak ditemukan`) });
    }
  });
});
