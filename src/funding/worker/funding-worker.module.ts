import { DynamicModule, Global, Module } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service.js';
import { Clock } from '../../common/clock/clock.js';
import { APP_CONFIG, type AppConfig } from '../../common/config/app-config.js';
import { DatabaseModule } from '../../database/database.module.js';
import { ClosedMonths } from '../../periods/closed-months.service.js';
import { AllocationSummaries } from '../allocations/allocation-summary.js';
import { ProjectYear } from '../projections/project-year.use-case.js';
import { AllocateMonth } from '../use-cases/allocate-month.use-case.js';
import { MonthBuildPool } from '../use-cases/month-build-pool.js';

@Global()
@Module({})
class WorkerCoreModule {
  static forRoot(config: AppConfig, clock: Clock): DynamicModule {
    return {
      module: WorkerCoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: Clock, useValue: clock },
      ],
      exports: [APP_CONFIG, Clock],
    };
  }
}

/**
 * What the funding worker's thread runs (funding-worker.thread.ts): the database and the two heavy use cases with
 * what they need, no HTTP, no schedule, no users.
 */
@Module({})
export class FundingWorkerModule {
  static forRoot(config: AppConfig, clock: Clock): DynamicModule {
    return {
      module: FundingWorkerModule,
      imports: [WorkerCoreModule.forRoot(config, clock), DatabaseModule],
      providers: [AllocateMonth, ProjectYear, AllocationSummaries, MonthBuildPool, ClosedMonths, AuditService],
    };
  }
}
