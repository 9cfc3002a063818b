import { describe, expect, it } from '@jest/globals';
import { resolve } from 'node:path';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { loadConfig, loadDatabaseConfig } from '../../src/common/config/app-config.js';
import { PasswordHasher } from '../../src/users/password-hasher.js';

const SECRET = 'x'.repeat(32);

describe('configuration defaults', () => {
  it('needs only JWT_SECRET and fills every other setting with its documented default', () => {
    const config = loadConfig({ JWT_SECRET: SECRET });
    expect(config).toEqual({
      port: 3000,
      host: '0.0.0.0',
      trustProxy: 'loopback',
      databaseUrl: undefined,
      dataDir: resolve('./data'),
      jwtSecret: SECRET,
      jwtTtlSeconds: 8 * 3600,
      bootstrapAdmin: undefined,
      loginRateLimit: { limit: 5, ttlMs: 60_000 },
      uploadMaxBytes: 60 * 1024 * 1024,
      uploadMaxRows: 1_000_000,
      uploadBackgroundBytes: 512 * 1024,
      schedulerEnabled: true,
      allocationWorker: true,
      logLevel: 'info',
      requestIdleSeconds: 30,
    });
  });

  it('treats empty variables as unset', () => {
    const config = loadConfig({ JWT_SECRET: SECRET, PORT: '', DATABASE_URL: '', ADMIN_USERNAME: '', ADMIN_PASSWORD: '', SCHEDULER_ENABLED: '' });
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.bootstrapAdmin).toBeUndefined();
    expect(config.schedulerEnabled).toBe(true);
  });

  it('reads every variable that is set', () => {
    const config = loadConfig({
      JWT_SECRET: SECRET,
      PORT: '8080',
      HOST: '127.0.0.1',
      TRUST_PROXY: '10.0.0.5',
      DATABASE_URL: 'postgresql://app:pw@db:5432/jamkesda',
      DATA_DIR: '/var/lib/jamkesda',
      JWT_TTL_SECONDS: '3600',
      ADMIN_USERNAME: 'admin',
      ADMIN_PASSWORD: 'panjang-sekali-123',
      LOGIN_RATE_LIMIT: '10',
      LOGIN_RATE_WINDOW_SECONDS: '300',
      UPLOAD_MAX_MB: '10',
      UPLOAD_MAX_ROWS: '5000',
      UPLOAD_BACKGROUND_KB: '0',
      SCHEDULER_ENABLED: 'no',
      ALLOCATION_WORKER: 'false',
      LOG_LEVEL: 'debug',
      REQUEST_IDLE_SECONDS: '90',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      trustProxy: '10.0.0.5',
      databaseUrl: 'postgresql://app:pw@db:5432/jamkesda',
      dataDir: '/var/lib/jamkesda',
      jwtTtlSeconds: 3600,
      bootstrapAdmin: { username: 'admin', password: 'panjang-sekali-123' },
      loginRateLimit: { limit: 10, ttlMs: 300_000 },
      uploadMaxBytes: 10 * 1024 * 1024,
      uploadMaxRows: 5000,
      uploadBackgroundBytes: 0,
      schedulerEnabled: false,
      allocationWorker: false,
      logLevel: 'debug',
      requestIdleSeconds: 90,
    });
  });

  it('takes ADMIN_USERNAME without ADMIN_PASSWORD (a later start; a first start without it is refused when no user exists)', () => {
    expect(loadConfig({ JWT_SECRET: SECRET, ADMIN_USERNAME: 'admin', ADMIN_PASSWORD: '' }).bootstrapAdmin).toEqual({ username: 'admin', password: undefined });
  });

  it('accepts true/false, 1/0 and yes/no in any case for booleans', () => {
    for (const [raw, value] of [['TRUE', true], ['1', true], ['Yes', true], ['False', false], ['0', false], ['NO', false]] as const) {
      expect(loadConfig({ JWT_SECRET: SECRET, SCHEDULER_ENABLED: raw }).schedulerEnabled).toBe(value);
    }
  });

  it.each([
    ['', 'loopback'],
    ['true', true],
    ['FALSE', false],
    ['10.0.0.5', '10.0.0.5'],
    [' 10.0.0.5 , 192.168.1.0/24, fd00::/8 ', '10.0.0.5,192.168.1.0/24,fd00::/8'],
    ['10.0.0.0/255.0.0.0', '10.0.0.0/255.0.0.0'],
    ['Loopback, uniquelocal', 'loopback,uniquelocal'],
    ['::1', '::1'],
    ['10.0.0.0/255.255.255.0', '10.0.0.0/255.255.255.0'],
  ])('reads TRUST_PROXY %j as Fastify trustProxy %j, which Fastify takes', async (raw, value) => {
    const { trustProxy } = loadConfig({ JWT_SECRET: SECRET, TRUST_PROXY: raw });
    expect(trustProxy).toEqual(value);
    const adapter = new FastifyAdapter({ trustProxy }); // proxy-addr compiles the value here, throwing on one it cannot read
    await adapter.close();
  });

  it('gives the migration and audit CLIs the database settings without needing JWT_SECRET', () => {
    expect(loadDatabaseConfig({})).toEqual({ databaseUrl: undefined, dataDir: resolve('./data') });
    expect(loadDatabaseConfig({ DATABASE_URL: 'postgres://u@h/db', DATA_DIR: '/tmp/x' })).toEqual({ databaseUrl: 'postgres://u@h/db', dataDir: '/tmp/x' });
    expect(() => loadDatabaseConfig({ DATABASE_URL: 'mysql://u@h/db' })).toThrow(/DATABASE_URL must be a PostgreSQL URL/);
  });

  it("hashes passwords with argon2id at argon2's defaults (64 MiB, three passes, four lanes): no variable lowers them", async () => {
    const config = loadConfig({ JWT_SECRET: SECRET, ARGON2_MEMORY_COST: '1024', PASSWORD_HASHING: 'fast' });
    expect(config.passwordHashing).toBeUndefined();
    const hasher = new PasswordHasher(config);
    const hash = await hasher.hash('kata-sandi-panjang-123');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=65536,p=4,t=3\$/);
    expect(await hasher.verify(hash, 'kata-sandi-panjang-123')).toBe(true);
    expect(await hasher.verify(hash, 'kata-sandi-panjang-124')).toBe(false);
  });
});
