/**
 * `npm run bench:register-export` (PGlite by default; DATABASE_URL=postgres://… for PostgreSQL, in a database it creates
 * and drops).
 *
 * The register's export (`GET /api/v1/participants/export.xlsx`) of BENCH_ROWS participants (default 150,000), written
 * to nowhere, and how long the event loop was kept from other requests meanwhile (its delay, sampled every 10 ms by
 * `monitorEventLoopDelay`): QA, on 193,000 participants, saw a 1-row enrollment upload take 85 s and `/health` 4–6 s
 * while the export ran, as each page of 5,000 rows was written in one go.
 */
import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module.js';
import { loadConfig } from '../src/common/config/app-config.js';
import { ExportRegister } from '../src/register/use-cases/export-register.use-case.js';
import { admin, seconds, timed, urlFor } from './bench-support.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 150_000);
const ON_POSTGRES = Boolean(process.env.DATABASE_URL);
const DB = 'bench_register_export';

async function boot(dataDir: string): Promise<INestApplicationContext> {
  const config = {
    ...loadConfig({ JWT_SECRET: 'bench-secret-bench-secret-bench-secret', LOG_LEVEL: 'error', SCHEDULER_ENABLED: 'false' }),
    databaseUrl: ON_POSTGRES ? urlFor(DB) : undefined,
    dataDir,
  };
  return NestFactory.createApplicationContext(AppModule.forRoot({ config }), { logger: ['error'] });
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-register-export-'));
  if (ON_POSTGRES) await admin(`CREATE DATABASE ${DB}`);
  const app = await boot(join(dir, 'data'));
  try {
    await app.get(DataSource).query(
      `INSERT INTO participant (nik, no_kk, name, birth_date, sex, village_code, tmt)
       SELECT (1703060101000000 + g)::text, '1703060101000001', 'Peserta ' || g, '1980-01-01', 'L', '17.03.06.2001', '2025-01-01'
         FROM generate_series(1, $1::int) g`,
      [ROWS],
    );
    let bytes = 0;
    const nowhere = new Writable({ write: (chunk: Buffer, _encoding, done) => ((bytes += chunk.length), done()) });
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const [, ms] = await timed(() => app.get(ExportRegister).write({}, 'bench', nowhere));
    delay.disable();
    console.log(`register export on ${ON_POSTGRES ? 'PostgreSQL' : 'PGlite'}: ${ROWS.toLocaleString('en-US')} participants, ${(bytes / 1e6).toFixed(1)} MB in ${seconds(ms)} (${Math.round(ROWS / (ms / 1000)).toLocaleString('en-US')} rows/s)`);
    console.log(`  event loop delay meanwhile: p50 ${(delay.percentile(50) / 1e6).toFixed(0)} ms, p99 ${(delay.percentile(99) / 1e6).toFixed(0)} ms, max ${(delay.max / 1e6).toFixed(0)} ms`);
  } finally {
    await app.close();
    if (ON_POSTGRES) await admin(`DROP DATABASE ${DB} WITH (FORCE)`);
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
