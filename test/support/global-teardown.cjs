// Removes this run's template: the PGlite dump and markers in test/.tmp, and on PostgreSQL the template database and
// every test file's database (test/support/test-database.ts made them). Other runs' files and databases stay.
const { readdirSync, rmSync } = require('node:fs');
const { join } = require('node:path');
const { dropDatabases, runOf } = require('./drop-run-databases.cjs');

module.exports = async function globalTeardown() {
  const run = process.env.JAMKESDA_TEST_RUN;
  if (!run) return;
  const tmp = join(process.cwd(), 'test/.tmp');
  for (const name of readdirSync(tmp, { withFileTypes: true })) {
    if (name.name.includes(`-${run}.`)) rmSync(join(tmp, name.name), { recursive: true, force: true });
  }
  const url = process.env.DATABASE_URL;
  if (!url) return;
  await dropDatabases(url, (name) => runOf(name) === Number(run));
};
