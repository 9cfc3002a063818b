/**
 * An EMPTY database (no schema) of the kind this run tests: a new PostgreSQL database when
 * DATABASE_URL is set, else an embedded PGlite data directory in a temporary folder.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseConfig } from '../../src/common/config/app-config.js';
import { adminQuery, baseUrl, fastCommits, runDatabaseName, urlFor } from '../support/test-database.js';

export interface FreshDatabase extends DatabaseConfig {
  /** Overrides for `createTestApp` that point the app at this database instead of the template copy. */
  appOverrides: { databaseUrl?: string; dataDir: string; pgliteLoadDataDir: undefined };
  drop(): Promise<void>;
}

export async function freshDatabase(): Promise<FreshDatabase> {
  const dataDir = await mkdtemp(join(tmpdir(), 'jamkesda-fresh-'));
  const removeDir = () => rm(dataDir, { recursive: true, force: true });
  if (!baseUrl()) {
    return { databaseUrl: undefined, dataDir, appOverrides: { dataDir, pgliteLoadDataDir: undefined }, drop: removeDir };
  }
  const name = runDatabaseName('fresh');
  await adminQuery(`CREATE DATABASE ${name}`, fastCommits(name));
  const databaseUrl = urlFor(name);
  return {
    databaseUrl,
    dataDir,
    appOverrides: { databaseUrl, dataDir, pgliteLoadDataDir: undefined },
    // the database is dropped with the run's others (test/support/test-database.ts)
    drop: removeDir,
  };
}
