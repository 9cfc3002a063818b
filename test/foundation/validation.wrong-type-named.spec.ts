/**
 * A body field sent as a value of the wrong kind (a number where text belongs, text where a number
 * belongs, a list, an object, true, null) is told what it takes and what came, naming the field:
 * "legalBasis (dasar hukum) harus berupa teks, bukan angka". Never *wajib diisi*: the field was sent
 * (QA: a number as legalBasis, null as paidAt or a number as a pledge's code or funder said it was
 * required). The routes are every POST and PATCH of the app that reads a JSON body, the fields those
 * of each body's class (its OpenAPI properties and its class-validator checks), the kinds the ones
 * the API documents: a route or field added later is covered without editing this test.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getMetadataStorage } from 'class-validator';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { describeRoute, discoverRoutes, fillParams, type RouteInfo } from './route-inventory.js';
import { PLEDGE, VALID } from './route-bodies.js';

type Kind = 'text' | 'number' | 'boolean' | 'array' | 'object' | 'null';

/** A value of each kind, and how the message names it. */
const SAMPLES: { kind: Kind; value: unknown; said: string }[] = [
  { kind: 'text', value: '12', said: 'bukan teks' },
  { kind: 'number', value: 5, said: 'bukan angka' },
  { kind: 'boolean', value: true, said: 'bukan true' },
  { kind: 'array', value: ['x'], said: 'bukan daftar' },
  { kind: 'object', value: { a: 1 }, said: 'bukan objek' },
  { kind: 'null', value: null, said: 'bukan null' },
];

/** Declared only to be refused whatever they hold ("code tidak dapat diubah"): of no kind. */
const ANY_VALUE_REFUSED = new Set(['PATCH /api/v1/pledges/:code code', 'PATCH /api/v1/pledges/:code fiscalYear']);

interface Schema {
  properties?: Record<string, { type?: string; enum?: unknown[]; nullable?: boolean; items?: unknown }>;
}

/** A field's kind as the API documents it (an enum of text is text). */
function kindOf(property: { type?: string; enum?: unknown[] } | undefined): Kind | undefined {
  const type = property?.type ?? (property?.enum ? 'string' : undefined);
  return ({ string: 'text', integer: 'number', number: 'number', boolean: 'boolean', array: 'array' } as Record<string, Kind>)[type ?? ''];
}

/** The fields of a body class: its OpenAPI properties and the ones its checks name. */
function fieldsOf(type: new () => object, schema: Schema): string[] {
  const checked = getMetadataStorage().getTargetValidationMetadatas(type, '', true, false).map((m) => m.propertyName);
  return [...new Set([...Object.keys(schema.properties ?? {}), ...checked])];
}

describe('a body field of the wrong kind is told what it takes and what came, never that it is required', () => {
  let t: TestApp;
  let routes: RouteInfo[];
  let schemas: Record<string, Schema>;
  let multipart: Set<string>;
  beforeAll(async () => {
    // the login route counts attempts per username: these are many
    t = await createTestApp({ loginRateLimit: { limit: 10_000, ttlMs: 60_000 } });
    const doc = (await t.http.get('/api/docs-json').expect(200)).body as { components: { schemas: Record<string, Schema> }; paths: Record<string, Record<string, { requestBody?: { content: object } }>> };
    schemas = doc.components.schemas;
    multipart = new Set(
      Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.entries(ops)
          .filter(([, op]) => op.requestBody && 'multipart/form-data' in op.requestBody.content)
          .map(([method]) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
      ),
    );
    routes = discoverRoutes(t.app).filter((r) => (r.method === 'POST' || r.method === 'PATCH') && r.bodyType && !multipart.has(`${r.method} ${r.path}`));
    const created = await (await t.as(Role.KEUANGAN)).post('/api/v1/pledges').send({ ...VALID['POST /api/v1/pledges'], code: PLEDGE });
    expect(created.status).toBe(201);
  });
  afterAll(() => t.close());

  it('finds the JSON bodies (the users, pledge, payment and tariff ones at least), each with a valid body here', () => {
    const names = routes.map((r) => `${r.method} ${r.path}`);
    expect(names).toEqual(expect.arrayContaining(['POST /api/v1/users', 'PATCH /api/v1/users/:id', 'POST /api/v1/pledges', 'PATCH /api/v1/pledges/:code', 'POST /api/v1/payments', 'POST /api/v1/tariffs']));
    expect(names.filter((name) => !VALID[name])).toEqual([]);
  });

  it('every body field has a documented kind', () => {
    const untyped = routes.flatMap((r) => {
      const schema = schemas[r.bodyType!.name] ?? {};
      return fieldsOf(r.bodyType!, schema)
        .filter((field) => !kindOf(schema.properties?.[field]) && !ANY_VALUE_REFUSED.has(`${r.method} ${r.path} ${field}`))
        .map((field) => `${describeRoute(r)} ${field}`);
    });
    expect(untyped).toEqual([]);
  });

  it('each field, sent each other kind, is refused naming the field, the kind it takes and the kind that came', async () => {
    const wrong: string[] = [];
    let cases = 0;
    for (const route of routes) {
      const name = `${route.method} ${route.path}`;
      const schema = schemas[route.bodyType!.name] ?? {};
      const url = route.path.includes(':code') ? route.path.replace(':code', PLEDGE) : fillParams(route.path);
      const client = route.isPublic ? t.http : await t.as(route.roles!.includes(Role.ADMIN) ? Role.ADMIN : route.roles![0]);
      for (const field of fieldsOf(route.bodyType!, schema)) {
        const property = schema.properties?.[field];
        const takes = kindOf(property);
        if (!takes) continue;
        for (const sample of SAMPLES.filter((s) => s.kind !== takes && !(s.kind === 'null' && property?.nullable))) {
          cases++;
          const res = await (route.method === 'POST' ? client.post(url) : client.patch(url)).send({ ...VALID[name], [field]: sample.value });
          const messages: string[] = (res.body.details ?? []).find((d: { field: string }) => d.field === field)?.messages ?? [];
          const problem =
            res.status !== 400 ? `answered ${res.status}`
            : !messages.length ? 'no message for the field'
            : messages.some((m) => /wajib diisi/.test(m)) ? 'says wajib diisi'
            : !messages.every((m) => m.includes(field)) ? 'does not name the field'
            : !messages.some((m) => m.includes(sample.said)) ? `does not say "${sample.said}"`
            : null;
          if (problem) wrong.push(`${name} ${field} = ${JSON.stringify(sample.value)}: ${problem} (${JSON.stringify(messages.length ? messages : res.body)})`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(cases).toBeGreaterThan(150);
  });

  it('every required field of every body, left out or sent empty, is "wajib diisi" naming it (QA: POST /users {} said "username harus berupa teks")', async () => {
    const wrong: string[] = [];
    let cases = 0;
    for (const route of routes) {
      const name = `${route.method} ${route.path}`;
      const url = route.path.includes(':code') ? route.path.replace(':code', PLEDGE) : fillParams(route.path);
      const client = route.isPublic ? t.http : await t.as(route.roles!.includes(Role.ADMIN) ? Role.ADMIN : route.roles![0]);
      const required = [...new Set(getMetadataStorage().getTargetValidationMetadatas(route.bodyType!, '', true, false).map((m) => m.propertyName))].filter(
        (field) => !getMetadataStorage().getTargetValidationMetadatas(route.bodyType!, '', true, false).some((m) => m.propertyName === field && m.type === 'conditionalValidation'),
      );
      for (const field of required) {
        for (const blank of [undefined, '']) {
          cases++;
          const res = await (route.method === 'POST' ? client.post(url) : client.patch(url)).send({ ...VALID[name], [field]: blank });
          const messages: string[] = (res.body.details ?? []).find((d: { field: string }) => d.field === field)?.messages ?? [];
          if (res.status !== 400 || !messages.length || !messages.every((m) => m.includes(field) && /wajib diisi/.test(m))) {
            wrong.push(`${name} ${field} = ${JSON.stringify(blank) ?? 'left out'}: ${res.status} ${JSON.stringify(messages.length ? messages : res.body)}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(cases).toBeGreaterThan(20);
  });

  it('a field left out or sent empty is still required (wajib diisi) where it was', async () => {
    const admin = await t.as(Role.ADMIN);
    const { legalBasis: _l, ...noBasis } = VALID['POST /api/v1/tariffs'] as Record<string, unknown>;
    expect((await admin.post('/api/v1/tariffs').send(noBasis).expect(400)).body.details).toEqual([{ field: 'legalBasis', messages: ['legalBasis (dasar hukum) wajib diisi'] }]);
    const { paidAt: _p, pledgeCode: _c, ...noDay } = VALID['POST /api/v1/payments'] as Record<string, unknown>;
    const finance = await t.as(Role.KEUANGAN);
    const payment = await finance.post('/api/v1/payments').send(noDay).expect(400);
    expect(payment.body.details).toEqual([
      { field: 'pledgeCode', messages: ['pledgeCode wajib diisi'] },
      { field: 'paidAt', messages: ['paidAt (tanggal bayar) wajib diisi'] },
    ]);
    const pledge = await finance.post('/api/v1/pledges').send({ ...VALID['POST /api/v1/pledges'], code: ' ', funder: undefined }).expect(400);
    expect(pledge.body.details).toEqual([
      { field: 'code', messages: ['code (kode komitmen) wajib diisi.'] },
      { field: 'funder', messages: ['funder (nama pemberi dana) wajib diisi.'] },
    ]);
  });
});
