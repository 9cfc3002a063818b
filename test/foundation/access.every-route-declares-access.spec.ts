import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { READERS } from '../../src/auth/access.decorators.js';
import { ALL_ROLES, Role } from '../../src/users/role.js';
import { createTestApp, servedRoutes, type TestApp } from '../support/test-app.js';
import { describeRoute, discoverRoutes, type RouteInfo } from './route-inventory.js';

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

  it('payment and pledge sheets are read by every reader role, auditors included, and uploaded by finance officers and admins only', () => {
    const roles = (method: string, path: RegExp) => routes.filter((r) => r.method === method && path.test(r.path)).map((r) => [`${r.method} ${r.path}`, [...(r.roles ?? [])].sort()]);
    const sheets = /^\/api\/v1\/(payment|pledge)-uploads(\/|$)/;
    const reads = roles('GET', sheets);
    expect(reads.map(([route]) => route)).toEqual(
      expect.arrayContaining(['GET /api/v1/payment-uploads', 'GET /api/v1/pledge-uploads', 'GET /api/v1/pledge-uploads/:id', 'GET /api/v1/pledge-uploads/:id/report.xlsx']),
    );
    expect(reads).toEqual(reads.map(([route]) => [route, [...READERS].sort()]));
    expect(roles('POST', sheets)).toEqual([
      ['POST /api/v1/payment-uploads', [Role.ADMIN, Role.KEUANGAN]],
      ['POST /api/v1/pledge-uploads', [Role.ADMIN, Role.KEUANGAN]],
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
