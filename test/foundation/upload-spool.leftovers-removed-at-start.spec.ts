/**
 * Uploaded files a stopped process left in `<dataDir>/uploads` (killed mid-request) are copies of residents' data
 * nobody will read: the service deletes them when it starts (src/common/http/upload-spool.ts). On the embedded
 * database one process owns the directory, so every file there is a leftover; on PostgreSQL another process may be
 * receiving a file into it right now, so only files over an hour old are.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeLeftovers, SPOOL_LEFTOVER_AFTER_MS } from '../../src/common/http/upload-spool.js';
import { createTestApp } from '../support/test-app.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A data directory whose `uploads` holds a file written two hours ago, one written now and a folder. */
function spoolWithLeftovers(): { dataDir: string; uploads: string } {
  const dataDir = mkdtempSync(join(tmpdir(), 'jamkesda-spool-'));
  dirs.push(dataDir);
  const uploads = join(dataDir, 'uploads');
  mkdirSync(join(uploads, 'folder'), { recursive: true });
  writeFileSync(join(uploads, 'lama.xlsx'), 'NIK,NAMA\n');
  const twoHoursAgo = (Date.now() - 2 * 3600_000) / 1000;
  utimesSync(join(uploads, 'lama.xlsx'), twoHoursAgo, twoHoursAgo);
  writeFileSync(join(uploads, 'baru.csv'), 'NIK,NAMA\n');
  return { dataDir, uploads };
}

describe('uploads left behind by a stopped process', () => {
  it('are deleted when the service starts: every file on the embedded database, those over an hour old on PostgreSQL', async () => {
    const { dataDir, uploads } = spoolWithLeftovers();
    const t = await createTestApp({ dataDir });
    try {
      const left = readdirSync(uploads).sort();
      expect(left).toEqual(t.config.databaseUrl ? ['baru.csv', 'folder'] : ['folder']);
    } finally {
      await t.close();
    }
  });

  it('removeLeftovers deletes files last written before the threshold, never folders, and counts them', async () => {
    const { uploads } = spoolWithLeftovers();
    await expect(removeLeftovers(uploads, SPOOL_LEFTOVER_AFTER_MS)).resolves.toBe(1);
    expect(readdirSync(uploads).sort()).toEqual(['baru.csv', 'folder']);
    await expect(removeLeftovers(uploads, 0)).resolves.toBe(1);
    expect(readdirSync(uploads)).toEqual(['folder']);
  });

  it('a data directory without an uploads folder has none to delete', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'jamkesda-spool-'));
    dirs.push(dataDir);
    await expect(removeLeftovers(join(dataDir, 'uploads'), 0)).resolves.toBe(0);
  });
});
