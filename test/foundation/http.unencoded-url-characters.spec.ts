import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

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
