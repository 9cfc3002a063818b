import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { gzipSync } from 'node:zlib';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

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
    for (const body of ['[1]', '[]', '[{"reference":"x"}]']) {
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
