import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { waitInWords } from '../../src/auth/login-rate-limit.js';
import { Role } from '../../src/users/role.js';
import { UsersService } from '../../src/users/users.service.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('failed login attempts are rate-limited per username and client address', () => {
  const LIMIT = 3;
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ loginRateLimit: { limit: LIMIT, ttlMs: 60 * 60_000 } });
    await t.app.get(UsersService).create('citra.keuangan', 'kata-sandi-citra-1', Role.KEUANGAN);
    await t.app.get(UsersService).create('dedi.keuangan', 'kata-sandi-dedi-12', Role.KEUANGAN);
    await t.app.get(UsersService).create('eka.operator', 'kata-sandi-eka-123', Role.OPERATOR_DINKES);
    await t.app.get(UsersService).create('fani.operator', 'kata-sandi-fani-12', Role.OPERATOR_DINKES);
  });
  afterAll(() => t.close());

  const attempt = (username: string, password: string) => t.http.post('/api/v1/auth/login').send({ username, password });

  it(`answers 429 after ${LIMIT} attempts for the same username, even with the right password`, async () => {
    for (let i = 0; i < LIMIT; i++) await attempt('citra.keuangan', 'tebakan-salah-123').expect(401);
    const res = await attempt('citra.keuangan', 'kata-sandi-citra-1').expect(429);
    // the wait in words (QA: "beberapa saat lagi" named no time), as Retry-After gives it
    expect(res.body).toEqual({ statusCode: 429, message: 'Terlalu banyak percobaan masuk. Coba lagi dalam 60 menit.', code: 'TOO_MANY_REQUESTS' });
    expect(res.headers['ratelimit-limit']).toBe(String(LIMIT));
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('says a wait under a minute in seconds, and a longer one in whole minutes', () => {
    expect([waitInWords(400), waitInWords(53_000), waitInWords(59_999), waitInWords(60_000), waitInWords(61_000)]).toEqual(['1 detik', '53 detik', '1 menit', '1 menit', '2 menit']);
  });

  it('counts the username case-insensitively', async () => {
    await attempt('CITRA.KEUANGAN', 'kata-sandi-citra-1').expect(429);
  });

  it('does not lock other users out', async () => {
    await attempt('dedi.keuangan', 'kata-sandi-dedi-12').expect(200);
  });

  it('counts failures only: logging in again and again from one address never locks the officer out (QA)', async () => {
    for (let i = 0; i < LIMIT + 2; i++) {
      const res = await attempt('eka.operator', 'kata-sandi-eka-123').expect(200);
      expect(res.headers['ratelimit-remaining']).toBe(String(LIMIT));
    }
    // the failures still count, and once at the limit the right password is refused too
    for (let i = 0; i < LIMIT; i++) expect((await attempt('eka.operator', 'tebakan-salah-123').expect(401)).headers['ratelimit-remaining']).toBe(String(LIMIT - 1 - i));
    await attempt('eka.operator', 'kata-sandi-eka-123').expect(429);
  });

  it('lets no more than the limit of simultaneous guesses through', async () => {
    const answers = await Promise.all(Array.from({ length: LIMIT + 3 }, () => attempt('fani.operator', 'tebakan-salah-123')));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([...Array(LIMIT).fill(401), ...Array(3).fill(429)]);
  });
});
