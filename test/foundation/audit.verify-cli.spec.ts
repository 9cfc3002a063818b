import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { DataSource } from 'typeorm';
import { AuditService } from '../../src/audit/audit.service.js';
import { FixedClock } from '../../src/common/clock/clock.js';
import { dataSourceOptions } from '../../src/database/data-source-options.js';
import { runMigrations } from '../../scripts/migrate.js';
import { CheckRefused, verifyAudit } from '../../scripts/verify-audit.js';
import { freshDatabase, type FreshDatabase } from './fresh-database.js';

// Starts the embedded database from scratch (initdb + every migration): slow on a busy machine.
jest.setTimeout(240_000);

describe('npm run audit:verify', () => {
  let db: FreshDatabase;
  beforeAll(async () => {
    db = await freshDatabase();
    await runMigrations(db, () => undefined);
    const ds = await new DataSource(dataSourceOptions(db)).initialize();
    const audit = new AuditService(ds, new FixedClock(new Date('2026-11-15T03:00:00Z')));
    for (let i = 1; i <= 3; i++) await audit.record({ actor: 'sri', action: 'pledge.create', entity: 'pledge', entityId: `P-${i}`, summary: { i } });
    await ds.destroy();
  });
  afterAll(() => db.drop());

  const run = async () => {
    const lines: string[] = [];
    const { exitCode } = await verifyAudit(db, (line) => lines.push(line));
    return { exitCode, lines };
  };

  it('prints INTACT and exits 0 when the chain is whole', async () => {
    const { exitCode, lines } = await run();
    expect(exitCode).toBe(0);
    expect(lines[1]).toBe('INTACT: 3 event(s) checked, every hash and link matches.');
    expect(lines[2]).toMatch(/^Newest event \d+, hash [0-9a-f]{64} \(note it down to detect later truncation\)\.$/);
  });

  it('prints BROKEN with the first broken event and exits 1 after a row was altered in SQL', async () => {
    const ds = await new DataSource(dataSourceOptions(db)).initialize();
    await ds.query('ALTER TABLE audit_event DISABLE TRIGGER "TRG_audit_event_append_only"');
    await ds.query(`UPDATE audit_event SET actor = 'orang.lain' WHERE entity_id = 'P-2'`);
    const [{ id }] = await ds.query(`SELECT id::text AS id FROM audit_event WHERE entity_id = 'P-2'`);
    await ds.destroy();

    const { exitCode, lines } = await run();
    expect(exitCode).toBe(1);
    expect(lines[1]).toBe(`BROKEN at event id ${id}: isi peristiwa tidak cocok dengan hash-nya (2 event(s) checked).`);
  });

  it('refuses a folder with no embedded database, naming DATA_DIR, and creates none (QA: it made an empty one, then failed in SQL)', async () => {
    const dataDir = join(tmpdir(), `jamkesda-none-${process.pid}-${Date.now()}`);
    const check = verifyAudit({ databaseUrl: undefined, dataDir }, () => undefined);
    await expect(check).rejects.toThrow(CheckRefused);
    await expect(check).rejects.toThrow(`No embedded database in ${dataDir}. Set DATA_DIR to the service's data folder (the demo's is ./data/demo`);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('says a database never migrated has no audit trail, in one line', async () => {
    const empty = await freshDatabase();
    try {
      await (await new DataSource(dataSourceOptions(empty)).initialize()).destroy(); // the database exists, with no schema
      await expect(verifyAudit(empty, () => undefined)).rejects.toThrow(/^This database has no audit trail \(table audit_event\): it was never migrated \(npm run migrate\)/);
    } finally {
      await empty.drop();
    }
  });
});
