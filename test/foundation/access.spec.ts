import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { refusalOf } from '../../src/auth/access.guard.js';
import { ALL_ROLES, Role } from '../../src/users/role.js';
import { createTestApp, servedRoutes, type TestApp } from '../support/test-app.js';
import { describeRoute, discoverRoutes, fillParams, type RouteInfo } from './route-inventory.js';
import { READERS } from '../../src/auth/access.decorators.js';
import type request from 'supertest';
import { AuditService } from '../../src/audit/audit.service.js';

jest.setTimeout(300_000);

/**
 * The auditor reads everything and writes nothing (DOMAIN §1). A write refused to the auditor says so,
 * "Peran Auditor hanya dapat membaca data; tindakan ini tidak diizinkan.", with the same 403 FORBIDDEN;
 * any other role refused keeps "Peran Anda tidak diizinkan melakukan tindakan ini." (QA: the auditor
 * was told only that the role was not allowed, not why).
 */
const READ_ONLY = 'Peran Auditor hanya dapat membaca data; tindakan ini tidak diizinkan.';
const REFUSED = 'Peran Anda tidak diizinkan melakukan tindakan ini.';

describe('a refused request: what the 403 says', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('every route refused to the auditor is a write, and says the role only reads', async () => {
    const refused = discoverRoutes(t.app).filter((r) => !r.isPublic && r.roles?.length && !r.roles.includes(Role.AUDITOR));
    expect(refused.map((r) => r.method)).not.toContain('GET');
    const token = await t.token(Role.AUDITOR);
    const answers: string[] = [];
    for (const route of refused) {
      const method = route.method.toLowerCase() as 'post' | 'put' | 'patch' | 'delete';
      const res = await t.http[method](fillParams(route.path)).set('Authorization', `Bearer ${token}`);
      answers.push(`${describeRoute(route)}: ${res.status} ${res.body.code} ${res.body.message}`);
    }
    expect(refused.length).toBeGreaterThan(5);
    expect(answers).toEqual(refused.map((r) => `${describeRoute(r)}: 403 FORBIDDEN ${READ_ONLY}`));
  });

  it('a payment recorded, removed or uploaded by the auditor: 403 FORBIDDEN, read-only', async () => {
    const auditor = await t.as(Role.AUDITOR);
    const payment = { pledgeCode: 'APBD-2026', month: '2026-10', amount: 1000, paidAt: '2026-10-05', reference: 'SP2D 1' };
    for (const res of [
      await auditor.post('/api/v1/payments').send(payment),
      await auditor.delete('/api/v1/payments/00000000-0000-4000-8000-000000000000'),
      await auditor.post('/api/v1/payment-uploads').attach('file', Buffer.from('KODE_KOMITMEN\n'), 'pembayaran.csv'),
    ]) {
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ statusCode: 403, message: READ_ONLY, code: 'FORBIDDEN' });
    }
  });

  it('other roles keep the plain refusal, the auditor reading is let through', async () => {
    const operator = await (await t.as(Role.OPERATOR_DINKES)).get('/api/v1/payments');
    expect(operator.body).toEqual({ statusCode: 403, message: REFUSED, code: 'FORBIDDEN' });
    const finance = await (await t.as(Role.KEUANGAN)).post('/api/v1/users').send({});
    expect(finance.body).toEqual({ statusCode: 403, message: REFUSED, code: 'FORBIDDEN' });
    await (await t.as(Role.AUDITOR)).get('/api/v1/payments').expect(200);
  });

  it('a write refused for the role is an audit event (access.denied: method, path, role, never the body); a refused read is not', async () => {
    const auditor = await t.as(Role.AUDITOR);
    await auditor.post('/api/v1/payments').send({ pledgeCode: 'APBD-2026', amount: 1000, reference: 'rahasia-bukan' }).expect(403);
    await auditor.post('/api/v1/pledges/APBD-2026/withdraw').send({ reason: 'x' }).expect(403);
    await (await t.as(Role.OPERATOR_DINKES)).get('/api/v1/payments').expect(403);
    await t.http.post('/api/v1/payments').send({}).expect(401);
    const rows: { actor: string; entity: string; entityId: string | null; summary: string }[] = await t.dataSource.query(
      `SELECT actor, entity, entity_id AS "entityId", summary FROM audit_event WHERE action = 'access.denied' ORDER BY id`,
    );
    const mine = rows.filter((r) => r.actor === 'uji-auditor' || r.actor === 'uji-operator-dinkes').slice(-2);
    expect(mine.map((r) => ({ ...r, summary: JSON.parse(r.summary) }))).toEqual([
      { actor: 'uji-auditor', entity: 'payment', entityId: null, summary: { method: 'POST', path: '/api/v1/payments', role: Role.AUDITOR, attempted: 'payment.record' } },
      { actor: 'uji-auditor', entity: 'pledge', entityId: 'APBD-2026', summary: { method: 'POST', path: '/api/v1/pledges/APBD-2026/withdraw', role: Role.AUDITOR, attempted: 'pledge.withdraw' } },
    ]);
    expect(JSON.stringify(rows)).not.toContain('rahasia-bukan');
    expect((await t.app.get(AuditService).verify()).intact).toBe(true);
  });

  // DOMAIN §1: the admin manages users and master data; the money and the register stay with their roles (separation of duties)
  it.each([
    ['POST', '/api/v1/payments'],
    ['DELETE', '/api/v1/payments/00000000-0000-4000-8000-000000000000'],
    ['POST', '/api/v1/payment-uploads'],
    ['POST', '/api/v1/pledges'],
    ['PATCH', '/api/v1/pledges/APBD-2026'],
    ['POST', '/api/v1/pledges/APBD-2026/withdraw'],
    ['POST', '/api/v1/pledges/APBD-2026/reinstate'],
    ['POST', '/api/v1/pledge-uploads'],
    ['POST', '/api/v1/bills'],
    ['POST', '/api/v1/pbi-apbn-lists'],
    ['POST', '/api/v1/reconciliations'],
    ['POST', '/api/v1/allocations'],
    ['POST', '/api/v1/enrollment-uploads'],
    ['POST', '/api/v1/participants/1705010101010001/void'],
    ['DELETE', '/api/v1/participants/1705010101010001/noka'],
  ])('ADMIN is refused the data entry of other roles: %s %s is 403', async (method, path) => {
    const admin = await t.as(Role.ADMIN);
    const res = await admin[method.toLowerCase() as 'post' | 'patch' | 'delete'](path).send({});
    expect(res.body).toEqual({ statusCode: 403, message: REFUSED, code: 'FORBIDDEN' });
  });

  it('ADMIN keeps users and tariff rows', async () => {
    const admin = await t.as(Role.ADMIN);
    expect((await admin.post('/api/v1/users').send({})).status).toBe(400);
    expect((await admin.post('/api/v1/tariffs').send({})).status).toBe(400);
  });

  it('a read refused to the auditor would keep the plain refusal: it is not a write', () => {
    expect(refusalOf(Role.AUDITOR, 'GET')).toBe(REFUSED);
    expect(refusalOf(Role.AUDITOR, 'head')).toBe(REFUSED);
    expect(refusalOf(Role.AUDITOR, 'PATCH')).toBe(READ_ONLY);
    expect(refusalOf(Role.ADMIN, 'POST')).toBe(REFUSED);
  });

  it("a route's own reason (@RefusalReason) is said to the roles it refuses, the auditor's write keeping its read-only reason", () => {
    const reason = 'Finalisasi rekonsiliasi hanya dilakukan oleh petugas Keuangan …';
    expect(refusalOf(Role.ADMIN, 'POST', reason)).toBe(reason);
    expect(refusalOf(Role.OPERATOR_DINKES, 'POST', reason)).toBe(reason);
    expect(refusalOf(Role.AUDITOR, 'POST', reason)).toBe(READ_ONLY);
  });
});

/** Writes its own events (auth.login / auth.login_failed, with the attempted username): see AuthService. */
const AUDITED_IN_SERVICE = new Set(['POST /api/v1/auth/login', 'POST /api/v1/auth/logout']);
/** Non-GET routes that change only the caller's own session: every role, auditors included, may call them. */
const OWN_SESSION = new Set(['POST /api/v1/auth/logout']);

/**
 * Served beside the controllers, outside the guard: the OpenAPI document and its UI, and the
 * console's static files (HTML, CSS and scripts: no data without a token).
 */
const OUTSIDE_NEST = /^GET (\/api\/docs(\/|-json$|-yaml$|$)|\/console(\/|$))/;

describe('every route declares who may call it and is audited when it changes state', () => {
  let t: TestApp;
  let routes: RouteInfo[];
  beforeAll(async () => {
    t = await createTestApp();
    routes = discoverRoutes(t.app);
  });
  afterAll(() => t.close());

  it('finds the routes (the foundation ones at least)', () => {
    const names = routes.map((r) => `${r.method} ${r.path}`);
    expect(names).toEqual(expect.arrayContaining(['POST /api/v1/auth/login', 'GET /api/v1/auth/me', 'POST /api/v1/users', 'GET /api/v1/villages', 'GET /api/v1/audit-events', 'GET /health']));
  });

  it('every route has @Roles(...) with at least one known role, or @Public()', () => {
    const bad = routes.filter((r) => !r.isPublic && (!r.roles?.length || r.roles.some((role) => !ALL_ROLES.includes(role))));
    expect(bad.map(describeRoute)).toEqual([]);
  });

  it('no route is both @Public() and role-restricted (which one would win is unclear)', () => {
    expect(routes.filter((r) => r.isPublic && r.roles?.length).map(describeRoute)).toEqual([]);
  });

  it('every non-GET route carries @Audited(action, entity)', () => {
    const bad = routes.filter((r) => r.method !== 'GET' && !AUDITED_IN_SERVICE.has(`${r.method} ${r.path}`) && !(r.audited?.action && r.audited.entity));
    expect(bad.map(describeRoute)).toEqual([]);
  });

  it('AUDITOR is allowed on no non-GET route but logging out (an auditor reads everything and changes nothing)', () => {
    const bad = routes.filter((r) => r.method !== 'GET' && !OWN_SESSION.has(`${r.method} ${r.path}`) && (r.isPublic ? false : r.roles?.includes(Role.AUDITOR)));
    expect(bad.map(describeRoute)).toEqual([]);
  });

  it('payment and pledge sheets are read by every reader role, auditors included, and uploaded by finance officers only', () => {
    const roles = (method: string, path: RegExp) => routes.filter((r) => r.method === method && path.test(r.path)).map((r) => [`${r.method} ${r.path}`, [...(r.roles ?? [])].sort()]);
    const sheets = /^\/api\/v1\/(payment|pledge)-uploads(\/|$)/;
    const reads = roles('GET', sheets);
    expect(reads.map(([route]) => route)).toEqual(
      expect.arrayContaining(['GET /api/v1/payment-uploads', 'GET /api/v1/pledge-uploads', 'GET /api/v1/pledge-uploads/:id', 'GET /api/v1/pledge-uploads/:id/report.xlsx']),
    );
    expect(reads).toEqual(reads.map(([route]) => [route, [...READERS].sort()]));
    expect(roles('POST', sheets)).toEqual([
      ['POST /api/v1/payment-uploads', [Role.KEUANGAN]],
      ['POST /api/v1/pledge-uploads', [Role.KEUANGAN]],
    ].sort());
  });

  it('the only public routes are login and health (and pages that need no data)', () => {
    const publicApi = routes.filter((r) => r.isPublic && r.path.startsWith('/api/') && r.path !== '/api/v1/auth/login');
    expect(publicApi.map(describeRoute)).toEqual([]);
  });

  it('the server serves no route that bypasses the controllers (and so the guard), except the API docs', () => {
    const known = new Set(routes.map((r) => `${r.method} ${r.path}`));
    const stray = servedRoutes(t.app).filter((r) => !known.has(r) && !OUTSIDE_NEST.test(r));
    expect(stray).toEqual([]);
  });
});

// Five calls per route, and routes keep being added: give it time on a busy machine.
interface Call {
  route: RouteInfo;
  caller: Role | 'anonymous';
  status: number;
}

/**
 * Calls every route (found at runtime) once without a token and once as each role, with dummy path
 * parameters and no body, and checks the answer against the route's declared roles. Any status other
 * than 401/403 (400, 404, ...) counts as "let through": the guard runs before validation.
 */
describe('role matrix of every route', () => {
  let t: TestApp;
  let routes: RouteInfo[];
  const calls: Call[] = [];

  beforeAll(async () => {
    // Login is called with an empty body five times here; do not let the rate limit answer instead.
    t = await createTestApp({ loginRateLimit: { limit: 1000, ttlMs: 60_000 } });
    // Logging out ends the caller's tokens: called last, after every other route used them.
    const endsSessions = (r: RouteInfo) => Number(r.method === 'POST' && r.path === '/api/v1/auth/logout');
    routes = discoverRoutes(t.app)
      .filter((r) => r.isPublic || r.roles?.length)
      .sort((a, b) => endsSessions(a) - endsSessions(b));
    const send = (r: RouteInfo, test: request.Test) => test.then((res) => res.status);
    for (const route of routes) {
      const url = fillParams(route.path);
      const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
      calls.push({ route, caller: 'anonymous', status: await send(route, t.http[method](url)) });
      // Forbidden roles first: the guard stops them before any handler can change data.
      const ordered = [...ALL_ROLES].sort((a, b) => Number(route.roles?.includes(a) ?? true) - Number(route.roles?.includes(b) ?? true));
      for (const role of ordered) {
        const token = await t.token(role);
        calls.push({ route, caller: role, status: await send(route, t.http[method](url).set('Authorization', `Bearer ${token}`)) });
      }
    }
  });
  afterAll(() => t.close());

  const show = (c: Call) => `${describeRoute(c.route)} as ${c.caller}: ${c.status}`;

  it('calls every route', () => {
    expect(routes.length).toBeGreaterThan(5);
    expect(calls).toHaveLength(routes.length * (1 + ALL_ROLES.length));
  });

  it('without a token, every non-public route answers 401', () => {
    const bad = calls.filter((c) => c.caller === 'anonymous' && !c.route.isPublic && c.status !== 401);
    expect(bad.map(show)).toEqual([]);
  });

  it('public routes answer without a token (neither 401 nor 403)', () => {
    const bad = calls.filter((c) => c.caller === 'anonymous' && c.route.isPublic && [401, 403].includes(c.status));
    expect(bad.map(show)).toEqual([]);
  });

  it('roles a route does not list get 403', () => {
    const bad = calls.filter((c) => c.caller !== 'anonymous' && !c.route.isPublic && !c.route.roles!.includes(c.caller) && c.status !== 403);
    expect(bad.map(show)).toEqual([]);
  });

  it('roles a route lists are let through (neither 401 nor 403)', () => {
    const bad = calls.filter((c) => c.caller !== 'anonymous' && (c.route.isPublic || c.route.roles!.includes(c.caller)) && [401, 403].includes(c.status));
    expect(bad.map(show)).toEqual([]);
  });

  it('no route fails with a server error on well-formed dummy parameters and an empty body', () => {
    expect(calls.filter((c) => c.status >= 500).map(show)).toEqual([]);
  });
});
