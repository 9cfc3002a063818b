/**
 * `npm run bench:workbook` (PostgreSQL; DATABASE_URL or postgres://root@127.0.0.1:5432/postgres).
 *
 * Sets up one month of 1,000,000 participant-months (generate_series, bench/workbook.bench.sql.ts),
 * then, each in its own child process so memory is measured alone:
 *  - writer: the real reconciliation workbook (WriteReconciliationWorkbook: 8 sheets, Rincian
 *    Peserta read by keyset pages from PostgreSQL, styles, totals) streamed to a file; peak RSS.
 *  - bare: a bare ExcelJS streaming write (no styles, one sheet) of the same 1,000,000 rows,
 *    already in memory (loaded before timing).
 * Targets: writer time ≤ 1.5 × bare time; writer peak RSS < 400 MB.
 * Creates and drops its own database. BENCH_PARTICIPANTS overrides the size.
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NestFactory } from '@nestjs/core';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { AppModule } from '../src/app.module.js';
import { loadConfig } from '../src/common/config/app-config.js';
import { ReportQueries, type ParticipantMonthRow } from '../src/reports/data/report-queries.js';
import { RINCIAN_COLUMNS } from '../src/reports/reconciliation-workbook/rincian-peserta.sheet.js';
import { WriteReconciliationWorkbook } from '../src/reports/use-cases/write-reconciliation-workbook.use-case.js';
import { RegionsService } from '../src/regions/regions.service.js';
import { BENCH_FINDINGS, BENCH_RUN, BENCH_SETUP } from './workbook.bench.sql.js';

const PARTICIPANTS = Number(process.env.BENCH_PARTICIPANTS ?? 1_000_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const BASE_URL = process.env.DATABASE_URL || 'postgres://root@127.0.0.1:5432/postgres';
const urlFor = (db: string) => Object.assign(new URL(BASE_URL), { pathname: `/${db}` }).toString();
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function sql(url: string, text: string, params: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text, params);
  } finally {
    await client.end();
  }
}

async function appContext(url: string) {
  const config = loadConfig({ JWT_SECRET: 'bench-secret-bench-secret-bench-secret!', DATABASE_URL: url, LOG_LEVEL: 'silent', SCHEDULER_ENABLED: 'false' });
  return NestFactory.createApplicationContext(AppModule.forRoot({ config }), { logger: ['error'] });
}

/** Peak RSS sampled every 50 ms, and the kernel's own maximum. */
function rssWatch(): () => number {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  return () => {
    clearInterval(timer);
    return Math.max(peak, process.resourceUsage().maxRSS * 1024);
  };
}

/** Child: the real workbook writer. */
async function writerChild(url: string, runId: string, out: string): Promise<void> {
  const app = await appContext(url);
  const writer = app.get(WriteReconciliationWorkbook);
  const stopWatch = rssWatch();
  const start = performance.now();
  await writer.execute({ runId, destination: createWriteStream(out) });
  const ms = performance.now() - start;
  const peak = stopWatch();
  await app.close();
  console.log(JSON.stringify({ ms, peakRss: peak, bytes: statSync(out).size }));
}

/** Child: bare ExcelJS streaming write of the same rows (read into memory before the clock starts). */
async function bareChild(url: string, out: string): Promise<void> {
  const app = await appContext(url);
  const queries = app.get(ReportQueries);
  const villages = new Map((await app.get(RegionsService).villages()).map((v) => [v.code, v]));
  const rows: unknown[][] = [];
  let after = '';
  let no = 0;
  for (;;) {
    const page: ParticipantMonthRow[] = await queries.participantMonthsPage('2026-10', after, 20000, new Date());
    if (page.length === 0) break;
    for (const r of page) {
      const v = villages.get(r.villageCode);
      const [y, m, d] = r.tmt.split('-').map(Number);
      rows.push([++no, r.nik, r.noka, r.name, r.villageCode, v?.name, v?.kecamatanName, new Date(Date.UTC(y, m - 1, d)), r.amount, r.apbd, r.apbdProv, r.desa, r.tjslp, r.unfunded, r.pledges]);
    }
    after = page[page.length - 1].nik;
  }
  await app.close();
  const start = performance.now();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out });
  const ws = wb.addWorksheet('Rincian Peserta');
  ws.addRow(RINCIAN_COLUMNS.map((c) => c.header)).commit();
  for (const r of rows) ws.addRow(r).commit();
  ws.commit();
  await wb.commit();
  const ms = performance.now() - start;
  console.log(JSON.stringify({ ms, rows: rows.length, bytes: statSync(out).size }));
}

function child(args: string[]): Promise<Record<string, number>> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [fileURLToPath(import.meta.url), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    proc.stdout.on('data', (c: Buffer) => (output += c.toString()));
    proc.on('exit', (code) => {
      const line = output.trim().split('\n').pop() ?? '';
      if (code !== 0) reject(new Error(`child ${args[0]} exited ${code}: ${output}`));
      else resolve(JSON.parse(line));
    });
  });
}

async function main(): Promise<void> {
  const db = `jamkesda_bench_workbook_${Date.now()}`;
  const url = urlFor(db);
  const dir = mkdtempSync(join(tmpdir(), 'bench-workbook-'));
  await sql(BASE_URL, `CREATE DATABASE ${db}`);
  try {
    console.log(`Workbook bench: ${PARTICIPANTS.toLocaleString('en')} participant-months on PostgreSQL (${db})`);
    const app = await appContext(url); // runs the migrations
    await app.close();
    let start = performance.now();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    for (const step of BENCH_SETUP) await client.query(step, step.includes('$1') ? [PARTICIPANTS] : []);
    const { rows } = await client.query(BENCH_RUN);
    const runId: string = rows[0].id;
    await client.query(BENCH_FINDINGS, [runId]);
    await client.end();
    console.log(`  setup (generate_series): ${((performance.now() - start) / 1000).toFixed(1)} s; run ${runId}`);

    start = performance.now();
    // Alternate the two, twice, and keep each one's best time: the machine is shared, so one
    // slow moment should not decide the ratio. Peak RSS is the writer's worst.
    const bares: Record<string, number>[] = [];
    const writers: Record<string, number>[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      bares.push(await child(['bare', url, join(dir, 'bare.xlsx')]));
      writers.push(await child(['writer', url, runId, join(dir, 'workbook.xlsx')]));
    }
    const bare = bares.reduce((a, b) => (b.ms < a.ms ? b : a));
    const writer: Record<string, number> = { ...writers.reduce((a, b) => (b.ms < a.ms ? b : a)), peakRss: Math.max(...writers.map((w) => w.peakRss)) };
    const ratio = writer.ms / bare.ms;
    console.log(`  times (s) bare: ${bares.map((b) => (b.ms / 1000).toFixed(2)).join(', ')}; writer: ${writers.map((w) => (w.ms / 1000).toFixed(2)).join(', ')} (best of each kept)`);
    console.log(`  bare ExcelJS streaming write, ${bare.rows.toLocaleString('en')} rows in memory, no styles: ${(bare.ms / 1000).toFixed(2)} s (${mb(bare.bytes)} file)`);
    console.log(`  reconciliation workbook (8 sheets, Rincian Peserta from PostgreSQL by keyset pages): ${(writer.ms / 1000).toFixed(2)} s (${mb(writer.bytes)} file)`);
    console.log(`  ratio writer / bare: ${ratio.toFixed(2)} (target ≤ 1.5) ${ratio <= 1.5 ? 'OK' : 'OVER TARGET'}`);
    console.log(`  writer peak RSS: ${mb(writer.peakRss)} (target < 400 MB) ${writer.peakRss < 400 * 1024 * 1024 ? 'OK' : 'OVER TARGET'}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    if (process.env.BENCH_KEEP_DB) console.log(`  kept database ${url}`);
    else await sql(BASE_URL, `DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
  }
}

const [mode, ...args] = process.argv.slice(2);
const run = mode === 'writer' ? writerChild(args[0], args[1], args[2]) : mode === 'bare' ? bareChild(args[0], args[1]) : main();
run.then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
