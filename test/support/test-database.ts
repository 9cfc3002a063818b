/**
 * Tests share one migrated database template per run, built by the first test file that asks
 * (the others wait for it), then copied per test file so files can run in parallel:
 * - PostgreSQL (DATABASE_URL set): a template database, copied with `CREATE DATABASE ... TEMPLATE`.
 * - PGlite (no DATABASE_URL): a dumped data directory, loaded into a fresh in-memory instance.
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

export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: baseUrl() });
  await client.connect();
  try {
    await client.query(sql);
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
  const name = `jamkesda_test_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
  return { databaseUrl: urlFor(name), drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
