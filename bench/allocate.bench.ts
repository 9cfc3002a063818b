/**
 * `npm run bench:allocate` (PostgreSQL; DATABASE_URL or postgres://root@127.0.0.1:5432/postgres).
 *
 * 1. One month for 1,000,000 covered participants and 300 pledges of mixed scopes: obligations +
 *    allocation + splits written (AllocateMonth.execute), against a `COPY` of the same number of
 *    split rows into an unindexed table, in the same run. Target: ratio ≤ 5.
 * 2. The 11 other months of the year allocated, then the real HTTP app serves
 *    `GET /api/v1/splits?nik=` to 50 concurrent clients (autocannon). Target: p99 < 20 ms.
 *
 * Creates and drops its own database. BENCH_PARTICIPANTS overrides the register size.
 */
import 'reflect-metadata';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import autocannon from 'autocannon';
import pg from 'pg';
import pgCopy from 'pg-copy-streams';
import { AppModule } from '../src/app.module.js';
import { loadConfig } from '../src/common/config/app-config.js';
import { configureApp } from '../src/configure-app.js';
import { AllocateMonth } from '../src/funding/use-cases/allocate-month.use-case.js';
import { Role } from '../src/users/role.js';
import { UsersService } from '../src/users/users.service.js';
import { BENCH_PLEDGES, BENCH_REGISTER } from './allocate.bench.sql.js';
import { admin, seconds, timed, urlFor } from './bench-support.js';

const PARTICIPANTS = Number(process.env.BENCH_PARTICIPANTS ?? 1_000_000);
const DB = `jamkesda_bench_allocate_${Date.now()}`;

/** The split rows of `month` as COPY text (read before timing), then COPY'd into an unindexed table. */
async function copyBaseline(url: string, month: string): Promise<{ rows: number; ms: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const chunks: Buffer[] = [];
    const out = client.query(pgCopy.to(`COPY (SELECT month, nik, pledge_code, pledge_revision, amount FROM split WHERE month = '${month}') TO STDOUT`));
    for await (const chunk of out) chunks.push(chunk as Buffer);
    const [{ n }] = (await client.query(`SELECT count(*)::int AS n FROM split WHERE month = '${month}'`)).rows;
    await client.query('CREATE TABLE copy_baseline (month text, nik text, pledge_code text, pledge_revision integer, amount bigint)');
    const [, ms] = await timed(() => pipeline(Readable.from(chunks), client.query(pgCopy.from('COPY copy_baseline FROM STDIN'))));
    await client.query('DROP TABLE copy_baseline');
    return { rows: n, ms };
  } finally {
    await client.end();
  }
}

async function splitsQueryLoad(app: INestApplication, niks: string[]): Promise<void> {
  await app.get(UsersService).create('bench-auditor', 'bench-password-1234', Role.AUDITOR);
  const url = await app.getUrl();
  const base = url.replace('[::1]', '127.0.0.1');
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'bench-auditor', password: 'bench-password-1234' }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  let k = 0;
  const run = (duration: number) =>
    autocannon({
      url: base,
      connections: 50,
      duration,
      headers: { Authorization: `Bearer ${accessToken}` },
      requests: [{ method: 'GET', setupRequest: (req: { path: string }) => ({ ...req, path: `/api/v1/splits?nik=${niks[k++ % niks.length]}` }) }],
    });
  await run(3); // warm-up
  const result = await run(15);
  console.log(
    `GET /api/v1/splits?nik= at 50 connections, 15 s: ${result.requests.average.toFixed(0)} req/s, latency p50 ${result.latency.p50} ms, ` +
      `p90 ${result.latency.p90} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms; non-2xx ${result.non2xx}, errors ${result.errors}` +
      ` (target p99 < 20 ms: ${result.errors === 0 && result.non2xx === 0 && result.latency.p99 < 20 ? 'met' : 'NOT met'})`,
  );
}

async function main(): Promise<void> {
  await admin(`CREATE DATABASE ${DB}`);
  const url = urlFor(DB);
  const config = loadConfig({ JWT_SECRET: 'bench-secret-bench-secret-bench-secret!', DATABASE_URL: url, LOG_LEVEL: 'silent', SCHEDULER_ENABLED: 'false' });
  const app = configureApp(await NestFactory.create(AppModule.forRoot({ config }), { bodyParser: false, logger: process.env.BENCH_DEBUG ? ['error', 'debug'] : ['error'] }));
  try {
    await app.listen(0, '127.0.0.1');
    const setup = new pg.Client({ connectionString: url });
    setup.on('error', () => undefined);
    await setup.connect();
    const [, registerMs] = await timed(() => setup.query(BENCH_REGISTER, [PARTICIPANTS]));
    await setup.query(BENCH_PLEDGES, [PARTICIPANTS]);
    await setup.query('ANALYZE');
    const [{ pledges }] = (await setup.query('SELECT count(*)::int AS pledges FROM pledge')).rows;
    const niks: string[] = (await setup.query('SELECT nik FROM participant ORDER BY random() LIMIT 20000')).rows.map((r: { nik: string }) => r.nik);
    await setup.end();
    console.log(`Register: ${PARTICIPANTS.toLocaleString('en')} participants inserted in ${seconds(registerMs)}; ${pledges} pledges of fiscal year 2026`);

    const allocateMonth = app.get(AllocateMonth);
    const [summary, allocMs] = await timed(() => allocateMonth.execute({ month: '2026-01', actor: 'bench' }));
    const funded = summary.funded.reduce((s, f) => s + f.participants, 0);
    console.log(
      `2026-01 obligations + allocation + splits written: ${seconds(allocMs)} (${summary.participants.toLocaleString('en')} obligations, ` +
        `${funded.toLocaleString('en')} splits, ${summary.unfunded.participants.toLocaleString('en')} unfunded)`,
    );
    const copy = await copyBaseline(url, '2026-01');
    const ratio = allocMs / copy.ms;
    console.log(`COPY of the same ${copy.rows.toLocaleString('en')} split rows into an unindexed table: ${seconds(copy.ms)}`);
    console.log(`Ratio allocation / COPY: ${ratio.toFixed(2)}× (target ≤ 5×: ${ratio <= 5 ? 'met' : 'NOT met'})`);

    const [, yearMs] = await timed(() => allocateMonth.execute({ month: '2026-12', actor: 'bench' }));
    console.log(`2026-02..2026-12 allocated (earlier months first, one call): ${seconds(yearMs)} (${seconds(yearMs / 11)} per month)`);
    await splitsQueryLoad(app, niks);
  } catch (err) {
    console.error(err);
    process.exitCode = 1;
  } finally {
    await app.close();
    await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
