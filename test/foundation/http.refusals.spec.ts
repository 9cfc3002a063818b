import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { type AddressInfo, connect } from 'node:net';

jest.setTimeout(180_000);

/**
 * QA: a sheet refuses a control character (INVALID_CHARACTER), but the JSON routes stored one: a
 * payment reference `J-\u0007` (the workbook then showed `J-`), a funder `PT \u0007Bell\u001b[31m`,
 * a legal basis `x\b`. Every JSON text field (and query parameter) now refuses the controls a cell
 * refuses, and DEL and the C1 codes, naming the field; tab, line breaks and NEL stay whitespace, as in a cell.
 */
describe('a control character in a JSON text field is refused, naming the field', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  type Res = { status: number; body: { details?: { field: string; messages: string[] }[] } };
  const details = (res: Res) => ({ status: res.status, details: Object.fromEntries((res.body.details ?? []).map((d) => [d.field, d.messages[0]])) });
  const pledge = { code: 'APBD-2026', sourceType: 'APBD', funder: 'Pemkab', fiscalYear: 2026, scope: 'ALL', budget: 1_000_000 };
  const payment = { pledgeCode: 'APBD-2026', month: '2026-06', amount: 1000, paidAt: '2026-11-10' };

  it('a bell in a payment reference: 400 naming reference, with the character marked; nothing stored', async () => {
    const finance = await t.as(Role.KEUANGAN);
    await finance.post('/api/v1/pledges').send(pledge).expect(201);
    expect(details(await finance.post('/api/v1/payments').send({ ...payment, reference: 'J-\u0007' }))).toEqual({
      status: 400,
      details: {
        reference:
          'reference memuat karakter kendali U+0007 yang tidak terlihat dan tidak dapat disimpan ' +
          '(di sini ditandai \uFFFD: "J-\uFFFD"). Hapus karakter itu atau ketik ulang isiannya, lalu kirim ulang.',
      },
    });
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM payment');
    expect(n).toBe(0);
  });

  it('every field with one is named at once (funder with a bell and an escape, legal basis with a backspace, a C1 control, DEL)', async () => {
    const finance = await t.as(Role.KEUANGAN);
    const res = details(await finance.post('/api/v1/pledges').send({ ...pledge, code: 'APBD-2027', funder: 'PT \u0007Bell\u001b[31m', legalBasis: 'x\b', villageCodes: ['17.03.06.2001\u009b'], niks: ['1703\u007f'] }));
    expect(res.status).toBe(400);
    expect(Object.keys(res.details).sort()).toEqual(['funder', 'legalBasis', 'niks.0', 'villageCodes.0']);
    expect(res.details.funder).toMatch(/^funder memuat karakter kendali U\+0007 .*"PT \uFFFDBell\uFFFD\[31m"/);
    expect(res.details.legalBasis).toMatch(/^legalBasis memuat karakter kendali U\+0008 /);
    expect(res.details['villageCodes.0']).toMatch(/^villageCodes\.0 memuat karakter kendali U\+009B /);
    expect(res.details['niks.0']).toMatch(/^niks\.0 memuat karakter kendali U\+007F /);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM pledge WHERE code = 'APBD-2027'`);
    expect(n).toBe(0);
  });

  it('a bidirectional override in a funder is refused, as in a cell (QA: "PT \\u202e6202-DBPA\\u202c" showed as "PT APBD-2026" in a signed workbook)', async () => {
    const finance = await t.as(Role.KEUANGAN);
    const res = details(await finance.post('/api/v1/pledges').send({ ...pledge, code: 'TJSLP-RTL-2026', sourceType: 'TJSLP', funder: 'PT \u202e6202-DBPA\u202c' }));
    expect(res).toEqual({
      status: 400,
      details: {
        funder:
          'funder memuat karakter pengatur arah teks U+202E yang tidak terlihat dan membuat teks tampil berbeda dari isinya, sehingga tidak diterima ' +
          '(di sini ditandai \uFFFD: "PT \uFFFD6202-DBPA\uFFFD"). Hapus karakter itu atau ketik ulang isiannya, lalu kirim ulang.',
      },
    });
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM pledge WHERE code = 'TJSLP-RTL-2026'`);
    expect(n).toBe(0);
  });

  it('tab and line breaks are whitespace, as in a cell (a revision reason keeps them), other controls are not; a query parameter is checked too', async () => {
    const finance = await t.as(Role.KEUANGAN);
    const revised = await finance.patch('/api/v1/pledges/APBD-2026').send({ budget: 2_000_000, reason: 'APBD-P 2026\n\tPerda No. 5/2026' });
    expect(revised.status).toBe(200);
    const [{ reason }] = await t.dataSource.query(`SELECT reason FROM pledge_revision WHERE code = 'APBD-2026' AND revision = 2`);
    expect(reason).toBe('APBD-P 2026\n\tPerda No. 5/2026');
    expect(details(await finance.patch('/api/v1/pledges/APBD-2026').send({ budget: 3_000_000, reason: 'APBD-P\u001b' })).details.reason).toMatch(/^reason memuat karakter kendali U\+001B yang tidak terlihat dan tidak dapat disimpan \(di sini ditandai \uFFFD: "APBD-P\uFFFD"\)/);
    expect(details(await finance.get('/api/v1/payments?pledgeCode=APBD%1B2026')).details.pledgeCode).toMatch(/^pledgeCode memuat karakter kendali U\+001B /);
  });

  it('a zero-width space is not a control character: kept in a funder as a sheet keeps it, dropped from a reference as the sheet upload drops it', async () => {
    const finance = await t.as(Role.KEUANGAN);
    await finance.post('/api/v1/pledges').send({ ...pledge, code: 'TJSL-2026', sourceType: 'TJSLP', funder: 'PT\u200bBell' }).expect(201);
    const [{ funder }] = await t.dataSource.query(`SELECT funder FROM pledge WHERE code = 'TJSL-2026'`);
    expect(funder).toBe('PT\u200bBell');
    const paid = await finance.post('/api/v1/payments').send({ ...payment, reference: 'J-\u200b1' }).expect(201);
    expect(paid.body.reference).toBe('J-1');
  });
});

/**
 * U+0000 cannot be stored in PostgreSQL text: it used to come back as a 500 from the database. A
 * lone UTF-16 surrogate (only escaped JSON carries one) failed a jsonb insert (500) and was stored
 * elsewhere as U+FFFD, so two different references became duplicates.
 */
describe('a NUL character or a lone surrogate anywhere in a request is refused as bad input, naming the field', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  const field = (res: { status: number; body: { details?: { field: string; messages: string[] }[] } }) => ({
    status: res.status,
    field: res.body.details?.[0]?.field,
    says: res.body.details?.[0]?.messages[0],
  });
  const refused = (name: string) => ({ status: 400, field: name, says: expect.stringMatching(/memuat karakter NUL/) });

  it('in a JSON body, at any depth', async () => {
    expect(field(await t.http.post('/api/v1/auth/login').send({ username: 'nul\u0000x', password: 'abcdefghijklmn' }))).toEqual(refused('username'));
    const finance = await t.as(Role.KEUANGAN);
    expect(field(await finance.post('/api/v1/pledges').send({ code: 'APBD-2026', sourceType: 'APBD', funder: 'Pemkab\u0000', fiscalYear: 2026, scope: 'ALL' }))).toEqual(refused('funder'));
    expect(field(await finance.post('/api/v1/pledges').send({ code: 'X', villageCodes: ['17.03.06.2001', 'a\u0000'] }))).toEqual(refused('villageCodes.1'));
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM pledge');
    expect(n).toBe(0);
  });

  it('in a query string or a path', async () => {
    const auditor = await t.as(Role.AUDITOR);
    expect(field(await auditor.get('/api/v1/participants?name=ab%00cd'))).toEqual(refused('name'));
    expect(field(await auditor.get('/api/v1/participants/1703%00'))).toEqual(refused('nik'));
    expect(field(await auditor.get('/api/v1/pledges/a%00b'))).toEqual(refused('code'));
    expect(field(await (await t.as(Role.ADMIN)).get('/api/v1/audit-events?actor=x%00'))).toEqual(refused('actor'));
  });

  const surrogate = (name: string, code: string) => ({ status: 400, field: name, says: expect.stringContaining(`memuat karakter rusak (\\${code}, separuh pasangan surrogate UTF-16`) });

  it('a lone surrogate in a JSON body, in a value or a key: refused before it reaches the database', async () => {
    const finance = await t.as(Role.KEUANGAN);
    // bodies as the client wrote them, escapes included (JSON.stringify would send the surrogate itself)
    const pledge = (funder: string) => `{"code":"APBD-2026","sourceType":"APBD","funder":"${funder}","fiscalYear":2026,"scope":"ALL","budget":1000000}`;
    const sent = (url: string, body: string, patch = false) => (patch ? finance.patch(url) : finance.post(url)).set('Content-Type', 'application/json').send(body);
    expect(field(await sent('/api/v1/pledges', pledge('PT \\udfff QA')))).toEqual(surrogate('funder', 'udfff'));
    await finance.post('/api/v1/pledges').send({ code: 'APBD-2026', sourceType: 'APBD', funder: 'Pemkab', fiscalYear: 2026, scope: 'ALL', budget: 1_000_000 }).expect(201);
    expect(field(await sent('/api/v1/pledges/APBD-2026', '{"funder":"PT \\ud800","reason":"QA"}', true))).toEqual(surrogate('funder', 'ud800'));
    expect(field(await sent('/api/v1/pledges/APBD-2026', '{"funder":"x","reason":"QA \\udc00\\ud800"}', true))).toEqual(surrogate('reason', 'udc00'));

    const payment = (reference: string) => `{"pledgeCode":"APBD-2026","month":"2026-06","amount":1000,"paidAt":"2026-11-10","reference":"${reference}"}`;
    expect(field(await sent('/api/v1/payments', payment('QA-\\ud800')))).toEqual(surrogate('reference', 'ud800'));
    expect(field(await sent('/api/v1/payments', payment('QA-\\udc00')))).toEqual(surrogate('reference', 'udc00'));
    expect((await sent('/api/v1/auth/login', '{"username":"a","password":"b","\\ud800x":1}')).body.details[0].messages[0]).toMatch(/separuh pasangan surrogate/);
    // a whole pair is a character like any other (here an emoji), stored as sent
    const emoji = await sent('/api/v1/payments', payment('QA-\\ud83d\\ude00')).expect(201);
    expect(emoji.body.reference).toBe('QA-\u{1F600}');
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM payment');
    expect(n).toBe(1);
    const [{ revisions }] = await t.dataSource.query('SELECT count(*)::int AS revisions FROM pledge_revision');
    expect(revisions).toBe(1);
  });
});

/**
 * QA: a wrong method on a path the service serves answered 404 "Alamat tidak ditemukan", as if the
 * path did not exist. It is 405 with `Allow`, in the one error format; an unknown path stays 404.
 */
describe('a method a path does not serve is 405 with Allow', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t?.close());

  it.each([
    ['DELETE', '/api/v1/pledges', 'GET, HEAD, POST'],
    ['PUT', '/api/v1/users/00000000-0000-4000-8000-000000000000', 'PATCH'],
    ['GET', '/api/v1/auth/login', 'POST'],
    ['POST', '/api/v1/reconciliations/00000000-0000-4000-8000-000000000000', 'GET, HEAD'],
    ['PATCH', '/API/V1/Pledges/', 'GET, HEAD, POST'],
    // served as written, it names its own methods only: not DELETE of /payments/:id, which it also fits (QA)
    ['POST', '/api/v1/payments/status', 'GET, HEAD'],
  ])('%s %s → 405, Allow: %s', async (method, path, allow) => {
    const res = await t.http[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](path).set('x-request-id', 'metode-1');
    expect({ status: res.status, allow: res.headers.allow, body: res.body }).toEqual({
      status: 405,
      allow,
      body: { statusCode: 405, code: 'METHOD_NOT_ALLOWED', message: `Metode ${method} tidak berlaku untuk alamat ini. Gunakan ${allow}.`, details: { method, allowed: allow.split(', ') } },
    });
    // as every answer: request id, no-store, security headers
    expect(res.headers['x-request-id']).toBe('metode-1');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('an unknown path stays 404, whatever the method', async () => {
    for (const method of ['get', 'post', 'delete'] as const) {
      const res = await t.http[method]('/api/v1/tidak-ada');
      expect({ status: res.status, allow: res.headers.allow, body: res.body }).toEqual({ status: 404, allow: undefined, body: { statusCode: 404, message: 'Alamat tidak ditemukan.', code: 'NOT_FOUND' } });
    }
    await t.http.get('/api/v1/payment-uploads/00000000-0000-4000-8000-000000000000').expect(404);
  });
});

const ARABIC_NIK = '١٧٠٣٠١٠٢٠٧٠٩٢١٨٥'; // 1703010207092185 in Arabic-Indic digits
const FULL_WIDTH_NIK = '１７０３０１０２０７０９２１８５';

/**
 * One raw exchange whose request line carries its bytes as given: supertest percent-encodes such an
 * address (it reads it as a URL, as a browser does), so the refused request cannot be sent through it.
 */
async function raw(t: TestApp, target: Buffer, token: string): Promise<{ head: string; body: Record<string, unknown> }> {
  const server = t.app.getHttpServer();
  if (!server.listening) await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  const request = Buffer.concat([Buffer.from('GET '), target, Buffer.from(` HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${token}\r\nConnection: close\r\n\r\n`)]);
  const answer = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('end', () => resolve(Buffer.concat(chunks)));
    socket.on('error', reject);
  });
  const [head, body] = answer.toString('utf8').split('\r\n\r\n');
  return { head, body: JSON.parse(body) };
}

describe('an address with characters not percent-encoded is told so, naming the parameter (QA: a bare "Permintaan tidak valid.")', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp();
    token = await t.token(Role.AUDITOR);
  });
  afterAll(() => t.close());

  it('Arabic-Indic digits sent as raw UTF-8 in ?nik= name nik and how to send them, with the usual headers', async () => {
    const { head, body } = await raw(t, Buffer.from(`/api/v1/splits?month=2026-08&nik=${ARABIC_NIK}`), token);
    expect(head).toMatch(/^HTTP\/1\.1 400/);
    expect(head).toMatch(/\r\ncontent-type: application\/json; charset=utf-8\r\n/i);
    expect(head).toMatch(/\r\ncache-control: no-store\r\n/i);
    expect(head).toMatch(/\r\nx-request-id: [0-9a-f-]{36}\r\n/i);
    expect(head).toMatch(/\r\ncontent-security-policy: default-src 'self'/i);
    expect(body).toEqual({
      statusCode: 400,
      code: 'URL_NOT_ENCODED',
      message: 'Alamat (URL) memuat karakter bukan ASCII yang tidak dikodekan pada parameter nik. Kodekan dengan percent-encoding UTF-8 (encodeURIComponent), seperti yang dilakukan peramban: ١ menjadi %D9%A1.',
      details: { parameters: ['nik'] },
    });
    // the same value percent-encoded reaches the field's own rule, as before
    const encoded = await (await t.as(Role.AUDITOR)).get(`/api/v1/splits?month=2026-08&nik=${encodeURIComponent(ARABIC_NIK)}`).expect(400);
    expect(encoded.body.details).toEqual([{ field: 'nik', messages: ['nik harus 16 digit angka'] }]);
  });

  it('full-width digits, several parameters, and bytes that are not UTF-8 are named alike', async () => {
    const wide = await raw(t, Buffer.from(`/api/v1/splits?nik=${FULL_WIDTH_NIK}&month=２０２６-08&page=1`), token);
    expect(wide.body).toMatchObject({ code: 'URL_NOT_ENCODED', details: { parameters: ['nik', 'month'] } });
    expect(wide.body.message).toContain('pada parameter nik, month.');
    expect(wide.body.message).toContain('１ menjadi %EF%BC%91.');
    const latin1 = await raw(t, Buffer.from('/api/v1/splits?month=2026-08&pledgeCode=KOMITMEN-\xe9', 'latin1'), token);
    expect(latin1.body).toMatchObject({ statusCode: 400, code: 'URL_NOT_ENCODED', details: { parameters: ['pledgeCode'] } });
    expect(latin1.body.message).toMatch(/pada parameter pledgeCode\. Kodekan dengan percent-encoding UTF-8 \(encodeURIComponent\), seperti yang dilakukan peramban\.$/);
  });

  it('raw UTF-8 in a path parameter names the path', async () => {
    const { head, body } = await raw(t, Buffer.from(`/api/v1/participants/${ARABIC_NIK}`), token);
    expect(head).toMatch(/^HTTP\/1\.1 400/);
    expect(body).toEqual({
      statusCode: 400,
      code: 'URL_NOT_ENCODED',
      message: `Alamat (URL) memuat karakter bukan ASCII yang tidak dikodekan pada jalurnya (/api/v1/participants/${ARABIC_NIK}). Kodekan dengan percent-encoding UTF-8 (encodeURIComponent), seperti yang dilakukan peramban: ١ menjadi %D9%A1.`,
      details: { path: `/api/v1/participants/${ARABIC_NIK}` },
    });
    // percent-encoded, the path parameter gets its own rule's answer
    const encoded = await (await t.as(Role.AUDITOR)).get(`/api/v1/participants/${encodeURIComponent(ARABIC_NIK)}`).expect(400);
    expect(encoded.body.code).toBe('VALIDATION_FAILED');
  });

  it('a request line broken otherwise keeps the plain refusal', async () => {
    const { body } = await raw(t, Buffer.from('/health\x01'), token);
    expect(body).toEqual({ statusCode: 400, message: 'Permintaan tidak valid.', code: 'BAD_REQUEST' });
  });
});
