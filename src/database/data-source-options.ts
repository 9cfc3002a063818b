/**
 * One place that turns configuration into TypeORM options, used by the app, the migration CLI,
 * the tests and the benchmarks: PostgreSQL when DATABASE_URL is set, else embedded PGlite.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations.js';
import { lockDataDir } from '../common/database/data-dir-lock.js';
import { createPgliteDriver, pgliteOptions } from '../common/database/pglite-pool.js';

// Dates are calendar days, never instants: keep `date` columns as `YYYY-MM-DD` strings.
pg.types.setTypeParser(pg.types.builtins.DATE, (v: string) => v);

export interface DatabaseTarget {
  databaseUrl?: string;
  dataDir?: string;
  /** Tests: start the embedded database from a dumped, already-migrated data directory. */
  pgliteLoadDataDir?: Blob;
}

export function dataSourceOptions(target: DatabaseTarget): DataSourceOptions {
  const common = {
    type: 'postgres' as const,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    synchronize: false,
    // The schema comes from migrations; gen_random_uuid() is built into PostgreSQL 13+ (and PGlite).
    installExtensions: false,
    uuidExtension: 'pgcrypto' as const,
    logging: ['error' as const],
  };
  if (target.databaseUrl) {
    return { ...common, url: target.databaseUrl, poolSize: 10, applicationName: 'jamkesda-rekon' };
  }
  const { pgliteLoadDataDir, dataDir } = target;
  let release: (() => Promise<void>) | undefined; // the data directory's lock, while it is open
  const driver = createPgliteDriver(
    async () => {
      if (pgliteLoadDataDir) return PGlite.create(pgliteOptions({ loadDataDir: pgliteLoadDataDir }));
      if (!dataDir) return PGlite.create(pgliteOptions());
      const dir = join(dataDir, 'pglite');
      mkdirSync(dir, { recursive: true });
      release = await lockDataDir(dir); // one process per directory (data-dir-lock.ts)
      try {
        return await PGlite.create(pgliteOptions({ dataDir: dir }));
      } catch (err) {
        await release();
        release = undefined;
        throw err;
      }
    },
    async () => {
      await release?.();
      release = undefined;
    },
  );
  return { ...common, driver };
}

export function isEmbedded(target: DatabaseTarget): boolean {
  return !target.databaseUrl;
}
