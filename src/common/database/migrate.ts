/**
 * Runs pending migrations under a PostgreSQL advisory lock, so that two instances starting
 * together apply each migration once. The embedded database serves one process and takes no lock.
 */
import type { DataSource } from 'typeorm';

/** Arbitrary but fixed: the advisory lock key that guards schema migrations. */
const MIGRATION_LOCK_KEY = 1703_0001;

export async function migrate(dataSource: DataSource, embedded: boolean): Promise<string[]> {
  if (embedded) {
    return (await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name);
  }
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    return (await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.release();
  }
}
