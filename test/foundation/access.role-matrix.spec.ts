import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type request from 'supertest';
import { ALL_ROLES, type Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { describeRoute, discoverRoutes, fillParams, type RouteInfo } from './route-inventory.js';

// Five calls per route, and routes keep being added: give it time on a busy machine.
jest.setTimeout(300_000);

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
