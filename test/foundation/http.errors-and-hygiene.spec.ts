import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { discoverRoutes } from './route-inventory.js';

describe('HTTP: one JSON error format, size limit, security headers, request id, OpenAPI', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('an unknown route answers 404 as JSON', async () => {
    const res = await t.http.get('/api/v1/tidak-ada').expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual({ statusCode: 404, message: 'Alamat tidak ditemukan.', code: 'NOT_FOUND' });
  });

  it('an invalid JSON body answers 400 as JSON', async () => {
    const res = await t.http.post('/api/v1/auth/login').set('Content-Type', 'application/json').send('{"username": "admin",').expect(400);
    expect(res.body).toEqual({ statusCode: 400, message: 'Isi permintaan bukan JSON yang valid.', code: 'INVALID_JSON' });
  });

  it('a JSON body over 1 MB answers 413 as JSON', async () => {
    const big = JSON.stringify({ username: 'admin', password: 'x'.repeat(1024 * 1024) });
    const res = await (await t.as(Role.ADMIN)).post('/api/v1/users').set('Content-Type', 'application/json').send(big).expect(413);
    expect(res.body).toEqual({ statusCode: 413, message: expect.stringMatching(/^Data yang dikirim terlalu besar: isi permintaan \(JSON\) paling besar 1 MB\./), code: 'PAYLOAD_TOO_LARGE' });
  });

  it('sends the security headers on API answers and errors alike', async () => {
    for (const res of [await t.http.get('/health'), await t.http.get('/api/v1/tidak-ada')]) {
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['strict-transport-security']).toBeDefined();
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('tells browsers and proxies to keep no copy of API answers (they hold residents\' data), and sends no ETag', async () => {
    const admin = await t.as(Role.ADMIN);
    for (const res of [await admin.get('/api/v1/users').expect(200), await t.http.get('/api/v1/tidak-ada'), await t.http.get('/health')]) {
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers.etag).toBeUndefined();
    }
  });

  it('echoes the caller\'s x-request-id, or makes one up', async () => {
    expect((await t.http.get('/health').set('x-request-id', 'permintaan-42')).headers['x-request-id']).toBe('permintaan-42');
    expect((await t.http.get('/api/v1/tidak-ada')).headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const longest = 'A.b_9-'.repeat(10) + 'abcd';
    expect((await t.http.get('/health').set('x-request-id', longest)).headers['x-request-id']).toBe(longest);
  });

  it('replaces an x-request-id that is long or holds other characters than A-Z a-z 0-9 . _ - with a new one', async () => {
    for (const id of ['x'.repeat(65), 'x'.repeat(8000), 'ada spasi', '<script>', 'permintaan/42', 'idé', '"kutip"']) {
      expect((await t.http.get('/health').set('x-request-id', id)).headers['x-request-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
  });

  it('serves the OpenAPI document at /api/docs-json listing every API route, and the UI at /api/docs', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body;
    expect(doc.openapi).toMatch(/^3\./);
    const documented = new Set(Object.entries(doc.paths as Record<string, object>).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)));
    // The API and /health; console pages (HTML for people) may stay out of the document.
    const missing = discoverRoutes(t.app)
      .filter((r) => r.path.startsWith('/api/') || r.path === '/health')
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`)
      .filter((r) => !documented.has(r));
    expect(missing).toEqual([]);
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    // every parameter has a type Swagger UI can send (QA: page and pageSize were `Object`, and "Try it out" sent nothing)
    const untyped = Object.entries(doc.paths as Record<string, Record<string, { parameters?: { name: string; schema?: object }[] }>>).flatMap(([path, ops]) =>
      Object.entries(ops).flatMap(([method, op]) => (op.parameters ?? []).filter((p) => JSON.stringify(p.schema ?? {}).includes('schemas/Object')).map((p) => `${method} ${path} ${p.name}`)),
    );
    expect(untyped).toEqual([]);
    expect(doc.paths['/api/v1/participants'].get.parameters.find((p: { name: string }) => p.name === 'page').schema).toMatchObject({ type: 'integer', default: 1, minimum: 1, maximum: 100000 });

    const ui = await t.http.get('/api/docs').redirects(1).expect(200);
    expect(ui.headers['content-type']).toMatch(/^text\/html/);
    // Swagger UI's inline styles are allowed on its pages only (QA: refused, the page logged CSP violations); scripts stay 'self'
    expect(ui.headers['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
    expect(ui.headers['content-security-policy']).toContain("script-src 'self';");
    expect((await t.http.get('/health').expect(200)).headers['content-security-policy']).toMatch(/style-src 'self'(;|$)/);
    expect((await t.http.get('/api/docsx').expect(404)).headers['content-security-policy']).toMatch(/style-src 'self'(;|$)/);
    expect(ui.text).toContain('swagger-ui');
  });
});
