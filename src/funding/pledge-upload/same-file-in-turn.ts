import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../common/config/app-config.js';
import { isEmbedded } from '../../database/data-source-options.js';

/** Advisory-lock class of pledge sheets being imported; the second key is hashtext of the file's sha256. */
export const PLEDGE_SHEET_LOCK = 1703_0012;

/**
 * Imports of the same pledge sheet (its checksum) one after another: a copy sent at the same instant then finds
 * the first one stored and is recognised as it, not stored again with every row refused as a code taken (QA).
 * Within this process a chain per checksum; on PostgreSQL also a session advisory lock, held on a connection of its
 * own while the turn runs, for the other service instances. The chain comes first, so that a process holds at most
 * one such connection per file (waiters holding connections could otherwise starve the turn's own work). The
 * embedded database has one connection and one process: the chain alone.
 */
@Injectable()
export class SameFileInTurn {
  /** Each file (its checksum) being imported by this process → when its last turn is done. */
  private readonly importing = new Map<string, Promise<void>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run<T>(checksum: string, work: () => Promise<T>): Promise<T> {
    const mine = (this.importing.get(checksum) ?? Promise.resolve()).then(() => this.acrossInstances(checksum, work));
    const done = mine.then(
      () => undefined,
      () => undefined,
    );
    this.importing.set(checksum, done);
    try {
      return await mine;
    } finally {
      if (this.importing.get(checksum) === done) this.importing.delete(checksum);
    }
  }

  private async acrossInstances<T>(checksum: string, work: () => Promise<T>): Promise<T> {
    if (isEmbedded(this.config)) return work();
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock($1::int, hashtext($2))', [PLEDGE_SHEET_LOCK, checksum]);
      try {
        return await work();
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1::int, hashtext($2))', [PLEDGE_SHEET_LOCK, checksum]);
      }
    } finally {
      await runner.release();
    }
  }
}
