/**
 * `npm run bench:ingest:phases`: where the time of an enrollment upload goes (PostgreSQL).
 * Times each phase on its own over a 100,000-row .csv and .xlsx (BENCH_ROWS): checksum, parse,
 * parse + validate, + staging write; then each promotion statement on a 100k staging of new NIKs
 * (and of changed NIKs), with `EXPLAIN (ANALYZE, BUFFERS)` when BENCH_EXPLAIN=1.
 * Creates and drops its own database.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module.js';
import { loadConfig } from '../src/common/config/app-config.js';
import { SheetReader } from '../src/common/spreadsheet/sheet-reader.js';
import { ENROLLMENT_COLUMNS } from '../src/register/enrollment-columns.js';
import { EnrollmentPromoter } from '../src/register/enrollment-promoter.js';
import { StagingWriter } from '../src/register/staging-writer.js';
import { fileChecksum } from '../src/common/file-checksum.js';
import { RegionsService } from '../src/regions/regions.service.js';
import { type EnrollmentRecord, EnrollmentRowValidator } from '../src/register/validation/enrollment-row.validator.js';
import { writeBenchCsv, writeBenchXlsx } from './ingest.bench-data.js';
import { admin, timed, urlFor } from './bench-support.js';
import { dayInWib } from '../src/common/clock/clock.js';

/** The validator's today (no birth date after it): the bench's data is of past years. */
const TODAY = dayInWib(new Date());

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const EXPLAIN = process.env.BENCH_EXPLAIN === '1';

const log = (label: string, ms: number) => console.log(`${label.padEnd(58)} ${(ms / 1000).toFixed(3)} s  ${Math.round(ROWS / (ms / 1000)).toLocaleString('en-US')} rows/s`);

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-phases-'));
  const db = `jamkesda_bench_phases_${Date.now()}`;
  await admin(`CREATE DATABASE ${db}`);
  let app: INestApplicationContext | undefined;
  try {
    const csv = join(dir, 'p.csv');
    const xlsx = join(dir, 'p.xlsx');
    await writeBenchCsv(csv, ROWS);
    await writeBenchXlsx(xlsx, ROWS);
    const config = { ...loadConfig({ JWT_SECRET: 'bench-secret-bench-secret-bench-secret', LOG_LEVEL: 'error', SCHEDULER_ENABLED: 'false' }), databaseUrl: urlFor(db), dataDir: dir };
    app = await NestFactory.createApplicationContext(AppModule.forRoot({ config }), { logger: ['error'] });
    const ds = app.get(DataSource);
    const villages = await app.get(RegionsService).villageCodes();

    for (const [label, file] of (process.env.BENCH_SKIP_PARSE ? [] : [["csv", csv], ["xlsx", xlsx]]) as [string, string][]) {
      for (let round = 0; round < 2; round++) {
        const tag = round === 0 ? ' (warm-up)' : '';
        log(`${label} sha256${tag}`, (await timed(() => fileChecksum(file)))[1]);
        log(`${label} parse${tag}`, (await timed(() => parse(file)))[1]);
        log(`${label} parse + validate${tag}`, (await timed(() => parse(file, new EnrollmentRowValidator(villages, TODAY))))[1]);
        const id = randomUUID();
        const writer = new StagingWriter(ds, id, true);
        log(`${label} parse + validate + staging COPY${tag}`, (await timed(() => parse(file, new EnrollmentRowValidator(villages, TODAY), writer)))[1]);
        await ds.query('DELETE FROM enrollment_staging');
      }
    }

    // Promotion statements: 100k new NIKs (classic path: all staged, then promoted), the same NIKs
    // changed (new name), then 100k new NIKs promoted batch by batch while reading (early path:
    // copied straight into the register; a batch a unique index refuses is staged and promoted instead).
    const promoter = app.get(EnrollmentPromoter);
    for (const label of ['new', 'changed'] as const) {
      const id = await stage(ds, csv, villages);
      if (label === 'changed') await ds.query(`UPDATE enrollment_staging SET name = name || ' X' WHERE upload_id = $1`, [id]);
      await ds.query('ANALYZE enrollment_staging');
      if (EXPLAIN) await explain(ds, id);
      const [, ms] = await timed(() =>
        ds.transaction(async (m) => {
          const query = m.query.bind(m);
          (m as { query: unknown }).query = async (sql: string, params?: unknown[]) => {
            const [res, t] = await timed(() => query(sql, params));
            log(`  promote ${label}: ${sql.trim().split(/\s+/).slice(0, 6).join(' ').slice(0, 48)}`, t);
            return res;
          };
          await promoter.finish(m, id, 'bench', ROWS, { now: new Date(), created: 0 });
        }),
      );
      log(`promote ${label} (whole transaction incl. commit)`, ms);
    }
    await ds.query('TRUNCATE participant, participant_change');
    const id = randomUUID();
    await ds.query(`INSERT INTO enrollment_upload (id, filename, checksum, size_bytes, status, uploaded_by) VALUES ($1, 'x', $2, 0, 'PROCESSING', 'bench')`, [id, id]);
    const early = { now: new Date(), created: 0 };
    const writer = new StagingWriter(ds, id, true);
    let batchMs = 0;
    let copied = 0;
    const [, ms] = await timed(async () => {
      await writer.begin((m) => promoter.tryLock(m), {
        actor: 'bench',
        now: early.now,
        copied: (count) => {
          early.created += count;
          copied += count;
        },
        afterStaged: async (m, from, to) => void (batchMs += (await timed(() => promoter.promoteNewBatch(m, id, 'bench', from, to, early)))[1]),
      });
      await parse(csv, new EnrollmentRowValidator(villages, TODAY), writer);
      await promoter.finish(writer.transaction!, id, 'bench', ROWS, early);
      await writer.commit();
      await writer.close();
    });
    if (batchMs > 0) log(`early path: PROMOTE_NEW_BATCH statements of staged batches (sum)`, batchMs);
    console.log(`early path: ${early.created} created, ${copied} copied straight into the register`);
    log('early path: parse + validate + COPY + early promotion + finish + commit', ms);
  } finally {
    await app?.close();
    await rm(dir, { recursive: true, force: true });
    await admin(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
  }
}

/** As the use case reads: reader batches of 1,000 rows validated at once, staged 5,000 at a time. */
async function parse(file: string, validator?: EnrollmentRowValidator, writer?: StagingWriter): Promise<void> {
  const reader = new SheetReader(file, { filename: file, columns: ENROLLMENT_COLUMNS, batchSize: 1000 });
  let n = 0;
  let records: EnrollmentRecord[] = [];
  for await (const batch of reader.batches()) {
    if (!validator) {
      n += batch.length;
      continue;
    }
    for (const row of batch) {
      const r = validator.validate(row);
      if (r.record) records.push(r.record);
    }
    if (records.length < 5000) continue;
    n += records.length;
    if (writer) await writer.write(records, []);
    records = [];
  }
  n += records.length;
  if (writer && records.length) await writer.write(records, []);
  if (writer) await writer.settle();
  if (writer && !writer.transaction) await writer.close();
  if (n !== ROWS) throw new Error(`saw ${n} rows`);
}

/** A new upload with the csv's rows staged (no early promotion); returns its id. */
async function stage(ds: DataSource, csv: string, villages: ReadonlySet<string>): Promise<string> {
  const id = randomUUID();
  await ds.query(`INSERT INTO enrollment_upload (id, filename, checksum, size_bytes, status, uploaded_by) VALUES ($1, 'x', $2, 0, 'PROCESSING', 'bench')`, [id, id]);
  await parse(csv, new EnrollmentRowValidator(villages, TODAY), new StagingWriter(ds, id, true));
  return id;
}

async function explain(ds: DataSource, id: string): Promise<void> {
  const { INSERT_NEW, RECORD_HISTORY, RELEASE_MOVED_NOKAS, UPDATE_CHANGED } = await import('../src/register/sql/promote.sql.js');
  const { REJECT_TAKEN_NOKA } = await import('../src/register/sql/promotion-refusals.sql.js');
  const { WARN_CLOSED_MONTH } = await import('../src/register/sql/closed-month-warnings.sql.js');
  const { WARN_COVERAGE_OF_NEW } = await import('../src/register/sql/coverage-warnings.sql.js');
  const runner = ds.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  try {
    await runner.query('SET LOCAL jit = off'); // as the promotion runs (enrollment-promoter.ts)
    for (const [name, sql, params] of [
      ['REJECT_TAKEN_NOKA', REJECT_TAKEN_NOKA, [id, 'NOKA']],
      ['WARN_CLOSED_MONTH', WARN_CLOSED_MONTH, [id, 'TAT', 'TMT']],
      ['WARN_COVERAGE_OF_NEW', WARN_COVERAGE_OF_NEW, [id, 'TMT', TODAY.slice(0, 7)]],
      ['RECORD_HISTORY', RECORD_HISTORY, [id, 'bench', new Date()]],
      ['RELEASE_MOVED_NOKAS', RELEASE_MOVED_NOKAS, [id, new Date()]],
      ['UPDATE_CHANGED', UPDATE_CHANGED, [id, new Date()]],
      ['INSERT_NEW', INSERT_NEW, [id, 'bench', new Date()]],
    ] as const) {
      const plan: { 'QUERY PLAN': string }[] = await runner.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, [...params]);
      console.log(`--- ${name}\n${plan.map((p) => p['QUERY PLAN']).join('\n')}`);
    }
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
}

await main();
