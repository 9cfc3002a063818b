/**
 * `npm run bench:allocate` (PostgreSQL; DATABASE_URL or postgres://root@127.0.0.1:5432/postgres).
 *
 * 1. One month for 1,000,000 covered participants and 300 pledges of mixed scopes: obligations +
 *    allocation + splits written, against a `COPY` of the same number of split rows into an unindexed
 *    table, in the same run. Target: ratio ≤ 5. The month is allocated as POST /api/v1/allocations does
 *    (FundingWorker: in its worker thread, started beforehand and timed apart; ALLOCATION_WORKER=false
 *    allocates in this process, as the service did before).
 * 2. The year's projection timed (January allocated, eleven months projected), the 11 other months
 *    of the year allocated, then the real HTTP app serves
 *    `GET /api/v1/splits?nik=` to 50 concurrent clients (autocannon, in a child process), next to
 *    the `/health` floor (see splitsQueryLoad). Target: p99 < 20 ms. Then the same load again on a
 *    service started afresh on the year (this script as a child, BENCH_DB), as after a restart: a
 *    process that has allocated a year itself answers more slowly (README, funding figures).
 * 3. July–December marked STALE, and one lookup that recomputes them before it answers (staleRead): its time, and
 *    how long this process's thread was held meanwhile.
 *
 * Creates and drops its own database. BENCH_PARTICIPANTS overrides the register size; BENCH_KEEP=1
 * keeps the database, and BENCH_DB=<that name> then runs part 2's load only, on it. BENCH_PARTS=allocate
 * stops after part 1.
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { INestApplication } from '@nestjs/common';
import pg from 'pg';
import pgCopy from 'pg-copy-streams';
import { loadConfig } from '../src/common/config/app-config.js';
import { createApp } from '../src/configure-app.js';
import { FundingWorker } from '../src/funding/worker/funding-worker.js';
import { Role } from '../src/users/role.js';
import { UsersService } from '../src/users/users.service.js';
import { BENCH_PLEDGES, BENCH_REGISTER } from './allocate.bench.sql.js';
import { admin, sampleNiks, seconds, timed, urlFor } from './bench-support.js';
import { cpuReading, cpuSince, describeCpu, type CpuReading } from './cpu-time.js';
import { loadInChild, loadLine, measured } from './load-in-child.js';
import { RECORD_CURRENT_REVISIONS } from '../test/support/pledge-revisions.sql.js';

const PARTICIPANTS = Number(process.env.BENCH_PARTICIPANTS ?? 1_000_000);
/** BENCH_DB=<name> reuses a database a BENCH_KEEP=1 run left behind and measures the split queries only. */
const REUSED_DB = process.env.BENCH_DB;
const DB = REUSED_DB ?? `jamkesda_bench_allocate_${Date.now()}`;

/**
 * The split rows of `month` as COPY text (read before timing), then COPY'd into an unindexed table:
 * three times, each after a CHECKPOINT (as before the allocation), and the median taken. A single
 * COPY right after the allocation read anywhere from 0.39 to 0.69 s: the first one paid for what
 * the allocation left behind (garbage to collect in this process), the next ones did not.
 */
async function copyBaseline(url: string, month: string): Promise<{ rows: number; ms: number; runs: number[]; cpu: CpuReading }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const chunks: Buffer[] = [];
    const out = client.query(pgCopy.to(`COPY (SELECT month, nik, pledge_code, pledge_revision, amount FROM split WHERE month = '${month}') TO STDOUT`));
    for await (const chunk of out) chunks.push(chunk as Buffer);
    const [{ n }] = (await client.query(`SELECT count(*)::int AS n FROM split WHERE month = '${month}'`)).rows;
    const runs: number[] = [];
    const cpu: CpuReading[] = [];
    for (let run = 0; run < 3; run++) {
      await client.query('CREATE TABLE copy_baseline (month text, nik text, pledge_code text, pledge_revision integer, amount bigint)');
      await client.query('CHECKPOINT');
      const before = cpuReading();
      const [, ms] = await timed(() => pipeline(Readable.from(chunks), client.query(pgCopy.from('COPY copy_baseline FROM STDIN'))));
      cpu.push(cpuSince(before));
      await client.query('DROP TABLE copy_baseline');
      runs.push(ms);
    }
    const median = [...runs].sort((a, b) => a - b)[1];
    return { rows: n, ms: median, runs, cpu: cpu[runs.indexOf(median)] };
  } finally {
    await client.end();
  }
}

/**
 * Part 2, two runs of 50 connections against the real HTTP app, each client sending its next
 * request as soon as the last returns:
 * - `GET /health`: the floor of this machine and framework (one `SELECT 1`, no auth);
 * - `GET /api/v1/splits?nik=` for NIKs drawn from the whole register.
 * (autocannon's fixed-rate mode was tried and dropped: its 50 connections fire on the same timer
 * ticks, so a paced run measures bursts of 50 simultaneous requests, not a steadier load.)
 */
async function splitsQueryLoad(app: INestApplication, niks: string[]): Promise<void> {
  const { base, accessToken } = await auditorLogin(app);
  const splits = { base, accessToken, paths: niks.map((nik) => `/api/v1/splits?nik=${nik}`) };
  await loadInChild({ ...splits, duration: 3 }); // warm-up

  report('GET /health (floor: no auth, SELECT 1) flat out', await measured(() => loadInChild({ base, paths: ['/health'], duration: 10 })));
  report('GET /api/v1/splits?nik= flat out', await measured(() => loadInChild({ ...splits, duration: 15 })));
  await new Promise((settle) => setTimeout(settle, 1000)); // requests cut off by the end of a run finish before the app closes
}

/** The app's origin and an auditor's access token (the user created on first use). */
async function auditorLogin(app: INestApplication): Promise<{ base: string; accessToken: string }> {
  const users = app.get(UsersService);
  if (!(await users.findWithHash('bench-auditor'))) await users.create('bench-auditor', 'bench-password-1234', Role.AUDITOR);
  const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'bench-auditor', password: 'bench-password-1234' }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  return { base, accessToken };
}

/**
 * Part 3: July–December marked STALE (as a register change of those months would), then one `GET /splits?nik=`,
 * which recomputes them before answering (AllocateMonth.refreshStale: in the funding worker's thread, or in this
 * process with ALLOCATION_WORKER=false), timed, with this process's event-loop delay meanwhile: how long any other
 * request would have waited for its thread.
 */
async function staleRead(app: INestApplication, url: string, nik: string): Promise<void> {
  const { base, accessToken } = await auditorLogin(app);
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  await db.query(`UPDATE allocation_month SET status = 'STALE' WHERE month >= '2026-07'`);
  await db.end();
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const [answer, ms] = await timed(async () => (await fetch(`${base}/api/v1/splits?nik=${nik}`, { headers: { Authorization: `Bearer ${accessToken}` } })).json());
  delay.disable();
  const { recomputedMonths } = answer as { recomputedMonths?: string[] };
  if (!recomputedMonths) throw new Error(`the lookup that found months STALE answered ${JSON.stringify(answer)}`);
  console.log(`GET /api/v1/splits?nik= that found 2026-07..2026-12 STALE: answered in ${seconds(ms)}, ${recomputedMonths.length} months recomputed first`);
  console.log(`  this process's event loop meanwhile: delay p99 ${(delay.percentile(99) / 1e6).toFixed(0)} ms, max ${(delay.max / 1e6).toFixed(0)} ms`);
}

/** The lookups measured again by this script in a child process on the kept year (BENCH_DB), its lines prefixed. */
async function freshProcessLoad(db: string): Promise<void> {
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], { env: { ...process.env, BENCH_DB: db, BENCH_FRESH: '1' }, stdio: ['ignore', 'pipe', 'inherit'] });
  child.stdout.setEncoding('utf8');
  let rest = '';
  child.stdout.on('data', (chunk: string) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop()!;
    for (const line of lines) if (line) console.log(`  a fresh service process: ${line}`);
  });
  const code = await new Promise<number | null>((settle) => child.on('close', settle));
  if (code !== 0) throw new Error(`the fresh service process exited ${code}`);
}

function report(label: string, r: Awaited<ReturnType<typeof measured>>): void {
  const ok = r.errors === 0 && r.non2xx === 0 && r.latency.p99 < 20;
  console.log(`${loadLine(label, r, 'service')} (p99 < 20 ms: ${ok ? 'yes' : 'NO'})`);
}

async function main(): Promise<void> {
  if (!REUSED_DB) await admin(`CREATE DATABASE ${DB}`);
  const url = urlFor(DB);
  const config = loadConfig({
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret!',
    DATABASE_URL: url,
    LOG_LEVEL: 'silent',
    SCHEDULER_ENABLED: 'false',
    ALLOCATION_WORKER: process.env.ALLOCATION_WORKER,
  });
  const app = await createApp(config, process.env.BENCH_DEBUG ? ['error', 'debug'] : ['error']);
  let closed = false;
  try {
    await app.listen(0, '127.0.0.1');
    if (REUSED_DB) return await splitsQueryLoad(app, await sampleNiks(url));
    const setup = new pg.Client({ connectionString: url });
    setup.on('error', () => undefined);
    await setup.connect();
    const [, registerMs] = await timed(() => setup.query(BENCH_REGISTER, [PARTICIPANTS]));
    await setup.query(BENCH_PLEDGES, [PARTICIPANTS]);
    await setup.query(RECORD_CURRENT_REVISIONS);
    // as autovacuum would after a bulk load (hint bits set, statistics current), and its dirty pages
    // flushed, so that the allocation measured does not pay for writing the synthetic register
    await setup.query('VACUUM ANALYZE');
    await setup.query('CHECKPOINT');
    const [{ pledges }] = (await setup.query('SELECT count(*)::int AS pledges FROM pledge')).rows;
    await setup.end();
    console.log(`Register: ${PARTICIPANTS.toLocaleString('en')} participants inserted in ${seconds(registerMs)}; ${pledges} pledges of fiscal year 2026`);

    const worker = app.get(FundingWorker);
    const [, startMs] = await timed(() => worker.start());
    console.log(worker.inThread ? `Funding worker thread started in ${seconds(startMs)}` : 'Allocating in this process (ALLOCATION_WORKER=false)');
    const before = cpuReading();
    const [summary, allocMs] = await timed(() => worker.allocate({ month: '2026-01', actor: 'bench' }));
    const allocCpu = cpuSince(before);
    const funded = summary.funded.reduce((s, f) => s + f.participants, 0);
    console.log(
      `2026-01 obligations + allocation + splits written: ${seconds(allocMs)} (${summary.participants.toLocaleString('en')} obligations, ` +
        `${funded.toLocaleString('en')} splits, ${summary.unfunded.participants.toLocaleString('en')} unfunded)`,
    );
    const copy = await copyBaseline(url, '2026-01');
    const ratio = allocMs / copy.ms;
    console.log(
      `COPY of the same ${copy.rows.toLocaleString('en')} split rows into an unindexed table: ${seconds(copy.ms)} ` +
        `(median of ${copy.runs.map((ms) => seconds(ms)).join(', ')})`,
    );
    console.log(`Ratio allocation / COPY: ${ratio.toFixed(2)}× (target ≤ 5×: ${ratio <= 5 ? 'met' : 'NOT met'})`);
    console.log(`  the allocation's ${describeCpu(allocCpu, allocMs, copy.ms)}`);
    console.log(`  the median COPY's ${describeCpu(copy.cpu, copy.ms)}`);
    if (process.env.BENCH_PARTS === 'allocate') return; // part 1 only (while iterating on the allocation)

    // the year's projection with January allocated: eleven months read and allocated in memory, nothing written
    const [projection, projectionMs] = await timed(() => worker.project(2026));
    const projected = projection.months.filter((m) => m.basis === 'PROJECTED').length;
    console.log(`Projection of 2026 (GET /api/v1/projections): ${seconds(projectionMs)} for ${projected} months projected (${seconds(projectionMs / projected)} per month)`);

    // how long a request arriving meanwhile would have waited for this process's thread (event-loop delay)
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const [, yearMs] = await timed(() => worker.allocate({ month: '2026-12', actor: 'bench' }));
    delay.disable();
    console.log(`2026-02..2026-12 allocated (earlier months first, one call): ${seconds(yearMs)} (${seconds(yearMs / 11)} per month)`);
    console.log(`  this process's event loop meanwhile: delay p99 ${(delay.percentile(99) / 1e6).toFixed(0)} ms, max ${(delay.max / 1e6).toFixed(0)} ms`);
    const niks = await sampleNiks(url);
    await splitsQueryLoad(app, niks);
    await staleRead(app, url, niks[0]);
    await app.close();
    closed = true;
    await freshProcessLoad(DB);
  } catch (err) {
    console.error(err);
    process.exitCode = 1;
  } finally {
    if (!closed) await app.close();
    await leaveDatabase();
  }
}

/** The database after a run: kept (BENCH_KEEP, BENCH_DB) or dropped; a full run's fresh-process child leaves it to its parent. */
async function leaveDatabase(): Promise<void> {
  if (process.env.BENCH_FRESH) return;
  if (process.env.BENCH_KEEP || REUSED_DB) console.log(`database kept: BENCH_DB=${DB}`);
  else await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
