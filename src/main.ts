import 'reflect-metadata';
import { ConsoleLogger } from '@nestjs/common';
import { ConfigError, loadConfig } from './common/config/app-config.js';
import { DataDirInUseError } from './common/database/data-dir-lock.js';
import { createApp } from './configure-app.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = new ConsoleLogger({ json: true, logLevels: nestLogLevels(config.logLevel) });
  const app = await createApp(config, logger);
  await app.listen(config.port, config.host);
  // a JSON line like every other (QA: the one plain line in the log), naming the address as bound
  logger.log(`Jamkesda rekon listening on http://${config.host}:${config.port} (${config.databaseUrl ? 'PostgreSQL' : `embedded database in ${config.dataDir}`})`, 'Main');
}

function nestLogLevels(level: string): ('fatal' | 'error' | 'warn' | 'log' | 'debug' | 'verbose')[] {
  const order = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'] as const;
  const upTo = { silent: -1, fatal: 0, error: 1, warn: 2, info: 3, debug: 4, trace: 5 }[level] ?? 3;
  return order.slice(0, upTo + 1);
}

main().catch((err) => {
  // loadConfig's problems, and those only the database can tell (ADMIN_PASSWORD on a first start)
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(78); // EX_CONFIG
  }
  console.error(err instanceof DataDirInUseError ? err.message : err);
  process.exit(1);
});
