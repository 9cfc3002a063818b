import { AsyncLocalStorage } from 'node:async_hooks';
import { Clock } from '../../common/clock/clock.js';

/** When the service sent a job, by its clock (epoch ms), and whether that clock stands still (a spec's FixedClock). */
export interface JobTime {
  sentAt: number;
  fixed: boolean;
}

/**
 * The funding worker's clock: the service's time when it sent the job, moving on from there as the
 * service's clock does. The time the month's checks and audit events read is then what it would have
 * been in the service, for each job, whichever of them run at once.
 */
export class JobClock extends Clock {
  private readonly job = new AsyncLocalStorage<JobTime & { receivedAt: number }>();

  now(): Date {
    const job = this.job.getStore();
    if (!job) throw new Error('the funding worker read the time outside a job');
    return new Date(job.fixed ? job.sentAt : job.sentAt + (performance.now() - job.receivedAt));
  }

  run<T>(time: JobTime, work: () => Promise<T>): Promise<T> {
    return this.job.run({ ...time, receivedAt: performance.now() }, work);
  }
}
