/**
 * The settings `npm run demo` starts the service with: its own data directory whatever DATA_DIR says,
 * the embedded database whatever DATABASE_URL says, its own admin, and HOST/PORT as the service reads them.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../src/common/config/app-config.js';
import { DEMO_ADMIN, demoBaseUrl, demoEnv } from '../../scripts/demo/demo-environment.js';

const config = (env: Record<string, string>) => loadConfig(demoEnv(env));

describe('demo settings', () => {
  it('keeps its data in DEMO_DATA_DIR (default ./data/demo), never in an exported DATA_DIR', () => {
    expect(config({ DATA_DIR: '/srv/jamkesda/data' }).dataDir).toBe(resolve('./data/demo'));
    expect(config({ DATA_DIR: '/srv/jamkesda/data', DEMO_DATA_DIR: '/tmp/coba-demo' }).dataDir).toBe('/tmp/coba-demo');
  });

  it('runs on the embedded database even with DATABASE_URL exported, as its own admin', () => {
    const c = config({ DATABASE_URL: 'postgres://prod@db.example:5432/jamkesda', ADMIN_USERNAME: 'kepala.it', ADMIN_PASSWORD: 'rahasia-kantor-123' });
    expect(c.databaseUrl).toBeUndefined();
    expect(c.bootstrapAdmin).toEqual(DEMO_ADMIN);
  });

  it('listens on HOST and PORT like the service, on 127.0.0.1 when HOST is unset or empty', () => {
    expect(config({}).host).toBe('127.0.0.1');
    expect(config({ HOST: '' }).host).toBe('127.0.0.1');
    expect(config({ HOST: '0.0.0.0', PORT: '3100' })).toMatchObject({ host: '0.0.0.0', port: 3100 });
  });

  it('reaches the service it started at the address it listens on (this machine for a wildcard)', () => {
    expect(demoBaseUrl('127.0.0.1', 3000)).toBe('http://127.0.0.1:3000');
    expect(demoBaseUrl('0.0.0.0', 3000)).toBe('http://127.0.0.1:3000');
    expect(demoBaseUrl('192.168.1.20', 3100)).toBe('http://192.168.1.20:3100');
    expect(demoBaseUrl('::', 3000)).toBe('http://[::1]:3000');
    expect(demoBaseUrl('::1', 3000)).toBe('http://[::1]:3000');
  });
});
