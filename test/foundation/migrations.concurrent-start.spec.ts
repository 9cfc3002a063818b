import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { migrate } from '../../src/common/database/migrate.js';
import { dataSourceOptions } from '../../src/database/data-source-options.js';
import { MIGRATIONS } from '../../src/database/migrations.js';
import { baseUrl } from '../support/test-database.js';
import { freshDatabase, type FreshDatabase } from './fresh-database.js';

// Two instances starting together against one PostgreSQL database. The embedded database serves
// a single process, so there is nothing to race there.
const onPostgres = baseUrl() ? describe : describe.skip;

onPostgres('two instances migrating the same empty PostgreSQL database at once', () => {
  let db: FreshDatabase;
  let a: DataSource;
  let b: DataSource;
  beforeAll(async () => {
    db = await freshDatabase();
    [a, b] = await Promise.all([new DataSource(dataSourceOptions(db)).initialize(), new DataSource(dataSourceOptions(db)).initialize()]);
  });
  afterAll(async () => {
    await Promise.all([a.destroy(), b.destroy()]);
    await db.drop();
  });

  it('both succeed and the schema is applied exactly once (advisory lock)', async () => {
    const [first, second] = await Promise.all([migrate(a, false), migrate(b, false)]);
    const names = MIGRATIONS.map((m) => new m().name);
    // One of them applied everything while holding the lock; the other then found nothing to do.
    expect([first, second].sort((x, y) => y.length - x.length)).toEqual([names, []]);
    const [applied] = await a.query('SELECT count(*)::int AS n FROM schema_migration');
    expect(applied.n).toBe(MIGRATIONS.length);
    const [regions] = await b.query('SELECT count(*)::int AS n FROM region');
    expect(regions.n).toBe(19 + 218);
    const [tariffs] = await b.query('SELECT count(*)::int AS n FROM tariff');
    expect(tariffs.n).toBe(5);
  });
});
