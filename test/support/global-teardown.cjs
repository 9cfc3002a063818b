// Drops this run's PostgreSQL template database (test/support/test-database.ts made it).
const { Client } = require('pg');

module.exports = async function globalTeardown() {
  const url = process.env.DATABASE_URL;
  const run = process.env.JAMKESDA_TEST_RUN;
  if (!url || !run) return;
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS jamkesda_tpl_${run} WITH (FORCE)`);
  } finally {
    await client.end();
  }
};
