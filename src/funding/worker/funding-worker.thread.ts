/**
 * The funding worker's thread (funding-worker.ts starts it): a Nest application context of its own
 * (FundingWorkerModule: its own database pools and its own V8 heap), answering the service's jobs.
 * Messages in: `{ id, job, time }`, and `'close'`; out: `'ready'` once, then `{ id, value }` or `{ id, error }`.
 */
import 'reflect-metadata';
import { parentPort, workerData } from 'node:worker_threads';
import { ConsoleLogger, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AppConfig } from '../../common/config/app-config.js';
import { nestLogLevels } from '../../common/config/log-levels.js';
import { ProjectYear } from '../projections/project-year.use-case.js';
import { AllocateMonth } from '../use-cases/allocate-month.use-case.js';
import { FundingWorkerModule } from './funding-worker.module.js';
import { JobClock } from './job-clock.js';
import { errorMessage } from './relayed-error.js';
import type { FundingJob, JobRequest, StaleRecomputes } from './funding-worker.js';

const { config } = workerData as { config: AppConfig };
const port = parentPort!;
const clock = new JobClock();

function run(app: INestApplicationContext, job: FundingJob): Promise<unknown> {
  switch (job.kind) {
    case 'allocate':
      return app.get(AllocateMonth).execute(job.command);
    case 'project':
      return app.get(ProjectYear).execute(job.fiscalYear);
    case 'ensure-current':
      // the summary stays here: the run reads the month from the database in its own transaction
      return app.get(AllocateMonth).ensureCurrent(job.month, job.actor).then(() => undefined);
    case 'recompute-stale': {
      const recomputed = new Set<string>();
      const answer = (error?: unknown): StaleRecomputes => ({ months: [...recomputed], ...(error === undefined ? {} : { error: errorMessage(error) }) });
      return app.get(AllocateMonth).recomputeStale(job.actor, job.read, recomputed).then(() => answer(), answer);
    }
  }
}

async function main(): Promise<void> {
  // Nest's start-up lines ("Starting Nest application…") read as if the service restarted: shown at debug only (the
  // service says when the thread has started); the use cases log at debug, warn and error
  const levels = nestLogLevels(config.logLevel);
  const logger = new ConsoleLogger({ json: true, logLevels: levels.filter((level) => level !== 'log' || levels.includes('debug')) });
  const app = await NestFactory.createApplicationContext(FundingWorkerModule.forRoot(config, clock), { logger, abortOnError: false });
  port.on('message', (message: JobRequest | 'close') => {
    if (message === 'close') {
      // a worker thread's process.exit ends the thread alone
      void app.close().finally(() => process.exit(0));
      return;
    }
    const { id, job, time } = message;
    // async: a use case's check that throws before its promise (AllocateMonth.execute's) is answered like any other
    clock.run(time, async () => run(app, job)).then(
      (value) => port.postMessage({ id, value }),
      (err: unknown) => port.postMessage({ id, error: errorMessage(err) }),
    );
  });
  port.postMessage('ready');
}

main().catch((err: unknown) => {
  // the service fails the jobs waiting and starts a new thread for the next one
  port.postMessage({ startFailed: errorMessage(err) });
  process.exit(1);
});
