import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options.js';
import { MIGRATIONS } from '../../src/database/migrations.js';
import { runMigrations } from '../../scripts/migrate.js';
import { freshDatabase, type FreshDatabase } from './fresh-database.js';

// Starts the embedded database from scratch (initdb + every migration): slow on a busy machine.
jest.setTimeout(240_000);

const ALL = MIGRATIONS.map((m) => new m().name ?? m.name);

describe('migrations on a fresh database (npm run migrate)', () => {
  let db: FreshDatabase;
  let firstRun: string[];
  let output: string[];
  beforeAll(async () => {
    db = await freshDatabase();
    output = [];
    firstRun = await runMigrations(db, (line) => output.push(line));
  });
  afterAll(() => db.drop());

  it('applies every migration, in order, and prints each', () => {
    expect(firstRun).toEqual(ALL);
    for (const name of ALL) expect(output).toContain(`  applied ${name}`);
    expect(output[0]).toMatch(db.databaseUrl ? /^Migrating the PostgreSQL postgres/ : /^Migrating the embedded database in /);
  });

  it('applies nothing on a second run', async () => {
    const lines: string[] = [];
    expect(await runMigrations(db, (line) => lines.push(line))).toEqual([]);
    expect(lines.at(-1)).toBe('Schema is up to date: nothing to apply.');
  });

  describe('seeded master data', () => {
    let ds: DataSource;
    beforeAll(async () => (ds = await new DataSource(dataSourceOptions(db)).initialize()));
    afterAll(() => ds.destroy());

    it('loads the 19 kecamatan and 218 desa/kelurahan of Bengkulu Utara', async () => {
      const rows: { level: string; n: number }[] = await ds.query('SELECT level, count(*)::int AS n FROM region GROUP BY level ORDER BY level');
      const byLevel = Object.fromEntries(rows.map((r) => [r.level, r.n]));
      expect(byLevel.kecamatan).toBe(19);
      expect(byLevel.desa + byLevel.kelurahan).toBe(218);
      const [orphans] = await ds.query(
        `SELECT count(*)::int AS n FROM region v WHERE v.level <> 'kecamatan'
           AND NOT EXISTS (SELECT 1 FROM region k WHERE k.code = v.kecamatan_code AND k.level = 'kecamatan')`,
      );
      expect(orphans.n).toBe(0);
    });

    it('seeds the tariff with the five rows of DOMAIN §3', async () => {
      const rows = await ds.query(
        `SELECT component, payer, amount::int AS amount, valid_from::text AS "from", valid_to::text AS "to"
           FROM tariff ORDER BY valid_from, component`,
      );
      expect(rows).toEqual([
        { component: 'IURAN', payer: 'LOCAL', amount: 23000, from: '2018-01-01', to: '2019-07-31' },
        { component: 'IURAN', payer: 'LOCAL', amount: 42000, from: '2019-08-01', to: '2020-12-31' },
        { component: 'BANTUAN_DAERAH', payer: 'LOCAL', amount: 2800, from: '2021-01-01', to: null },
        { component: 'BANTUAN_PUSAT', payer: 'CENTRAL', amount: 4200, from: '2021-01-01', to: null },
        { component: 'IURAN', payer: 'LOCAL', amount: 35000, from: '2021-01-01', to: null },
      ]);
    });
  });
});
