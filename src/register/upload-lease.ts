import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { APP_CONFIG, type AppConfig } from '../common/config/app-config.js';
import { isEmbedded } from '../database/data-source-options.js';
import { UploadStore } from './upload-store.js';

/** How often this process renews the lease of the uploads it works on, and sweeps for abandoned ones. */
export const HEARTBEAT_MS = 30_000;
/** An upload whose lease is older than this was left by a process that stopped (four missed renewals). */
export const ABANDONED_AFTER_MS = 120_000;

/**
 * Which process is still working on a PROCESSING enrollment upload. The one that is renews the upload's
 * `heartbeat_at` every HEARTBEAT_MS; every instance sweeps as often, and fails (PROCESSING_INTERRUPTED)
 * the uploads whose lease is older than ABANDONED_AFTER_MS, so that their file can be sent again within
 * minutes of a crash, on PostgreSQL where several processes may share the database. (Before, an upload
 * left there was failed only an hour after it started.) On the embedded database, where this process is
 * the only one, every PROCESSING upload found at start-up is failed at once.
 */
@Injectable()
export class UploadLease implements OnApplicationBootstrap {
  private readonly logger = new Logger(UploadLease.name);
  private readonly held = new Set<string>();

  constructor(
    private readonly uploads: UploadStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.sweep(isEmbedded(this.config) ? 0 : ABANDONED_AFTER_MS);
  }

  /** This process works on the upload until `release`. */
  hold(id: string): void {
    this.held.add(id);
  }

  release(id: string): void {
    this.held.delete(id);
  }

  @Interval('upload-lease', HEARTBEAT_MS)
  async renew(): Promise<void> {
    try {
      if (this.held.size) await this.uploads.heartbeat([...this.held]);
      await this.sweep(ABANDONED_AFTER_MS);
    } catch (err) {
      this.logger.error('Pembaruan status unggahan gagal', err as Error); // the next interval tries again
    }
  }

  private async sweep(olderThanMs: number): Promise<void> {
    const abandoned = await this.uploads.failAbandoned(olderThanMs, [...this.held]);
    if (abandoned) this.logger.warn(`${abandoned} unggahan yang terhenti ditandai FAILED`);
  }
}
