/**
 * `npm run demo` resets its data directory on every run: it may delete only a directory it created
 * (marked by DEMO_MARKER) or an empty one, never someone's real data (QA: it deleted an exported DATA_DIR).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { DEMO_MARKER, DemoDataDirRefused, resetDemoDataDir } from '../../scripts/demo/demo-data-dir.js';

describe('the demo resets only its own data directory', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'demo-dir-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('creates an absent directory and marks it as the demo\'s', () => {
    const dir = join(root, 'data', 'demo');
    resetDemoDataDir(dir);
    expect(readdirSync(dir)).toEqual([DEMO_MARKER]);
  });

  it('takes an empty directory and marks it', () => {
    const dir = join(root, 'empty');
    mkdirSync(dir);
    resetDemoDataDir(dir);
    expect(readdirSync(dir)).toEqual([DEMO_MARKER]);
  });

  it('empties a directory an earlier run created (the marker is in it)', () => {
    const dir = join(root, 'demo');
    resetDemoDataDir(dir);
    mkdirSync(join(dir, 'pglite'));
    writeFileSync(join(dir, 'pglite', 'PG_VERSION'), '17');
    mkdirSync(join(dir, 'exports'));
    resetDemoDataDir(dir);
    expect(readdirSync(dir)).toEqual([DEMO_MARKER]);
  });

  it('refuses a non-empty directory without the marker, naming it and the way out, and deletes nothing', () => {
    const dir = join(root, 'real-data');
    mkdirSync(join(dir, 'pglite'), { recursive: true });
    writeFileSync(join(dir, 'pglite', 'PG_VERSION'), '17');
    let error: unknown;
    try {
      resetDemoDataDir(dir);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DemoDataDirRefused);
    expect((error as Error).message).toBe(
      `${dir} is not empty and was not created by the demo (no ${DEMO_MARKER} file in it): the demo resets its data directory ` +
        'on every run and will not delete this one. Set DEMO_DATA_DIR to a new or empty directory; if this is an earlier ' +
        "demo's directory (made before the marker existed), delete it yourself.",
    );
    expect(readFileSync(join(dir, 'pglite', 'PG_VERSION'), 'utf8')).toBe('17');
    expect(existsSync(join(dir, DEMO_MARKER))).toBe(false);
  });

  it('refuses a file in the directory\'s place and leaves it', () => {
    const file = join(root, 'not-a-dir');
    writeFileSync(file, 'keep me');
    expect(() => resetDemoDataDir(file)).toThrow(DemoDataDirRefused);
    expect(readFileSync(file, 'utf8')).toBe('keep me');
  });
});
