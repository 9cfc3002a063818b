import { DynamicModule, Module } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service.js';
import type { Clock } from '../../common/clock/clock.js';
import type { AppConfig } from '../../common/config/app-config.js';
import { CoreModule } from '../../common/core.module.js';
import { DatabaseModule } from '../../database/database.module.js';
import { ClosedMonths } from '../../periods/closed-months.service.js';
import { AllocationSummaries } from '../allocations/allocation-summary.js';
import { ProjectYear } from '../projections/project-year.use-case.js';
import { AllocateMonth } from '../use-cases/allocate-month.use-case.js';
import { MonthBuildPool } from '../use-cases/month-build-pool.js';

/**
 * What the funding worker's thread runs (funding-worker.thread.ts): the database and the two heavy use cases with
 * what they need, no HTTP, no schedule, no users.
 */
@Module({})
export class FundingWorkerModule {
  static forRoot(config: AppConfig, clock: Clock): DynamicModule {
    return {
      module: FundingWorkerModule,
      imports: [CoreModule.forRoot(config, clock), DatabaseModule],
      providers: [AllocateMonth, ProjectYear, AllocationSummaries, MonthBuildPool, ClosedMonths, AuditService],
    };
  }
}
