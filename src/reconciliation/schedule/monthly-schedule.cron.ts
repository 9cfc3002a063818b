import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { APP_CONFIG, type AppConfig } from '../../common/config/app-config.js';
import { MonthlySchedule, type ScheduleOutcome } from './monthly-schedule.js';

/**
 * The triggers of the monthly job (DOMAIN §10): 02:00 WIB on the 1st of every month, and a
 * catch-up of missed months at start-up. Both do nothing when SCHEDULER_ENABLED is false.
 * The work itself is in MonthlySchedule, which tests drive with their own clock.
 */
@Injectable()
export class MonthlyScheduleCron implements OnApplicationBootstrap {
  private readonly logger = new Logger(MonthlyScheduleCron.name);
  /** The start-up catch-up (runs in the background so the service starts listening at once). */
  catchUp: Promise<ScheduleOutcome[]> = Promise.resolve([]);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(MonthlySchedule) private readonly schedule: MonthlySchedule,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.schedulerEnabled) return;
    this.catchUp = this.trigger('catch-up at start-up');
  }

  @Cron('0 2 1 * *', { name: 'monthly-reconciliation', timeZone: 'Asia/Jakarta' })
  async monthly(): Promise<void> {
    if (!this.config.schedulerEnabled) return;
    await this.trigger('02:00 WIB on the 1st');
  }

  private async trigger(why: string): Promise<ScheduleOutcome[]> {
    try {
      const outcomes = await this.schedule.runDue();
      if (outcomes.length) this.logger.log(`Monthly schedule (${why}): ${outcomes.map((o) => `${o.month} ${o.status}`).join(', ')}`);
      return outcomes;
    } catch (err) {
      this.logger.error(`Monthly schedule (${why}) failed: ${err instanceof Error ? err.message : String(err)}`);
      return [];
    }
  }
}
