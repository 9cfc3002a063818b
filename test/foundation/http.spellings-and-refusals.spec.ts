import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const TOO_LONG = 'Alamat (URL) atau header permintaan terlalu panjang: keduanya bersama paling banyak 16 KB. Persingkat alamatnya (nilai parameter yang panjang) atau headernya.';

/** One raw HTTP/1.1 exchange, for requests supertest cannot send as written (absolute URLs, broken request lines). */
async function raw(t: TestApp, request: string): Promise<string> {
  const server = t.app.getHttpServer();
  if (!server.listening) await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

/**
 * What the move from Express to Fastify could have changed at the edges of HTTP: spellings of a
 * path, bodies Express read leniently, refusals before any route (router, connection), and a
 * multipart form whose text field claims to be JSON. Each answers as before, in the one format.
 */
describe('HTTP edges: every spelling of a path keeps no-store, refusals answer in Indonesian with the usual headers', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('an API path spelled with percent-escapes or as an absolute URL still says no-store', async () => {
    const admin = await t.as(Role.ADMIN);
    const escaped = await admin.get('/%61pi/v1/users');
    expect(escaped.headers['cache-control']).toBe('no-store');
    const absolute = await raw(t, `GET http://localhost/api/v1/users HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${await t.token(Role.ADMIN)}\r\nConnection: close\r\n\r\n`);
    expect(absolute).toMatch(/^HTTP\/1\.1 200/);
    expect(absolute).toMatch(/\r\ncache-control: no-store\r\n/i);
  });

  it('paths match in any case and with a trailing slash, as before', async () => {
    await t.http.get('/health/').expect(200);
    const keuangan = await t.as(Role.KEUANGAN);
    expect((await keuangan.get('/API/V1/VILLAGES').expect(200)).body.length).toBeGreaterThan(0);
    await keuangan.get('/api/v1/villages/').expect(200);
    await keuangan.get('/api/v1/pledges/?fiscalYear=2026').expect(200);
    // the `.xlsx` after a parameter too (QA: `.XLSX` was the router's 404): the statement's own answer, not "no such route"
    for (const ext of ['XLSX', 'Xlsx', 'XLSX/']) {
      expect((await keuangan.get(`/api/v1/statements/villages/17.03.06.2001.${ext}?month=2026-10`).expect(404)).body.code).toBe('NOT_ALLOCATED');
    }
    await t.http.get('/console').expect(301).expect('location', '/console/');
    await t.http.get('/console/').expect(200);
    const folder = await t.http.get('/console/js/'); // a folder of the console: no redirect to itself
    expect(folder.headers.location).not.toBe('/console/js/');
    const viaAbsolute = await raw(t, 'GET http://localhost/console HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
    expect(viaAbsolute).toMatch(/\r\nlocation: \/console\/\r\n/i);
  });

  it('an empty body declared JSON is an empty object (the route then names what is missing)', async () => {
    const res = await t.http.post('/api/v1/auth/login').set('Content-Type', 'application/json').send('').expect(400);
    expect(JSON.stringify(res.body.details)).toContain('username');
  });

  it('valid JSON that is not an object or array is told it must be an object; text that is not JSON is not valid JSON', async () => {
    for (const body of ['123', '"teks"', 'true', 'null']) {
      const res = await t.http.post('/api/v1/auth/login').set('Content-Type', 'application/json').send(body).expect(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'body', messages: ['isi permintaan harus berupa objek JSON, mis. {"kolom": "nilai"}'] }] });
    }
    for (const body of ['teks', "'teks'", 'nul']) {
      const res = await t.http.post('/api/v1/auth/login').set('Content-Type', 'application/json').send(body).expect(400);
      expect(res.body).toEqual({ statusCode: 400, message: 'Isi permintaan bukan JSON yang valid.', code: 'INVALID_JSON' });
    }
  });

  it('a query parameter without a name is dropped, as on Express', async () => {
    // the NIK is read, the nameless parameter is not refused: the answer is about the NIK alone
    const res = await (await t.as(Role.AUDITOR)).get('/api/v1/splits?nik=1703000000000001&=x').expect(404);
    expect(res.body).toMatchObject({ code: 'PARTICIPANT_NOT_FOUND', details: { nik: '1703000000000001' } });
  });

  it('an array where an object belongs is refused in Indonesian', async () => {
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/pledges').set('Content-Type', 'application/json').send('[]').expect(400);
    expect(JSON.stringify(res.body)).toContain('harus berupa objek JSON');
    expect(JSON.stringify(res.body)).not.toMatch(/Validation failed/);
  });

  it('the router\'s refusals (malformed escape, over-long segment) carry the security headers, request id and no-store', async () => {
    for (const [path, status] of [['/api/v1/users/%E0%A4%A', 400], [`/api/v1/pledges/${'x'.repeat(200)}`, 414]] as const) {
      const res = await t.http.get(path).set('x-request-id', 'tepi-1').expect(status);
      expect(res.body.message).toMatch(/^(Permintaan tidak valid|Alamat terlalu panjang)\.$/);
      expect(res.headers['x-request-id']).toBe('tepi-1');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    }
  });

  it('the connection\'s refusals (headers too large, a broken request line) answer JSON in Indonesian', async () => {
    const big = await raw(t, `GET /health HTTP/1.1\r\nHost: localhost\r\nX-Besar: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(big).toMatch(/^HTTP\/1\.1 431/);
    expect(big).toMatch(/\r\ncontent-security-policy: default-src 'self'/i);
    expect(big).toMatch(/\r\nx-request-id: [0-9a-f-]{36}\r\n/i);
    expect(big).toMatch(/\r\ncache-control: no-store\r\n/i);
    expect(big).toContain(`{"statusCode":431,"message":"${TOO_LONG}","code":"HEADERS_TOO_LARGE"}`);
    // an address over 16 KB (a 20 KB pledgeCode) is refused the same way: the message names the address too (QA)
    const long = await raw(t, `GET /api/v1/splits?pledgeCode=${'A'.repeat(20_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
    expect(long).toMatch(/^HTTP\/1\.1 431/);
    expect(long).toContain(`{"statusCode":431,"message":"${TOO_LONG}","code":"HEADERS_TOO_LARGE"}`);
    const broken = await raw(t, 'GET /health HTTP/1.1 ekstra\r\n\r\n');
    expect(broken).toMatch(/^HTTP\/1\.1 400/);
    expect(broken).toContain('{"statusCode":400,"message":"Permintaan tidak valid.","code":"BAD_REQUEST"}');
  });

  it('a form field declared JSON that is not JSON is refused in Indonesian', async () => {
    const boundary = 'batas-uji';
    const form = [
      `--${boundary}`,
      'Content-Disposition: form-data; name="month"',
      'Content-Type: application/json',
      '',
      '{rusak',
      `--${boundary}`,
      'Content-Disposition: form-data; name="file"; filename="tagihan.csv"',
      'Content-Type: text/csv',
      '',
      'NIK,Nama',
      `--${boundary}--`,
      '',
    ].join('\r\n');
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/bills').set('Content-Type', `multipart/form-data; boundary=${boundary}`).send(form).expect(400);
    expect(res.body).toEqual({ statusCode: 400, message: 'Formulir unggahan tidak valid: kirim satu berkas pada kolom "file".', code: 'INVALID_UPLOAD_FORM' });
  });

  it('a form cut short, or without its boundary, is refused as a broken upload form', async () => {
    const part = Buffer.from('--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\nNIK,NAMA\r\n1703');
    const operator = await t.as(Role.OPERATOR_DINKES);
    for (const type of ['multipart/form-data; boundary=xyz', 'multipart/form-data']) {
      const res = await operator.post('/api/v1/enrollment-uploads').set('Content-Type', type).send(part).expect(400);
      expect(res.body).toEqual({ statusCode: 400, message: 'Formulir unggahan tidak valid: kirim satu berkas pada kolom "file".', code: 'INVALID_UPLOAD_FORM' });
    }
  });
});
