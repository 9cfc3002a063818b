import { readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { isEmbedded } from '../../database/data-source-options.js';

/** On PostgreSQL, another process may share the data directory: only files this old are its leftovers. */
export const SPOOL_LEFTOVER_AFTER_MS = 3600_000;

/**
 * Uploaded files left in `<dataDir>/uploads` by a process that stopped mid-request (killed, crashed):
 * the routes delete their file once read, so a file found there at start-up is a leftover, a copy of
 * residents' or payment data nobody will read (QA: a 7.4 MB enrollment sheet stayed after a kill -9).
 * On the embedded database only one process runs, so every file found is one; on PostgreSQL, those
 * older than an hour.
 */
@Injectable()
export class UploadSpool implements OnApplicationBootstrap {
  private readonly logger = new Logger(UploadSpool.name);

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onApplicationBootstrap(): Promise<void> {
    const removed = await removeLeftovers(join(this.config.dataDir, 'uploads'), isEmbedded(this.config) ? 0 : SPOOL_LEFTOVER_AFTER_MS);
    if (removed) this.logger.warn(`${removed} berkas unggahan sisa proses yang terhenti dihapus`);
  }
}

/** Deletes the files of `dir` last written more than `olderThanMs` ago; how many. A missing directory has none. */
export async function removeLeftovers(dir: string, olderThanMs: number): Promise<number> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const before = Date.now() - olderThanMs;
  let removed = 0;
  for (const name of names) {
    const path = join(dir, name);
    const info = await stat(path).catch(() => null);
    if (info?.isFile() && info.mtimeMs <= before && (await unlink(path).then(() => true, () => false))) removed += 1;
  }
  return removed;
}
