import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { gzipSync } from 'node:zlib';
import helmet from 'helmet';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { discoverRoutes } from './route-inventory.js';

jest.setTimeout(180_000);

const PAYMENT = { pledgeCode: 'APBD-2026', month: '2026-06', amount: 1000, paidAt: '2026-11-10', reference: 'QA-1' };

/**
 * Bodies and query strings of unusual shape (QA, 2026-12): each is refused in Indonesian, in the
 * one error format, before any validation or database work, and names what is wrong.
 */
describe('HTTP: deep, non-object, compressed bodies and odd field names are refused, each saying why', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await (await t.as(Role.KEUANGAN)).post('/api/v1/pledges').send({ code: 'APBD-2026', sourceType: 'APBD', funder: 'Pemkab', fiscalYear: 2026, scope: 'ALL', budget: 1_000_000 }).expect(201);
  });
  afterAll(() => t.close());

  const deep = (levels: number) => `{"username":${'['.repeat(levels)}${']'.repeat(levels)},"password":"x"}`;

  it('a body nested deeper than 32 levels is 400 JSON_TOO_DEEP, without logging in (2,000 levels was a 500)', async () => {
    for (const levels of [32, 2000, 100_000]) {
      const res = await t.http.post('/api/v1/auth/login').set('Content-Type', 'application/json').send(deep(levels)).expect(400);
      expect(res.body).toEqual({ statusCode: 400, code: 'JSON_TOO_DEEP', message: 'Isi permintaan bersarang terlalu dalam: paling banyak 32 tingkat objek atau daftar di dalam satu sama lain.' });
    }
    // 31 arrays inside the body object: 32 levels, read and validated as usual
    const fine = await t.http.post('/api/v1/auth/login').set('Content-Type', 'application/json').send(deep(31)).expect(400);
    expect(fine.body.code).toBe('VALIDATION_FAILED');
    // brackets inside strings are text, not nesting
    const text = await t.http.post('/api/v1/auth/login').send({ username: '['.repeat(100) + '"{', password: 'x' }).expect(400);
    expect(text.body.code).toBe('VALIDATION_FAILED');
  });

  it('a body that is not an object is told so on every route, POST and PATCH alike', async () => {
    const finance = await t.as(Role.KEUANGAN);
    const expected = { statusCode: 400, message: 'Data yang dikirim tidak valid.', code: 'VALIDATION_FAILED', details: [{ field: 'body', messages: ['isi permintaan harus berupa objek JSON, mis. {"kolom": "nilai"}'] }] };
    // null or "x" is valid JSON too (QA: told "bukan JSON yang valid")
    for (const body of ['[1]', '[]', '[{"reference":"x"}]', 'null', '"x"', '42']) {
      expect((await finance.post('/api/v1/payments').set('Content-Type', 'application/json').send(body)).body).toEqual(expected);
      expect((await finance.patch('/api/v1/pledges/APBD-2026').set('Content-Type', 'application/json').send(body)).body).toEqual(expected);
      expect((await t.http.post('/api/v1/auth/login').set('Content-Type', 'application/json').send(body)).body).toEqual(expected);
    }
  });

  it('a field named like a property of every object (toString, valueOf, constructor…) is unknown like any other', async () => {
    const finance = await t.as(Role.KEUANGAN);
    for (const name of ['toString', 'valueOf', 'hasOwnProperty', 'constructor']) {
      const res = await finance.post('/api/v1/payments').send({ ...PAYMENT, [name]: 1 }).expect(400);
      expect(res.body.details).toEqual([{ field: name, messages: [`kolom ${name} tidak dikenal`] }]);
    }
    // valid JSON with a __proto__ key, or constructor.prototype, is an unknown field too (QA: it was "bukan JSON yang valid")
    const proto = await finance.post('/api/v1/payments').set('Content-Type', 'application/json').send(`{"pledgeCode":"X","__proto__":{"a":1}}`).expect(400);
    expect(proto.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: '__proto__', messages: ['kolom __proto__ tidak dikenal'] }] });
    const prototype = await finance.post('/api/v1/payments').set('Content-Type', 'application/json').send(`{"constructor":{"prototype":{"a":1}}}`).expect(400);
    expect(prototype.body.details).toEqual([{ field: 'constructor.prototype', messages: ['kolom constructor.prototype tidak dikenal'] }]);
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM payment');
    expect(n).toBe(0);
    const [{ audited }] = await t.dataSource.query(`SELECT count(*)::int AS audited FROM audit_event WHERE summary LIKE '%toString%'`);
    expect(audited).toBe(0);
  });

  it('in a query string such names, and any unknown name, are unknown parameters', async () => {
    const finance = await t.as(Role.KEUANGAN);
    for (const name of ['toString', 'valueOf', '__proto__', 'xyz']) {
      const res = await finance.get(`/api/v1/pledges?${name}=1`).expect(400);
      expect(res.body.details).toEqual([{ field: name, messages: [`parameter ${name} tidak dikenal`] }]);
    }
  });

  it('a query parameter sent twice is told it was sent twice, not that its format is wrong', async () => {
    const finance = await t.as(Role.KEUANGAN);
    const twice = await finance.get('/api/v1/pledges?fiscalYear=2026&fiscalYear=2027').expect(400);
    expect(twice.body.details).toEqual([{ field: 'fiscalYear', messages: ['fiscalYear dikirim lebih dari sekali: kirim sekali saja'] }]);
    const admin = await t.as(Role.ADMIN);
    const page = await admin.get('/api/v1/audit-events?page=1&page=2').expect(400);
    expect(page.body.details).toEqual([{ field: 'page', messages: ['page dikirim lebih dari sekali: kirim sekali saja'] }]);
    await finance.get('/api/v1/pledges?fiscalYear=2026').expect(200);
  });

  it('a compressed body is 415 saying to send it uncompressed, not "not valid JSON"', async () => {
    const body = gzipSync(JSON.stringify({ username: 'admin', password: 'x'.repeat(12) }));
    const res = await t.http.post('/api/v1/auth/login').set('Content-Type', 'application/json').set('Content-Encoding', 'gzip').send(body).expect(415);
    expect(res.body).toEqual({ statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Isi permintaan yang dikompresi (Content-Encoding: gzip) tidak didukung: kirim tanpa kompresi.' });
    await t.http.post('/api/v1/auth/login').set('Content-Type', 'application/json').set('Content-Encoding', 'identity').send('{}').expect(400);
  });
});

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

  it('sends every header helmet itself sets, with helmet\'s values, on the API docs too', async () => {
    const fromHelmet = new Map<string, string>();
    const res = { setHeader: (name: string, value: string) => fromHelmet.set(name.toLowerCase(), value), removeHeader: () => undefined };
    helmet({ contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], upgradeInsecureRequests: null } } })({} as never, res as never, () => undefined);
    fromHelmet.delete('content-security-policy'); // the app's own policy, checked above
    expect(fromHelmet.size).toBeGreaterThan(8);
    for (const answer of [await t.http.get('/health'), await (await t.as(Role.AUDITOR)).get('/api/v1/pledges'), await t.http.get('/api/docs')])
      for (const [name, value] of fromHelmet) expect([name, answer.headers[name]]).toEqual([name, value]);
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

describe('health and villages', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('answers /health without login', async () => {
    const res = await t.http.get('/health').expect(200);
    expect(res.body).toEqual({ status: 'ok' });
    expect(res.headers['x-request-id']).toBeDefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers 503 SERVICE_UNAVAILABLE (not HTTP_503) when the database does not answer', async () => {
    const query = t.dataSource.query.bind(t.dataSource);
    const down = jest.spyOn(t.dataSource, 'query').mockImplementation((sql: string, ...rest: unknown[]) =>
      sql === 'SELECT 1' ? Promise.reject(new Error('connection refused')) : (query as (...a: unknown[]) => Promise<unknown>)(sql, ...rest),
    );
    try {
      const res = await t.http.get('/health').expect(503);
      expect(res.body).toEqual({ statusCode: 503, code: 'SERVICE_UNAVAILABLE', message: 'Basis data tidak dapat dihubungi.' });
    } finally {
      down.mockRestore();
    }
    await t.http.get('/health').expect(200);
  });
});

/**
 * QA: a malformed `:id` answered 404 UPLOAD_NOT_FOUND on some routes and 400 "id harus berupa UUID"
 * on others. One rule now: an id that is no UUID names no record, so every `:id` route answers it as
 * an unknown id, 404 with the entity's own code. Driven by the route inventory: a new `:id` route
 * fails here until its code is listed.
 */
/** The code each `:id` route answers for an id it does not know, by the path's resource. */
const NOT_FOUND_CODE: Record<string, string> = {
  'PATCH /api/v1/users/:id': 'USER_NOT_FOUND',
  'GET /api/v1/bills/:id': 'BILL_NOT_FOUND',
  'GET /api/v1/bills/:id/report.xlsx': 'BILL_NOT_FOUND',
  'GET /api/v1/bills/:id/lines.xlsx': 'BILL_NOT_FOUND',
  'GET /api/v1/pbi-apbn-lists/:id': 'PBI_LIST_NOT_FOUND',
  'GET /api/v1/pbi-apbn-lists/:id/report.xlsx': 'PBI_LIST_NOT_FOUND',
  'GET /api/v1/reconciliations/:id': 'RUN_NOT_FOUND',
  'GET /api/v1/reconciliations/:id/finalize-preview': 'RUN_NOT_FOUND',
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
      const res = method === 'PATCH' ? await call.send({ active: false }) : method === 'DELETE' ? await call.send({ reason: 'Tercatat keliru' }) : await call;
      expect({ id, status: res.status, code: res.body.code, message: res.body.message }).toEqual({ id, status: 404, code, message: expect.stringContaining(`"${id}" tidak ditemukan`) });
    }
  });
});
