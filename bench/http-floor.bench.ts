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
 * 2. Nest + Express (Nest's default adapter), one `@Get('health')` route (http-floor.nest.ts);
 * 3. the same Nest module on `FastifyAdapter` (@nestjs/platform-fastify: a dev dependency used
 *    by this bench only; the service itself runs on Express).
 *
 * With BENCH_DB=<name> (a database left by `BENCH_KEEP=1 npm run bench:allocate`, on BASE_URL's
 * server), also the service's split lookup: `GET /splits?nik=` runs, as a named prepared statement,
 * the text SplitsService runs for `GET /api/v1/splits?nik=` (every month partition), for 20,000
 * random NIKs in turn, on both adapters; then on Fastify the same query with `AND s.month = '2026-05'`
 * (one month partition only), to show what the partition count costs.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { pageUnlessStale, SPLITS_FROM, SPLITS_ORDER_FOR_NIK, SPLITS_SELECT } from '../src/funding/sql/splits.sql.js';
import { BASE_URL, sampleNiks, urlFor } from './bench-support.js';
import { type Adapter, type SplitLookup, startNest } from './http-floor.nest.js';
import { type LoadJob, loadInChild, loadLine, measured } from './load-in-child.js';

const ADAPTERS: Adapter[] = ['Express', 'Fastify'];

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
async function nest(label: string, adapter: Adapter, url: string, paths: string[], lookup?: SplitLookup): Promise<void> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  try {
    const { app, base } = await startNest(adapter, pool, lookup);
    try {
      await floor(label, { base, paths });
    } finally {
      await app.close();
    }
  } finally {
    await pool.end();
  }
}

/** The service's split lookup on BENCH_DB, on both adapters, then restricted to one month partition. */
async function splitLookups(db: string): Promise<void> {
  const url = urlFor(db);
  const paths = (await sampleNiks(url)).map((nik) => `/splits?nik=${nik}`);
  for (const adapter of ADAPTERS) {
    const label = `Nest + ${adapter}, GET /splits?nik= (the service's split lookup, every month partition)`;
    await nest(label, adapter, url, paths, { name: 'splits_by_nik', text: splitsByNik() });
  }
  const oneMonth = { name: 'splits_by_nik_2026_05', text: splitsByNik(` AND s.month = '2026-05'`) };
  await nest(`Nest + Fastify, GET /splits?nik= one month partition only (AND s.month = '2026-05')`, 'Fastify', url, paths, oneMonth);
}

async function main(): Promise<void> {
  await bareNodeHttp();
  for (const adapter of ADAPTERS) await nest(`Nest + ${adapter}, one route + pg SELECT 1`, adapter, BASE_URL, ['/health']);
  if (process.env.BENCH_DB) await splitLookups(process.env.BENCH_DB);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
