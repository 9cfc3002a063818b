import 'reflect-metadata';
import { ConsoleLogger } from '@nestjs/common';
import { ConfigError, loadConfig } from './common/config/app-config.js';
import { nestLogLevels } from './common/config/log-levels.js';
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

main().catch((err) => {
  // loadConfig's problems, and those only the database can tell (ADMIN_PASSWORD on a first start)
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(78); // EX_CONFIG
  }
  console.error(err instanceof DataDirInUseError ? err.message : err);
  process.exit(1);
});
