/**
 * One rule for the query parameters of every read route: an optional one sent empty or as spaces
 * only (`?pledgeCode=`) is refused naming it, never read as "no filter" (QA: `/splits?pledgeCode=`,
 * `/payments?pledgeCode=`, `/participants?name=` and `/audit-events?actor=` answered everything,
 * while `?sourceType=` or `?nik=` were refused). A required `month` left out or sent empty is said
 * required, not misformatted. The parameters come from the API's description of every GET route.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { discoverRoutes, fillParams } from './route-inventory.js';

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
}

/** Empty, spaces (a tab, a non-breaking space), a zero-width space: nothing to filter by. */
const EMPTY = ['', '%20%20', '%09%C2%A0', '%E2%80%8B'];

const MONTH_REQUIRED = 'month wajib diisi (format YYYY-MM, mis. 2026-08).';

/**
 * Required unless another parameter stands in for it, so optional in the API's description: the
 * summary's `month` (or the range from/to). Left out or sent empty it is still told it is required (below).
 */
const REQUIRED_UNLESS = ['/api/v1/splits/summary?month'];

describe('empty query parameters', () => {
  let t: TestApp;
  let params: { url: string; role: Role | null; name: string; required: boolean }[];
  beforeAll(async () => {
    t = await createTestApp();
    const doc = (await t.http.get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, { parameters?: Parameter[] }>> };
    const routes = new Map(discoverRoutes(t.app).map((r) => [`${r.method} ${r.path}`, r]));
    params = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([method]) => method === 'get')
        .flatMap(([method, op]) => {
          const route = routes.get(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`)!;
          const role = route.isPublic ? null : route.roles!.includes(Role.ADMIN) ? Role.ADMIN : route.roles![0];
          return (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => ({ url: fillParams(route.path), role, name: p.name, required: p.required === true }));
        }),
    );
  });
  afterAll(() => t.close());

  const get = async (role: Role | null, url: string) => (role ? (await t.as(role)).get(url) : t.http.get(url));

  it('finds the filters of the read routes', () => {
    const names = new Set(params.filter((p) => !p.required).map((p) => p.name));
    for (const name of ['pledgeCode', 'name', 'actor', 'entity', 'entityId', 'sourceType', 'nik', 'villageCode', 'month', 'coveredIn', 'category', 'severity', 'adjustsMonth', 'from', 'to', 'page']) {
      expect(names).toContain(name);
    }
    expect(params.filter((p) => p.required).map((p) => `${p.url}?${p.name}`).sort()).toEqual(['/api/v1/payments/status?month', '/api/v1/projections?fiscalYear', '/api/v1/reconciliations?month']);
    expect(params.filter((p) => REQUIRED_UNLESS.includes(`${p.url}?${p.name}`)).map((p) => p.required)).toEqual([false]);
  });

  it('an optional one sent empty or as spaces is refused with 400 naming it, on every GET route', async () => {
    const wrong: string[] = [];
    for (const { url, role, name, required } of params.filter((p) => !p.required && !REQUIRED_UNLESS.includes(`${p.url}?${p.name}`))) {
      for (const value of EMPTY) {
        const res = await get(role, `${url}?${name}=${value}`);
        const mine = (res.body.details ?? []).find((d: { field: string }) => d.field === name);
        const ok = res.status === 400 && res.body.code === 'VALIDATION_FAILED' && mine?.messages.length === 1 && mine.messages[0].startsWith(`${name} tidak boleh kosong: hapus parameter itu `);
        if (!ok) wrong.push(`${url}?${name}=${value} (${required}): ${res.status} ${JSON.stringify(res.body)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('says what leaving it out means and what to fill in', async () => {
    const admin = await t.as(Role.ADMIN);
    const said = async (url: string) => {
      const res = await admin.get(url).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', message: 'Data yang dikirim tidak valid.' });
      return res.body.details;
    };
    const pledgeCode = [{ field: 'pledgeCode', messages: ['pledgeCode tidak boleh kosong: hapus parameter itu untuk semua komitmen, atau isi kodenya.'] }];
    expect(await said('/api/v1/splits?month=2026-08&pledgeCode=')).toEqual(pledgeCode);
    expect(await said('/api/v1/payments?pledgeCode=%20')).toEqual(pledgeCode);
    expect(await said('/api/v1/participants?name=')).toEqual([{ field: 'name', messages: ['name tidak boleh kosong: hapus parameter itu untuk semua nama, atau isi awal namanya.'] }]);
    expect(await said('/api/v1/audit-events?actor=&entity=pledge')).toEqual([{ field: 'actor', messages: ['actor tidak boleh kosong: hapus parameter itu untuk semua pengguna, atau isi nama penggunanya.'] }]);
    expect(await said('/api/v1/audit-events?entityId=')).toEqual([{ field: 'entityId', messages: ['entityId tidak boleh kosong: hapus parameter itu untuk semua data, atau isi id-nya.'] }]);
    // the refused ones say the same now, not their format
    expect(await said('/api/v1/splits?sourceType=')).toEqual([{ field: 'sourceType', messages: ['sourceType tidak boleh kosong: hapus parameter itu untuk semua sumber dana, atau isi sumber dananya.'] }]);
    expect(await said('/api/v1/participants?coveredIn=')).toEqual([{ field: 'coveredIn', messages: ['coveredIn tidak boleh kosong: hapus parameter itu untuk semua bulan, atau isi bulannya (YYYY-MM, mis. 2026-08).'] }]);
    // with the other parameters' problems in the same answer
    expect(await said('/api/v1/splits?pledgeCode=&nik=123')).toEqual([
      { field: 'pledgeCode', messages: ['pledgeCode tidak boleh kosong: hapus parameter itu untuk semua komitmen, atau isi kodenya.'] },
      { field: 'nik', messages: ['nik harus 16 digit angka'] },
    ]);
  });

  it('filled, the same parameters are read as before', async () => {
    const admin = await t.as(Role.ADMIN);
    expect((await admin.get('/api/v1/payments?pledgeCode=TIDAK-ADA').expect(404)).body.code).toBe('PLEDGE_NOT_FOUND');
    await admin.get('/api/v1/participants?name=ahmad').expect(200);
    await admin.get('/api/v1/audit-events?actor=tidak-ada&entity=pledge&entityId=x').expect(200);
    expect((await admin.get('/api/v1/splits?pledgeCode=TIDAK-ADA').expect(404)).body.code).toBe('PLEDGE_NOT_FOUND');
  });

  it('a required month left out or sent empty is told it is required; a wrong one still its format', async () => {
    const admin = await t.as(Role.ADMIN);
    for (const route of ['/api/v1/splits/summary', '/api/v1/reconciliations', '/api/v1/payments/status']) {
      for (const query of ['', '?month=', '?month=%20']) {
        const res = await admin.get(`${route}${query}`).expect(400);
        expect(res.body).toEqual({ statusCode: 400, code: 'VALIDATION_FAILED', message: 'Data yang dikirim tidak valid.', details: [{ field: 'month', messages: [MONTH_REQUIRED] }] });
      }
      const wrong = await admin.get(`${route}?month=2026-13`).expect(400);
      expect(wrong.body.details).toEqual([{ field: 'month', messages: [expect.stringMatching(/^month: (bulan|month) harus berformat YYYY-MM dengan tahun 2000–2099|^month harus berformat YYYY-MM dengan tahun 2000–2099/)] }]);
    }
  });

  it('page 0 is said the same on every paged route', async () => {
    const admin = await t.as(Role.ADMIN);
    for (const url of ['/api/v1/splits', '/api/v1/audit-events', '/api/v1/participants', '/api/v1/payments', '/api/v1/pledge-uploads']) {
      const res = await admin.get(`${url}?page=0`).expect(400);
      expect(res.body.details).toEqual([{ field: 'page', messages: ['page tidak boleh kurang dari 1'] }]);
    }
  });

  it('a month of the allocations path that is not a month names the field, as a parameter\'s refusal does', async () => {
    const res = await (await t.as(Role.ADMIN)).get('/api/v1/allocations/2026-13').expect(400);
    expect(res.body).toEqual({
      statusCode: 400,
      code: 'MONTH_INVALID',
      message: 'Bulan "2026-13" tidak valid: gunakan format YYYY-MM dengan tahun 2000–2099, misalnya 2026-07.',
      details: { field: 'month', month: '2026-13' },
    });
  });
});
