/**
 * `npm run bench:payments-upload` (PGlite by default; DATABASE_URL=postgres://… for PostgreSQL, in a database it
 * creates and drops).
 *
 * A payment sheet's cost should not grow with the payments already stored in its pledge-month (QA on PGlite:
 * 20,000 rows in one pledge-month took 572 s, then 2,000 more 148 s, 500 more 39 s, while 500 in another
 * pledge-month took 1.2 s). Uploads, in turn, through UploadPayments: BENCH_ROWS (default 20,000) rows of one
 * pledge-month in sheets of PAYMENT_SHEET_MAX_ROWS (5,000, the limit of a sheet), 2,000 more, 500 more, the same 500 again (all recorded: recognised), and 500 of another pledge-month; prints
 * each one's time. Something is due in both months (allocation_funded), so every row is judged for EXCEEDS_DUE.
 */
import 'reflect-metadata';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module.js';
import { loadConfig } from '../src/common/config/app-config.js';
import { PAYMENT_SHEET_MAX_ROWS, UploadPayments } from '../src/payments/use-cases/upload-payments.use-case.js';
import { admin, seconds, timed, urlFor } from './bench-support.js';
import { RECORD_CURRENT_REVISIONS } from '../test/support/pledge-revisions.sql.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 20_000);
const ON_POSTGRES = Boolean(process.env.DATABASE_URL);
const DB = 'bench_payments_upload';

async function boot(dataDir: string): Promise<INestApplicationContext> {
  const config = {
    ...loadConfig({ JWT_SECRET: 'bench-secret-bench-secret-bench-secret', LOG_LEVEL: 'error', SCHEDULER_ENABLED: 'false' }),
    databaseUrl: ON_POSTGRES ? urlFor(DB) : undefined,
    dataDir,
    uploadMaxRows: 1_000_000,
  };
  return NestFactory.createApplicationContext(AppModule.forRoot({ config }), { logger: ['error'] });
}

/** Something due for the pledge in `month` (allocation_funded), as an allocation stores it. */
async function seed(ds: DataSource, months: string[]): Promise<void> {
  await ds.query(
    `INSERT INTO pledge (code, source_type, funder, fiscal_year, scope, niks, priority, share_percent, created_by)
     VALUES ('APBD-2026', 'APBD', 'Bench', 2026, 'ALL', '{}', 90, 100, 'bench')`,
  );
  await ds.query(RECORD_CURRENT_REVISIONS);
  for (const month of months) {
    await ds.query(`INSERT INTO allocation_month (month, fiscal_year, status) VALUES ($1, 2026, 'CURRENT')`, [month]);
    await ds.query(`INSERT INTO allocation_funded (month, pledge_code, participants, amount) VALUES ($1, 'APBD-2026', 1000, 37800000)`, [month]);
  }
}

/** A CSV payment sheet of `rows` payments of Rp1.000 for `month`, references `<prefix>-<n>`. */
async function sheet(dir: string, month: string, prefix: string, rows: number): Promise<string> {
  const lines = ['KODE_KOMITMEN;BULAN;JUMLAH;TANGGAL_BAYAR;REFERENSI'];
  for (let i = 1; i <= rows; i++) lines.push(`APBD-2026;${month};1000;${month}-05;SP2D ${prefix}-${i}`);
  const path = join(dir, `${prefix}.csv`);
  await writeFile(path, lines.join('\n'));
  return path;
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-payments-'));
  if (ON_POSTGRES) await admin(`CREATE DATABASE ${DB}`);
  const app = await boot(join(dir, 'data'));
  try {
    await seed(app.get(DataSource), ['2026-10', '2026-11']);
    const upload = app.get(UploadPayments);
    // a sheet holds at most PAYMENT_SHEET_MAX_ROWS rows: BENCH_ROWS come as that many sheets, one after the other
    const first = Array.from({ length: Math.ceil(ROWS / PAYMENT_SHEET_MAX_ROWS) }, (_, i): [string, string, string, number] => {
      const rows = Math.min(PAYMENT_SHEET_MAX_ROWS, ROWS - i * PAYMENT_SHEET_MAX_ROWS);
      return [`${rows.toLocaleString('en-US')} rows, 2026-10 holding ${(i * PAYMENT_SHEET_MAX_ROWS).toLocaleString('en-US')}`, '2026-10', `A${i}`, rows];
    });
    const steps: [string, string, string, number][] = [
      ...first,
      ['2,000 more rows, 2026-10', '2026-10', 'B', 2000],
      ['500 more rows, 2026-10', '2026-10', 'C', 500],
      ['the same 500 again (all recorded)', '2026-10', 'C', 500],
      ['500 rows, 2026-11 empty', '2026-11', 'D', 500],
    ];
    console.log(`payment sheet uploads on ${ON_POSTGRES ? 'PostgreSQL' : 'PGlite'}`);
    for (const [label, month, prefix, rows] of steps) {
      const path = await sheet(dir, month, prefix, rows);
      const [outcome, ms] = await timed(() =>
        upload.execute({ path, filename: `${prefix}.csv`, actor: 'bench' }).then(
          (r) => (r.recognised ? 'recognised as the earlier upload' : `${r.payments} recorded`),
          (e: { code?: string }) => `refused: ${e.code}`,
        ),
      );
      console.log(`  ${label.padEnd(36)} ${seconds(ms).padStart(10)}  (${outcome})`);
    }
  } finally {
    await app.close();
    if (ON_POSTGRES) await admin(`DROP DATABASE ${DB} WITH (FORCE)`);
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
