/**
 * `npm run migrate`: brings the configured database (DATABASE_URL, else the embedded one in
 * DATA_DIR) up to date and prints each migration it applied. Needs no JWT_SECRET. The service
 * does the same on start-up, under the same lock, so running both at once is safe.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ConfigError, type DatabaseConfig, loadDatabaseConfig } from '../src/common/config/app-config.js';
import { migrate } from '../src/common/database/migrate.js';
import { DataDirInUseError } from '../src/common/database/data-dir-lock.js';
import { dataSourceOptions, isEmbedded } from '../src/database/data-source-options.js';
import { describeDatabase, isMainModule } from './cli.js';

/** Applies pending migrations; returns their names (empty when the schema was up to date). */
export async function runMigrations(config: DatabaseConfig, log: (line: string) => void = console.log): Promise<string[]> {
  log(`Migrating the ${describeDatabase(config)}`);
  const dataSource = await new DataSource(dataSourceOptions(config)).initialize();
  try {
    const applied = await migrate(dataSource, isEmbedded(config));
    for (const name of applied) log(`  applied ${name}`);
    log(applied.length ? `${applied.length} migration(s) applied.` : 'Schema is up to date: nothing to apply.');
    return applied;
  } finally {
    await dataSource.destroy();
  }
}

if (isMainModule(import.meta.url)) {
  try {
    await runMigrations(loadDatabaseConfig());
  } catch (err) {
    console.error(err instanceof ConfigError || err instanceof DataDirInUseError ? err.message : err);
    process.exit(err instanceof ConfigError ? 78 : 1);
  }
}
