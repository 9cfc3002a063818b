// Removes this run's template: the PGlite dump and markers in test/.tmp, and the PostgreSQL
// template database (test/support/test-database.ts made them). Other runs' files stay.
const { readdirSync, rmSync } = require('node:fs');
const { join } = require('node:path');
const { Client } = require('pg');

module.exports = async function globalTeardown() {
  const run = process.env.JAMKESDA_TEST_RUN;
  if (!run) return;
  const tmp = join(process.cwd(), 'test/.tmp');
  for (const name of readdirSync(tmp, { withFileTypes: true })) {
    if (name.name.includes(`-${run}.`)) rmSync(join(tmp, name.name), { recursive: true, force: true });
  }
  const url = process.env.DATABASE_URL;
  if (!url) return;
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS jamkesda_tpl_${run} WITH (FORCE)`);
  } finally {
    await client.end();
  }
};
