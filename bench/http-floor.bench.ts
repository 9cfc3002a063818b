/**
 * `npm run bench:http-floor`: what 50 flat-out connections get from this machine without Nest and
 * Express, to read the `GET /api/v1/splits?nik=` figure of `bench:allocate` against. A bare
 * `node:http` server answers every request after one `SELECT 1` through a `pg` pool of 10 (the
 * service's pool size), on BASE_URL's server, under bench:allocate's load (load-in-child.ts) for
 * 10 s. Prints requests/s, latency percentiles and the server's CPU per request.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { BASE_URL } from './bench-support.js';
import { loadInChild, loadLine, measured } from './load-in-child.js';

async function main(): Promise<void> {
  const pool = new pg.Pool({ connectionString: BASE_URL, max: 10 });
  const server = http.createServer((_req, res) => {
    pool.query('SELECT 1').then(
      () => res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"status":"ok"}'),
      () => res.writeHead(503).end(),
    );
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const job = { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, paths: ['/health'] };
  try {
    await loadInChild({ ...job, duration: 2 }); // warm-up
    console.log(loadLine('bare node:http + pg SELECT 1', await measured(() => loadInChild({ ...job, duration: 10 })), 'server'));
  } finally {
    server.close();
    await pool.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
