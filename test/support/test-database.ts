/**
 * Tests share one migrated database template per run, built by the first test file that asks
 * (the others wait for it), then copied per test file so files can run in parallel:
 * - PostgreSQL (DATABASE_URL set): a template database, copied with `CREATE DATABASE ... TEMPLATE`.
 * - PGlite (no DATABASE_URL): a dumped data directory, loaded into a fresh in-memory instance.
 *
 * On PostgreSQL a test file's databases are NOT dropped when its app closes: every DROP DATABASE makes the server
 * run a checkpoint and waits for it (1–4.5 s each on the busy 2-core machine, ~280 of them a run, the checkpoints
 * queued one after another and flushing the other worker's writes too). They are named after the run
 * (`jamkesda_test_<run>_…`) and dropped together by the global teardown, or by a later run's global setup when
 * this run was killed. Their sessions do not wait for the WAL flush at commit (`synchronous_commit = off`): nothing
 * a test reads changes (a commit is visible to every session at once), only a crash of the server could lose them.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { migrate } from '../../src/common/database/migrate.js';
import { createPgliteDriver, pgliteOptions } from '../../src/common/database/pglite-pool.js';
import { dataSourceOptions } from '../../src/database/data-source-options.js';

const TMP = join(process.cwd(), 'test/.tmp');
const RUN = process.env.JAMKESDA_TEST_RUN ?? 'adhoc';
const TEMPLATE_DB = `jamkesda_tpl_${RUN}`;
const PGLITE_DUMP = join(TMP, `pglite-${RUN}.tar.gz`);
const READY = join(TMP, `template-${RUN}.ready`);
const LOCK = join(TMP, `template-${RUN}.lock`);

export function baseUrl(): string | undefined {
  return process.env.DATABASE_URL || undefined;
}

export function urlFor(database: string): string {
  const url = new URL(baseUrl()!);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs statements one by one (not in one transaction: CREATE DATABASE refuses one) on the server's database. */
export async function adminQuery(...statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: baseUrl() });
  await client.connect();
  try {
    for (const sql of statements) await client.query(sql);
  } finally {
    await client.end();
  }
}

async function buildTemplate(): Promise<void> {
  if (baseUrl()) {
    await adminQuery(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
    await adminQuery(`CREATE DATABASE ${TEMPLATE_DB}`);
    const ds = await new DataSource(dataSourceOptions({ databaseUrl: urlFor(TEMPLATE_DB) })).initialize();
    await migrate(ds, false);
    await ds.destroy();
    return;
  }
  const instance = await PGlite.create(pgliteOptions());
  const ds = await new DataSource({ ...dataSourceOptions({}), driver: createPgliteDriver(async () => instance) }).initialize();
  await migrate(ds, true);
  const dump = await instance.dumpDataDir('gzip');
  await writeFile(PGLITE_DUMP, Buffer.from(await dump.arrayBuffer()));
  await ds.destroy();
}

/** Builds the template once per run across worker processes (mkdir is the cross-process lock). */
async function ensureTemplate(): Promise<void> {
  await mkdir(TMP, { recursive: true });
  if (existsSync(READY)) return;
  try {
    await mkdir(LOCK);
  } catch {
    const deadline = Date.now() + 120_000;
    while (!existsSync(READY)) {
      if (Date.now() > deadline) throw new Error('Timed out waiting for the test database template');
      await new Promise((r) => setTimeout(r, 100));
    }
    return;
  }
  await buildTemplate();
  await writeFile(READY, '');
}

/**
 * A name for a PostgreSQL database of this run (`kind`: test, fresh), unique across workers; the global teardown drops
 * every database of the run by this prefix (test/support/global-teardown.cjs).
 */
export function runDatabaseName(kind: string): string {
  return `jamkesda_test_${RUN}_${kind}_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
}

/** Statements that make a new database of this run: its sessions commit without waiting for the WAL flush. */
export function fastCommits(name: string): string {
  return `ALTER DATABASE ${name} SET synchronous_commit TO off`;
}

export interface TestDatabase {
  databaseUrl?: string;
  pgliteLoadDataDir?: Blob;
  drop(): Promise<void>;
}

/** A fresh database with the migrated schema, for one test file (or one app in it). */
export async function createTestDatabase(): Promise<TestDatabase> {
  await ensureTemplate();
  if (!baseUrl()) {
    return { pgliteLoadDataDir: new Blob([await readFile(PGLITE_DUMP)]), drop: async () => undefined };
  }
  const name = runDatabaseName('app');
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`, fastCommits(name));
  // dropped with the run's other databases (see the top of this file)
  return { databaseUrl: urlFor(name), drop: async () => undefined };
}
