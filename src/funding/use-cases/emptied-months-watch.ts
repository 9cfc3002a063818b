import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type pg from 'pg';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../common/config/app-config.js';
import { markEmptiedMonthsStale } from './month-partitions.js';

/**
 * On PostgreSQL an open month's split and obligation partitions are UNLOGGED (month-partitions.sql.ts),
 * so a server crash empties them while `allocation_month` still calls the month CURRENT. A crash ends
 * every connection of the service's pool; each new connection first marks such months STALE
 * (markEmptiedMonthsStale), before the query it was opened for, so no read sees an emptied month:
 * reads and runs recompute STALE months first, from the same logged register, pledges and tariffs.
 * Checked once at start too. On PGlite nothing is UNLOGGED.
 */
@Injectable()
export class EmptiedMonthsWatch implements OnApplicationBootstrap {
  private readonly logger = new Logger(EmptiedMonthsWatch.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.databaseUrl) return;
    const pool = (this.dataSource.driver as unknown as { master: pg.Pool }).master;
    // queued on the new connection ahead of the query it was opened for (node-postgres runs a client's queries in order)
    pool.on('connect', (client) => void this.check(client));
    const client = await pool.connect();
    try {
      await this.check(client);
    } finally {
      client.release();
    }
  }

  private async check(client: pg.ClientBase): Promise<void> {
    try {
      const emptied = await markEmptiedMonthsStale(client);
      if (emptied.length) this.logger.warn(`allocation of ${emptied.join(', ')} emptied by a database crash: marked STALE, recomputed before the next read`);
    } catch (err) {
      // a database not yet migrated has no allocation_month; anything else is said, and the month stays as it was
      if ((err as { code?: string }).code !== '42P01') this.logger.error(`checking for months emptied by a crash failed: ${(err as Error).message}`);
    }
  }
}
