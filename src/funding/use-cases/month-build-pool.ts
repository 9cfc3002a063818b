import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import pg from 'pg';
import { APP_CONFIG, type AppConfig } from '../../common/config/app-config.js';

/**
 * The connections that build a month's tables on PostgreSQL (month-partitions.ts): a pool of its
 * own, apart from the service's. The allocation holds a connection of the service's pool while it
 * waits for its build; if the build drew from that pool too, requests queued on the allocation
 * lock, each holding a connection, could leave it none, and nothing would move again. Allocations
 * run one at a time (advisory lock), so its two connections are never contended. On PGlite there
 * is none: the month is written in the allocation's own transaction.
 */
@Injectable()
export class MonthBuildPool implements OnModuleDestroy {
  /** Connections a month's build uses at once (two tables filled, then two indexes built, at a time). */
  static readonly SIZE = 2;
  private readonly logger = new Logger(MonthBuildPool.name);
  private pool?: pg.Pool;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** The pool, opened on first use; null without DATABASE_URL. */
  get(): pg.Pool | null {
    if (!this.config.databaseUrl) return null;
    if (!this.pool) {
      this.pool = new pg.Pool({ connectionString: this.config.databaseUrl, max: MonthBuildPool.SIZE, application_name: 'jamkesda-rekon month build' });
      // an idle connection the server closed: the pool drops it; without a listener it would end the process
      this.pool.on('error', (err) => this.logger.warn(`month build connection lost: ${err.message}`));
    }
    return this.pool;
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool?.end();
  }
}
