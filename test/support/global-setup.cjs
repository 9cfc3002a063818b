// Runs once before the workers (as CommonJS, so it cannot load the ESM sources): it only names
// this run. The first test file that needs a database builds the migrated template for the run
// (test/support/test-database.ts); the others wait for it and copy it.
// Several runs may share the working tree at once, so only files of runs older than a day are
// removed here, never the folder (that would pull the template from under a running suite). Likewise on PostgreSQL
// the databases of runs older than a day, left by a run that was killed before its global teardown.
const { mkdirSync, readdirSync, rmSync, statSync } = require('node:fs');
const { join } = require('node:path');
const { dropDatabases, runOf } = require('./drop-run-databases.cjs');

const DAY_MS = 24 * 3600 * 1000;

module.exports = async function globalSetup() {
  const tmp = join(process.cwd(), 'test/.tmp');
  mkdirSync(tmp, { recursive: true });
  for (const name of readdirSync(tmp)) {
    const path = join(tmp, name);
    try {
      if (Date.now() - statSync(path).mtimeMs > DAY_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // Removed by another run meanwhile.
    }
  }
  if (process.env.DATABASE_URL) {
    await dropDatabases(process.env.DATABASE_URL, (name) => runOf(name) !== null && Date.now() - runOf(name) > DAY_MS);
  }
  process.env.JAMKESDA_TEST_RUN = String(Date.now());
};
