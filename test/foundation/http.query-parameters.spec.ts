import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { describeRoute, discoverRoutes, fillParams, type RouteInfo } from './route-inventory.js';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type request from 'supertest';
import { VALID } from './route-bodies.js';
import { MAX_PAGE } from '../../src/common/http/paging.js';

/**
 * An integer query parameter (page, pageSize, year, fiscalYear…) is plain decimal digits: `1e3`,
 * `1.0`, `+5`, ` 5` or `0x10`, which Number() read as 1000, 1, 5, 5 and 16 (QA: `pageSize=1e3` answered
 * a thousand rows), are refused naming the parameter and what came; digits out of range keep their
 * range message. The parameters come from the API's description of every route.
 */
const NOT_DIGITS = ['1e3', '1.0', '+5', ' 5', '0x10', '5 ', '٥'];

interface Parameter {
  name: string;
  in: string;
  schema?: { type?: string; default?: unknown };
}

describe('integer query parameters are plain decimal digits', () => {
  let t: TestApp;
  let params: { url: string; role: Role | null; name: string }[];
  beforeAll(async () => {
    t = await createTestApp();
    const doc = (await t.http.get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, { parameters?: Parameter[] }>> };
    const routes = new Map(discoverRoutes(t.app).map((r) => [`${r.method} ${r.path}`, r]));
    params = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).flatMap(([method, op]) => {
        const route = routes.get(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`)!;
        const role = route.isPublic ? null : route.roles!.includes(Role.ADMIN) ? Role.ADMIN : route.roles![0];
        return (op.parameters ?? [])
          // (page and pageSize are documented by their default only)
          .filter((p) => p.in === 'query' && (['integer', 'number'].includes(p.schema?.type ?? '') || typeof p.schema?.default === 'number'))
          .map((p) => ({ url: fillParams(route.path), role, name: p.name }));
      }),
    );
  });
  afterAll(() => t.close());

  const get = async (role: Role | null, url: string) => (role ? (await t.as(role)).get(url) : t.http.get(url));
  const messagesOf = (body: { details?: { field: string; messages: string[] }[] }, name: string) => body.details?.find((d) => d.field === name)?.messages ?? [];

  it('finds them (page and pageSize of the lists, a statement\'s year, the pledges\' fiscalYear)', () => {
    const names = new Set(params.map((p) => p.name));
    expect([...names].sort()).toEqual(expect.arrayContaining(['fiscalYear', 'page', 'pageSize', 'year']));
    expect(params.length).toBeGreaterThan(15);
  });

  it('anything but digits is refused naming the parameter and what came', async () => {
    const wrong: string[] = [];
    for (const { url, role, name } of params) {
      for (const value of NOT_DIGITS) {
        const res = await get(role, `${url}?${name}=${encodeURIComponent(value)}`);
        const messages = messagesOf(res.body, name);
        if (res.status !== 400 || !messages.length || !messages.every((m) => m.startsWith(name) && m.includes(`bukan ${JSON.stringify(value)}`))) {
          wrong.push(`${url}?${name}=${JSON.stringify(value)}: ${res.status} ${JSON.stringify(messages.length ? messages : res.body)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('digits are read, leading zeros too; out of range they are told the range, as before', async () => {
    const admin = await t.as(Role.ADMIN);
    await admin.get('/api/v1/audit-events?page=01&pageSize=005').expect(200);
    await admin.get('/api/v1/pledges?fiscalYear=2026').expect(200);
    expect(messagesOf((await admin.get('/api/v1/audit-events?page=0').expect(400)).body, 'page')).toEqual(['page tidak boleh kurang dari 1']);
    expect(messagesOf((await admin.get('/api/v1/audit-events?pageSize=-5').expect(400)).body, 'pageSize')).toEqual(['pageSize tidak boleh kurang dari 1']);
    expect(messagesOf((await admin.get('/api/v1/audit-events?pageSize=501').expect(400)).body, 'pageSize')).toEqual(['pageSize tidak boleh lebih dari 500']);
    expect(messagesOf((await admin.get('/api/v1/splits?pageSize=5000').expect(400)).body, 'pageSize')).toEqual(['pageSize harus bilangan bulat 1 sampai 1000']);
    expect(messagesOf((await admin.get('/api/v1/pledges?fiscalYear=2017').expect(400)).body, 'fiscalYear')).toEqual(['fiscalYear (tahun anggaran) harus antara 2018 dan 2099.']);
    expect(messagesOf((await admin.get('/api/v1/statements/pledges/APBD-2026.xlsx?year=1999').expect(400)).body, 'year')).toEqual(['year paling awal 2000.']);
    // an empty one is refused as every empty parameter is (http.empty-query-parameters.spec.ts)
    expect(messagesOf((await admin.get('/api/v1/audit-events?page=').expect(400)).body, 'page')).toEqual(['page tidak boleh kosong: hapus parameter itu untuk halaman 1, atau isi nomor halamannya.']);
  });
});

/**
 * An unknown query parameter is refused on every route, as the routes with a query DTO refused it
 * (QA: `/users`, `/tariffs`, `/villages` and the POST routes ignored one, so a misspelt filter or
 * `?dryRun=true` sent to the wrong upload answered as if it had not been sent, and saved). The routes
 * come from the running app: one added later without `@Query()` (its DTO, or NoQueryDto) fails here.
 */
/** The service's home page: a redirect to the console's files, which are served outside Nest and read no query either. */
const PAGES = new Set(['GET /']);

/** The text fields an upload route reads beside its file. */
const UPLOAD_FIELDS: Record<string, Record<string, string>> = {
  'POST /api/v1/bills': { month: '2026-10', invoiceTotal: '1000' },
  'POST /api/v1/pbi-apbn-lists': { month: '2026-10' },
};

describe('an unknown query parameter is refused on every route', () => {
  let t: TestApp;
  let routes: RouteInfo[];
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'jamkesda-query-'));
    // its own data directory: the shared one's uploads hold other specs' files meanwhile
    t = await createTestApp({ dataDir: join(dir, 'data') });
    routes = discoverRoutes(t.app).filter((r) => !PAGES.has(`${r.method} ${r.path}`));
  });
  afterAll(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** The route called as a caller it allows, with a body it takes (an upload with a file), and `query`. */
  async function call(route: RouteInfo, query: string): Promise<request.Response> {
    const name = `${route.method} ${route.path}`;
    const url = `${fillParams(route.path)}?${query}`;
    const client = route.isPublic ? t.http : await t.as(route.roles!.includes(Role.ADMIN) ? Role.ADMIN : route.roles![0]);
    const method = route.method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete';
    const req = client[method](url);
    if (UPLOAD_FIELDS[name] || (/upload/.test(route.path) && route.method === 'POST')) {
      for (const [field, value] of Object.entries(UPLOAD_FIELDS[name] ?? {})) req.field(field, value);
      return req.attach('file', Buffer.from('NIK\n1703064101900001\n'), 'uji.csv');
    }
    return VALID[name] ? req.send(VALID[name]) : req;
  }

  it('finds the routes that ignored one (users, tariffs, villages, POST routes) among them', () => {
    const names = routes.map((r) => `${r.method} ${r.path}`);
    expect(names).toEqual(expect.arrayContaining(['GET /api/v1/users', 'GET /api/v1/tariffs', 'GET /api/v1/villages', 'POST /api/v1/pledges', 'POST /api/v1/enrollment-uploads', 'GET /health']));
  });

  it('every route answers 400 naming the parameter, before any work (an upload keeps no file)', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      const res = await call(route, 'tidakDikenal=1');
      // (beside the parameters a route requires, not sent here: GET /payments/status's month, say)
      const named = (res.body.details ?? []).some((d: { field: string; messages: string[] }) => d.field === 'tidakDikenal' && d.messages.join() === 'parameter tidakDikenal tidak dikenal');
      if (res.status !== 400 || !named) wrong.push(`${describeRoute(route)}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    expect(wrong).toEqual([]);
    const [{ audited }] = await t.dataSource.query(`SELECT count(*)::int AS audited FROM audit_event WHERE action NOT LIKE 'auth.%'`);
    expect(audited).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 200)); // the upload interceptor removes a refused request's file once answered
    expect(await readdir(join(t.config.dataDir, 'uploads'))).toEqual([]);
  });

  it('a declared parameter is still read where a route has them, and a route without any answers as before without one', async () => {
    const admin = await t.as(Role.ADMIN);
    await admin.get('/api/v1/tariffs').expect(200);
    await admin.get('/api/v1/users').expect(200);
    await admin.get('/api/v1/audit-events?page=1').expect(200);
    await t.http.get('/health').expect(200);
  });

  it("an upload's form field sent in the query string is told it goes in the form (QA: POST /bills?month=…&invoiceTotal=… said only \"tidak dikenal\")", async () => {
    const res = await (await t.as(Role.KEUANGAN))
      .post('/api/v1/bills?month=2027-01&invoiceTotal=1&tidakDikenal=1')
      .attach('file', Buffer.from('NOKA,NIK,NAMA,IURAN\n'), 'tagihan.csv')
      .expect(400);
    const formField = (field: string) => ({ field, messages: [`parameter ${field} tidak dikenal: ${field} dikirim sebagai kolom formulir bersama berkasnya, bukan pada alamat`] });
    expect(res.body.details).toEqual([formField('month'), formField('invoiceTotal'), { field: 'tidakDikenal', messages: ['parameter tidakDikenal tidak dikenal'] }]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await readdir(join(t.config.dataDir, 'uploads'))).toEqual([]);
  });
});

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
