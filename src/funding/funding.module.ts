import { Module } from '@nestjs/common';
import { AllocationQueries } from './allocations/allocation-queries.service.js';
import { AllocationSummaries } from './allocations/allocation-summary.js';
import { AllocationsController } from './allocations/allocations.controller.js';
import { AllocateMonth } from './use-cases/allocate-month.use-case.js';

/** Tariffs, pledges, monthly obligations and the allocation of DOMAIN §3–§6, with split queries. */
@Module({
  controllers: [AllocationsController],
  providers: [AllocateMonth, AllocationSummaries, AllocationQueries],
  exports: [AllocateMonth],
})
export class FundingModule {}
