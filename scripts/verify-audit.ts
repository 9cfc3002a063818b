/**
 * `npm run audit:verify`: re-computes the audit trail's hash chain in the configured database and
 * prints whether it is intact. Exit code 0 = intact, 1 = broken (names the first broken event),
 * 2 = could not check. The embedded database admits one process: stop the service first, or use
 * `GET /api/v1/audit-events/verify` while it runs.
 */
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { verifyAuditChain } from '../src/audit/audit.service.js';
import type { ChainVerdict } from '../src/audit/audit-chain.js';
import { ConfigError, type DatabaseConfig, loadDatabaseConfig } from '../src/common/config/app-config.js';
import { DataDirInUseError } from '../src/common/database/data-dir-lock.js';
import { dataSourceOptions } from '../src/database/data-source-options.js';
import { describeDatabase, isMainModule } from './cli.js';

/** Verifies the chain and prints the verdict; returns the process exit code. */
export async function verifyAudit(config: DatabaseConfig, log: (line: string) => void = console.log): Promise<{ exitCode: number; verdict: ChainVerdict }> {
  log(`Verifying the audit trail in the ${describeDatabase(config)}`);
  // an embedded database is created where none is: never for a check (QA: a wrong DATA_DIR made an empty one, then failed in SQL)
  if (!config.databaseUrl && !existsSync(join(config.dataDir, 'pglite', 'PG_VERSION'))) {
    throw new CheckRefused(
      `No embedded database in ${config.dataDir}. Set DATA_DIR to the service's data folder (the demo's is ./data/demo: ` +
        'DATA_DIR=./data/demo npm run audit:verify), or DATABASE_URL for PostgreSQL.',
    );
  }
  const dataSource = await new DataSource(dataSourceOptions(config)).initialize();
  try {
    const [{ migrated }] = await dataSource.query(`SELECT to_regclass('audit_event') IS NOT NULL AS migrated`);
    if (!migrated) throw new CheckRefused('This database has no audit trail (table audit_event): it was never migrated (npm run migrate), or it is not the service\'s.');
    const verdict = await verifyAuditChain(dataSource);
    if (verdict.intact) {
      log(`INTACT: ${verdict.checked} event(s) checked, every hash and link matches.`);
      if (verdict.lastId) log(`Newest event ${verdict.lastId}, hash ${verdict.lastHash} (note it down to detect later truncation).`);
      return { exitCode: 0, verdict };
    }
    log(`BROKEN at event id ${verdict.firstBrokenId}: ${verdict.reason} (${verdict.checked} event(s) checked).`);
    log('An event was changed, removed or inserted outside the service: compare with a backup from before that event.');
    return { exitCode: 1, verdict };
  } finally {
    await dataSource.destroy();
  }
}

/** Nothing to check where the check was pointed: said in one line, exit code 2. */
export class CheckRefused extends Error {}

if (isMainModule(import.meta.url)) {
  try {
    process.exitCode = (await verifyAudit(loadDatabaseConfig())).exitCode;
  } catch (err) {
    const plain = err instanceof ConfigError || err instanceof CheckRefused || err instanceof DataDirInUseError;
    console.error(plain ? (err as Error).message : `Could not verify the audit trail: ${String((err as Error).message ?? err)}`);
    process.exitCode = 2;
  }
}
