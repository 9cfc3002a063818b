// The PostgreSQL databases test runs leave until their end (test/support/test-database.ts): dropped a few at a time,
// so the checkpoints the server runs for each DROP DATABASE are shared by the drops waiting together.
const { Client } = require('pg');

const PARALLEL = 4;

/** Drops the databases whose name `pick(name)` accepts, of those named jamkesda_test_… or jamkesda_tpl_…. */
async function dropDatabases(url, pick) {
  const admin = new Client({ connectionString: url });
  await admin.connect();
  let names;
  try {
    const { rows } = await admin.query(String.raw`SELECT datname FROM pg_database WHERE datname LIKE 'jamkesda\_test\_%' OR datname LIKE 'jamkesda\_tpl\_%'`);
    names = rows.map((r) => r.datname).filter(pick);
  } finally {
    await admin.end();
  }
  const queue = [...names];
  await Promise.all(
    Array.from({ length: Math.min(PARALLEL, queue.length) }, async () => {
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        for (let name = queue.shift(); name; name = queue.shift()) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    }),
  );
  return names.length;
}

/**
 * The run (the Date.now() of its global setup, 13 digits) a database name belongs to, or null: names of another
 * shape (e.g. jamkesda_test_<pid>_… of older checkouts, dropped by their own files) are never a run's.
 */
function runOf(name) {
  const m = /^jamkesda_(?:test|tpl)_(\d{13})(?:_|$)/.exec(name);
  return m ? Number(m[1]) : null;
}

module.exports = { dropDatabases, runOf };
