/**
 * One process per embedded data directory (data-dir-lock.ts): PGlite has no lock of its own, and two
 * processes on one directory lose each other's writes without a word. The service locks the directory
 * while its database is open, refuses a second opener with a message saying why, releases it on close,
 * keeps it while its holder lives however long the renewal was held up, and takes over at once a lock whose
 * holder died. The demo does not reset a directory in use.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
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

  it('keeps the lock of a live holder however long since it was renewed, and takes over one whose holder died, at once', async () => {
    const dir = join(dataDir, 'held');
    await mkdir(dir, { recursive: true });
    const lock = join(dataDir, 'held.lock');
    const old = new Date(Date.now() - 60_000);
    // a live holder whose renewal was held up by a long statement on its thread (QA: 25 s, and a 10 s stale lock was taken over)
    await mkdir(lock);
    await writeFile(`${lock}.pid`, String(process.pid));
    await utimes(lock, old, old);
    expect(dataDirInUse(dir)).toBe(true);
    await expect(lockDataDir(dir, 0)).rejects.toThrow(`Direktori data ${dir} sedang dipakai proses lain (PID ${process.pid})`);
    // a holder killed with SIGKILL: its process id names no process any more
    const child = spawn(process.execPath, ['-e', '']);
    const dead = child.pid!;
    await new Promise((done) => child.on('exit', done));
    await writeFile(`${lock}.pid`, String(dead));
    expect(dataDirInUse(dir)).toBe(false);
    const release = await lockDataDir(dir, 0);
    expect(await readFile(`${lock}.pid`, 'utf8')).toBe(String(process.pid));
    await release();
    expect(existsSync(lock) || existsSync(`${lock}.pid`)).toBe(false);
    // a lock left without a process id (its taker died at once) is free after 30 s
    await mkdir(lock);
    await utimes(lock, old, old);
    await (await lockDataDir(dir, 0))();
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
    expect(readdirSync(demoDir)).toEqual([DEMO_MARKER]);
  });
});
