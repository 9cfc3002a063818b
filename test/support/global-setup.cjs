// Runs once before the workers (as CommonJS, so it cannot load the ESM sources): it only names
// this run. The first test file that needs a database builds the migrated template for the run
// (test/support/test-database.ts); the others wait for it and copy it.
const { rmSync } = require('node:fs');
const { join } = require('node:path');

module.exports = async function globalSetup() {
  rmSync(join(process.cwd(), 'test/.tmp'), { recursive: true, force: true });
  process.env.JAMKESDA_TEST_RUN = String(Date.now());
};
