/**
 * One process per embedded data directory (data-dir-lock.ts): PGlite has no lock of its own, and two
 * processes on one directory lose each other's writes without a word. The service locks the directory
 * while its database is open, refuses a second opener with a message saying why, releases it on close,
 * and takes over a lock a killed process left once it is stale. The demo does not reset a directory in use.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataDirInUseError, dataDirInUse, lockDataDir } from '../../src/common/database/data-dir-lock.js';
import { DEMO_MARKER, DemoDataDirRefused, resetDemoDataDir } from '../../scripts/demo/demo-data-dir.js';
import { createTestApp } from '../support/test-app.js';

// Starts the embedded database from scratch (initdb + every migration): slow on a busy machine.
jest.setTimeout(240_000);

describe('the embedded data directory is one process\'s', () => {
  let dataDir: string;
  beforeAll(async () => (dataDir = await mkdtemp(join(tmpdir(), 'jamkesda-lock-'))));
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('is locked while the service has it open, refused to another opener with the reason, and free again after close', async () => {
    const dir = join(dataDir, 'pglite');
    const app = await createTestApp({ databaseUrl: undefined, pgliteLoadDataDir: undefined, dataDir });
    try {
      expect(dataDirInUse(dir)).toBe(true);
      const refused = lockDataDir(dir, 0);
      await expect(refused).rejects.toBeInstanceOf(DataDirInUseError);
      await expect(refused).rejects.toThrow(`Direktori data ${dir} sedang dipakai proses lain`);
    } finally {
      await app.close();
    }
    expect(dataDirInUse(dir)).toBe(false);
    const release = await lockDataDir(dir, 0);
    await release();
  });

  it('takes over the lock a killed process left, once it is stale', async () => {
    const dir = join(dataDir, 'killed');
    await mkdir(join(dataDir, 'killed.lock'), { recursive: true }); // what a SIGKILL leaves: the lock, never renewed
    await mkdir(dir, { recursive: true });
    const old = new Date(Date.now() - 60_000);
    await utimes(join(dataDir, 'killed.lock'), old, old);
    expect(dataDirInUse(dir)).toBe(false);
    const release = await lockDataDir(dir, 0);
    expect(dataDirInUse(dir)).toBe(true);
    await release();
  });

  it('the demo refuses to reset a directory whose database is in use', async () => {
    const demoDir = join(dataDir, 'demo');
    resetDemoDataDir(demoDir);
    await mkdir(join(demoDir, 'pglite'));
    const release = await lockDataDir(join(demoDir, 'pglite'), 0);
    try {
      expect(() => resetDemoDataDir(demoDir)).toThrow(DemoDataDirRefused);
      expect(() => resetDemoDataDir(demoDir)).toThrow(/is in use by a demo or service still running/);
    } finally {
      await release();
    }
    await writeFile(join(demoDir, 'pglite', 'x'), '');
    resetDemoDataDir(demoDir); // free again: reset as before
    expect((await import('node:fs')).readdirSync(demoDir)).toEqual([DEMO_MARKER]);
  });
});
