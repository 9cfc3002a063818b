import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type AddressInfo, connect } from 'node:net';
import { loadConfig } from '../../src/common/config/app-config.js';
import { requestTimeoutMs } from '../../src/common/http/request-timeouts.js';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** Sends `head` and `body` on a raw connection, then waits (sending nothing more) for the answer and the close. */
async function stall(t: TestApp, head: string, body: string): Promise<{ answer: string; ms: number }> {
  const server = t.app.getHttpServer();
  if (!server.listening) await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  const start = Date.now();
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(head + body));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('close', () => resolve({ answer, ms: Date.now() - start }));
    socket.on('error', reject);
  });
}

/**
 * A body shorter than its Content-Length held the request open for minutes (QA: 130 s and more).
 * Now it is answered 408 once no byte has come for REQUEST_IDLE_SECONDS (here 1 s).
 */
describe('HTTP: a request whose body stops arriving is answered 408 and closed', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp({ requestIdleSeconds: 1 })));
  afterAll(() => t.close());

  it('a JSON body shorter than its Content-Length: 408 REQUEST_TIMEOUT in the one error format', async () => {
    const body = '{"username":"admin"';
    const { answer, ms } = await stall(t, `POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${body.length + 50}\r\nx-request-id: lambat-1\r\n\r\n`, body);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(answer).toMatch(/\r\nx-request-id: lambat-1\r\n/i);
    expect(answer).toContain('{"statusCode":408,"message":"Permintaan tidak selesai dikirim pada waktunya.","code":"REQUEST_TIMEOUT"}');
    expect(ms).toBeGreaterThanOrEqual(1000);
    expect(ms).toBeLessThan(5000);
  });

  it('an upload cut short the same way', async () => {
    const head = `POST /api/v1/enrollment-uploads HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${await t.token(Role.OPERATOR_DINKES)}\r\nContent-Type: multipart/form-data; boundary=xyz\r\nContent-Length: 100000\r\n\r\n`;
    const { answer } = await stall(t, head, '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\nNIK,NAMA\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it('a body still arriving, slowly, is read to the end', async () => {
    const server = t.app.getHttpServer();
    if (!server.listening) await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    const { port } = server.address() as AddressInfo;
    const body = '{"username":"admin","password":"salah-sekali-123"}';
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', async () => {
        socket.write(`POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`);
        for (const part of body.match(/.{1,10}/g)!) {
          await new Promise((wait) => setTimeout(wait, 600)); // 3 s in all, never 1 s without a byte
          socket.write(part);
        }
      });
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 401/);
  });

  it('every request has a time limit long enough for the largest upload at 0.8 Mbit/s', () => {
    const config = loadConfig({ JWT_SECRET: 'x'.repeat(32) });
    expect(requestTimeoutMs(config)).toBeGreaterThan((config.uploadMaxBytes * 8) / 800_000 * 1000);
    expect(t.app.getHttpAdapter().getInstance().server.requestTimeout).toBe(requestTimeoutMs(t.config));
  });
});
