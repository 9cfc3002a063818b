/**
 * The demo's data directory: reset on every run, so it must only ever delete a directory it created
 * itself. A directory the demo creates gets a marker file; an existing one is deleted only when it holds
 * that marker (or is empty). Anything else (a real DATA_DIR, an earlier demo's directory from before the
 * marker, a home directory typed by mistake) is refused, and nothing is touched; so is the directory of a demo still
 * running (its database locked, data-dir-lock.ts), which deleting would pull from under it.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDirInUse } from '../../src/common/database/data-dir-lock.js';

/** Written into a directory the demo created; its presence is what allows the next run to delete it. */
export const DEMO_MARKER = '.jamkesda-demo';

export class DemoDataDirRefused extends Error {}

/** Empties `dir` for a fresh demo (creating it when absent) and marks it as the demo's; refuses a directory not the demo's. */
export function resetDemoDataDir(dir: string): void {
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) throw new DemoDataDirRefused(`${dir} is a file, not a directory: the demo will not replace it. Set DEMO_DATA_DIR to another path.`);
    const entries = readdirSync(dir);
    if (entries.length && !entries.includes(DEMO_MARKER)) {
      throw new DemoDataDirRefused(
        `${dir} is not empty and was not created by the demo (no ${DEMO_MARKER} file in it): the demo resets its data directory ` +
          'on every run and will not delete this one. Set DEMO_DATA_DIR to a new or empty directory; if this is an earlier ' +
          'demo\'s directory (made before the marker existed), delete it yourself.',
      );
    }
    if (dataDirInUse(join(dir, 'pglite'))) {
      throw new DemoDataDirRefused(`${dir} is in use by a demo or service still running (its database is locked): stop it first, or set DEMO_DATA_DIR to another directory.`);
    }
    rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, DEMO_MARKER), 'Created by `npm run demo`, which deletes and recreates this directory on every run.\n');
}
