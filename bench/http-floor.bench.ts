/**
 * `npm run bench:http-floor`: what 50 flat-out connections get from this (2-core) machine on
 * several server stacks, to read the `GET /api/v1/splits?nik=` p99 target of `bench:allocate`
 * against the framework floors. Each case starts its own server in this process with a `pg` pool
 * of 10 (the service's pool size), loads it as bench:allocate does (load-in-child.ts: 2 s warm-up,
 * then 10 s measured) and closes it. One line per case: requests/s, latency percentiles and the
 * server's CPU per request.
 *
 * On BASE_URL's server, every request answered after one `SELECT 1`:
 * 1. bare `node:http`;
 * 2. Nest on Fastify (the service's adapter), one `@Get('health')` route (http-floor.nest.ts).
 * (Nest + Express, which the service ran on until session 12, measured 2.2 to 2.4 times the CPU
 * per request of Nest + Fastify here: README, funding figures.)
 *
 * With BENCH_DB=<name> (a database left by `BENCH_KEEP=1 npm run bench:allocate`, on BASE_URL's
 * server), also the service's split lookup: `GET /splits?nik=` runs, as a named prepared statement,
 * the text SplitsService runs for `GET /api/v1/splits?nik=` (every month partition), for 20,000
 * random NIKs in turn, one query per request (the service batches them: NikLookupBatch); then the same query with `AND s.month = '2026-05'`
 * (one month partition only), to show what the partition count costs.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { pageUnlessStale, SPLITS_FROM, SPLITS_ORDER_FOR_NIK, SPLITS_SELECT } from '../src/funding/sql/splits.sql.js';
import { BASE_URL, sampleNiks, urlFor } from './bench-support.js';
import { type SplitLookup, startNest } from './http-floor.nest.js';
import { type LoadJob, loadInChild, loadLine, measured } from './load-in-child.js';

/** SplitsService's page for a NIK filter (`extra` = more WHERE clauses), as one prepared round trip. */
const splitsByNik = (extra = '') =>
  pageUnlessStale(`${SPLITS_SELECT} ${SPLITS_FROM}\n WHERE s.nik = $1${extra} ${SPLITS_ORDER_FOR_NIK} LIMIT $2 OFFSET $3`);

/** 2 s warm-up, then 10 s measured: one printed line. */
async function floor(label: string, job: Omit<LoadJob, 'duration'>): Promise<void> {
  await loadInChild({ ...job, duration: 2 }); // warm-up
  console.log(loadLine(label, await measured(() => loadInChild({ ...job, duration: 10 })), 'server'));
}

async function bareNodeHttp(): Promise<void> {
  const pool = new pg.Pool({ connectionString: BASE_URL, max: 10 });
  const server = http.createServer((_req, res) => {
    pool.query('SELECT 1').then(
      () => res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"status":"ok"}'),
      () => res.writeHead(503).end(),
    );
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  try {
    await floor('bare node:http + pg SELECT 1', { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, paths: ['/health'] });
  } finally {
    server.close();
    await pool.end();
  }
}

/** The Nest app of http-floor.nest.ts on `adapter`, its pool on `url`, loaded on `paths`. */
async function nest(label: string, url: string, paths: string[], lookup?: SplitLookup): Promise<void> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  try {
    const { app, base } = await startNest(pool, lookup);
    try {
      await floor(label, { base, paths });
    } finally {
      await app.close();
    }
  } finally {
    await pool.end();
  }
}

/** The service's split lookup on BENCH_DB, one query per request, then restricted to one month partition. */
async function splitLookups(db: string): Promise<void> {
  const url = urlFor(db);
  const paths = (await sampleNiks(url)).map((nik) => `/splits?nik=${nik}`);
  await nest(`Nest + Fastify, GET /splits?nik= (the service's split lookup, every month partition)`, url, paths, { name: 'splits_by_nik', text: splitsByNik() });
  const oneMonth = { name: 'splits_by_nik_2026_05', text: splitsByNik(` AND s.month = '2026-05'`) };
  await nest(`Nest + Fastify, GET /splits?nik= one month partition only (AND s.month = '2026-05')`, url, paths, oneMonth);
}

async function main(): Promise<void> {
  await bareNodeHttp();
  await nest('Nest + Fastify, one route + pg SELECT 1', BASE_URL, ['/health']);
  if (process.env.BENCH_DB) await splitLookups(process.env.BENCH_DB);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
