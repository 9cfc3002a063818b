/**
 * `npm run bench:reconcile` (PostgreSQL; DATABASE_URL or postgres://root@127.0.0.1:5432/postgres).
 *
 * One month (2026-01) of 1,000,000 participants against a 1,000,000-line BPJS bill with anomalies
 * of every §7 category, a PBI-APBN list and payments. Setup (not timed): register, 300 pledges,
 * the month's allocation (AllocateMonth.execute), the bill, the list, ANALYZE.
 *
 * Timed: ReconcileMonth.execute (the whole run in its transaction: allocation check, categories,
 * findings written, summary, payment statuses, checksums), against a `COPY` of the same bill lines
 * into an unindexed table, in the same run. Target: ratio ≤ 5.
 *
 * BENCH_PARTS=closed-months runs instead what a December run spends comparing the closed months (23 of them, 2025-01
 * to 2026-11, with late register changes: reconcile.closed-months.ts), the rows found checked against the changes made,
 * then the whole December run (BENCH_DECEMBER_RUN=0 leaves it out); BENCH_PARTS=january,closed-months runs both, each
 * in a database of its own. The default is january, the part above.
 *
 * Creates and drops its own database (BENCH_KEEP_DB=1 keeps it). BENCH_PARTICIPANTS overrides the size.
 */
import 'reflect-metadata';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import pg from 'pg';
import pgCopy from 'pg-copy-streams';
import { AppModule } from '../src/app.module.js';
import { loadConfig } from '../src/common/config/app-config.js';
import { AllocateMonth } from '../src/funding/use-cases/allocate-month.use-case.js';
import { FundingWorker } from '../src/funding/worker/funding-worker.js';
import { ReconciliationRuns } from '../src/reconciliation/reconciliation-runs.service.js';
import { ReconcileMonth } from '../src/reconciliation/use-cases/reconcile-month.use-case.js';
import { BENCH_PLEDGES } from './allocate.bench.sql.js';
import { BENCH_RECON_BILL_LINES, BENCH_RECON_PBI, BENCH_RECON_REGISTER } from './reconcile.bench.sql.js';
import { closedMonthsPart } from './reconcile.closed-months.js';
import { admin, seconds, timed, urlFor } from './bench-support.js';
import { RECORD_CURRENT_REVISIONS } from '../test/support/pledge-revisions.sql.js';

const PARTICIPANTS = Number(process.env.BENCH_PARTICIPANTS ?? 1_000_000);
const LINES = PARTICIPANTS;
const MONTH = '2026-01';
const PARTS = (process.env.BENCH_PARTS ?? 'january').split(',').map((p) => p.trim());

/** The bill's lines as COPY text (read before timing), then COPY'd into an unindexed table. */
async function copyBaseline(client: pg.Client, billId: string): Promise<{ rows: number; ms: number }> {
  const chunks: Buffer[] = [];
  const out = client.query(pgCopy.to(`COPY (SELECT bill_id, row_number, noka, nik, name, amount FROM bill_line WHERE bill_id = '${billId}') TO STDOUT`));
  for await (const chunk of out) chunks.push(chunk as Buffer);
  await client.query('CREATE TABLE copy_baseline (bill_id uuid, row_number integer, noka text, nik text, name text, amount bigint)');
  const [, ms] = await timed(() => pipeline(Readable.from(chunks), client.query(pgCopy.from('COPY copy_baseline FROM STDIN'))));
  const [{ n }] = (await client.query('SELECT count(*)::int AS n FROM copy_baseline')).rows;
  await client.query('DROP TABLE copy_baseline');
  return { rows: n, ms };
}

/** Runs `part` on a database of its own, made and dropped here, with the app booted on it and a setup connection. */
async function inDatabase(part: (app: INestApplicationContext, setup: pg.Client) => Promise<void>): Promise<void> {
  const db = `jamkesda_bench_reconcile_${Date.now()}`;
  await admin(`CREATE DATABASE ${db}`);
  const url = urlFor(db);
  const config = loadConfig({ JWT_SECRET: 'bench-secret-bench-secret-bench-secret!', DATABASE_URL: url, LOG_LEVEL: 'silent', SCHEDULER_ENABLED: 'false' });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ config }), { logger: ['error'] });
  const setup = new pg.Client({ connectionString: url });
  try {
    // a run allocates its month in the funding worker's thread first (ReconcileMonth, MONTH_ALLOCATOR.bringCurrent):
    // the thread started here, its start printed apart, as bench:allocate does (the first job after 10 idle minutes
    // pays it once in the service)
    const worker = app.get(FundingWorker);
    const [, startMs] = await timed(() => worker.start());
    if (worker.inThread) console.log(`Setup: funding worker thread started in ${seconds(startMs)} (not timed below)`);
    await setup.connect();
    await part(app, setup);
  } finally {
    await setup.end().catch(() => undefined);
    await app.close();
    if (process.env.BENCH_KEEP_DB) console.log(`Kept database ${db}`);
    else await admin(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
  }
}

async function main(): Promise<void> {
  for (const part of PARTS) {
    if (part === 'january') await inDatabase(januaryPart);
    else if (part === 'closed-months') await inDatabase((app, setup) => closedMonthsPart(app, setup, PARTICIPANTS));
    else throw new Error(`BENCH_PARTS: unknown part ${part} (january, closed-months)`);
  }
}

/** The month 2026-01 against a COPY of its bill (the header comment). */
async function januaryPart(app: INestApplicationContext, setup: pg.Client): Promise<void> {
  const [, registerMs] = await timed(() => setup.query(BENCH_RECON_REGISTER, [PARTICIPANTS]));
  await setup.query(BENCH_PLEDGES, [PARTICIPANTS]);
  await setup.query(RECORD_CURRENT_REVISIONS);
  await setup.query('ANALYZE');
  console.log(`Setup: ${PARTICIPANTS.toLocaleString('en')} participants in ${seconds(registerMs)}`);

  const [allocation, allocMs] = await timed(() => app.get(AllocateMonth).execute({ month: MONTH, actor: 'bench' }));
  console.log(`Setup: ${MONTH} allocation (not timed below) in ${seconds(allocMs)}: ${allocation.participants.toLocaleString('en')} obligations`);

  const billed = PARTICIPANTS - Math.floor(PARTICIPANTS / 1111) + Math.floor(PARTICIPANTS / 5000);
  const unregistered = Math.max(500, LINES - billed);
  const [{ id: billId }] = (
    await setup.query(`INSERT INTO bill (month, version, invoice_total, checksum, filename, uploaded_by) VALUES ($1, 1, 0, 'bench', 'bench.csv', 'bench') RETURNING id`, [MONTH])
  ).rows;
  const [, billMs] = await timed(() => setup.query(BENCH_RECON_BILL_LINES, [billId, PARTICIPANTS, unregistered]));
  await setup.query(
    `UPDATE bill b SET lines = s.n, lines_total = s.total, invoice_total = s.total + 37800
     FROM (SELECT count(*) AS n, sum(amount) AS total FROM bill_line WHERE bill_id = $1) s WHERE b.id = $1`,
    [billId],
  );
  const [{ id: listId }] = (await setup.query(`INSERT INTO pbi_apbn_list (month, version, checksum, filename, uploaded_by) VALUES ($1, 1, 'bench', 'pbi.csv', 'bench') RETURNING id`, [MONTH])).rows;
  await setup.query(BENCH_RECON_PBI, [listId, PARTICIPANTS]);
  await setup.query(
    `INSERT INTO payment (pledge_code, month, amount, paid_at, reference, created_by)
     SELECT pledge_code, $1, sum(amount) - CASE WHEN pledge_code LIKE 'TJSLP%' THEN 1000 ELSE 0 END, date '2026-01-08' + (length(pledge_code) % 5), 'SP2D ' || pledge_code, 'bench'
     FROM split WHERE month = $1 AND pledge_code NOT LIKE 'DESA-170301%' GROUP BY pledge_code`,
    [MONTH],
  );
  await setup.query('ANALYZE');
  const [{ lines }] = (await setup.query('SELECT count(*)::int AS lines FROM bill_line WHERE bill_id = $1', [billId])).rows;
  console.log(`Setup: bill of ${lines.toLocaleString('en')} lines in ${seconds(billMs)}; PBI-APBN list; payments`);

  const copy = await copyBaseline(setup, billId);
  const [run, reconcileMs] = await timed(() => app.get(ReconcileMonth).execute({ month: MONTH, actor: 'bench' }));
  const summary = await app.get(ReconciliationRuns).get(run.id);
  const [, secondMs] = await timed(() => app.get(ReconcileMonth).execute({ month: MONTH, actor: 'bench' }));

  console.log(`\nCOPY of ${copy.rows.toLocaleString('en')} bill lines into an unindexed table: ${seconds(copy.ms)}`);
  console.log(`Reconciliation of ${MONTH} (ReconcileMonth.execute, one transaction): ${seconds(reconcileMs)} (second run: ${seconds(secondMs)})`);
  const ratio = reconcileMs / copy.ms;
  console.log(`Ratio reconciliation / COPY: ${ratio.toFixed(2)}x (target <= 5x: ${ratio <= 5 ? 'met' : 'NOT met'})`);
  console.log(`Findings: ${JSON.stringify(summary.findings)}`);
  console.log(`Bill: ${JSON.stringify(summary.bill)}; unfunded: ${JSON.stringify(summary.unfunded)}; pledges paying: ${summary.payments?.length}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
