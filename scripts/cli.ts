/** Small helpers shared by the command-line scripts. */
import { pathToFileURL } from 'node:url';
import type { DatabaseConfig } from '../src/common/config/app-config.js';

/** True when the module at `moduleUrl` is the program node was started with (not an import). */
export function isMainModule(moduleUrl: string): boolean {
  return Boolean(process.argv[1]) && moduleUrl === pathToFileURL(process.argv[1]).href;
}

/** Where the script works, for its first line of output; the URL's password is never printed. */
export function describeDatabase(config: DatabaseConfig): string {
  if (!config.databaseUrl) return `embedded database in ${config.dataDir}`;
  const url = new URL(config.databaseUrl);
  if (url.password) url.password = '***';
  return `PostgreSQL ${url.toString()}`;
}
