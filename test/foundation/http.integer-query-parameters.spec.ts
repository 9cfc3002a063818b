/**
 * An integer query parameter (page, pageSize, year, fiscalYear…) is plain decimal digits: `1e3`,
 * `1.0`, `+5`, ` 5` or `0x10`, which Number() read as 1000, 1, 5, 5 and 16 (QA: `pageSize=1e3` answered
 * a thousand rows), are refused naming the parameter and what came; digits out of range keep their
 * range message. The parameters come from the API's description of every route.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { discoverRoutes, fillParams } from './route-inventory.js';

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
