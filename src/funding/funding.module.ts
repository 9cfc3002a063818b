import { Module } from '@nestjs/common';
import { AllocationQueries } from './allocations/allocation-queries.service.js';
import { AllocationSummaries } from './allocations/allocation-summary.js';
import { AllocationsController } from './allocations/allocations.controller.js';
import { PledgesController } from './pledges/pledges.controller.js';
import { PledgesService } from './pledges/pledges.service.js';
import { SplitsController } from './splits/splits.controller.js';
import { SplitsService } from './splits/splits.service.js';
import { TariffsController } from './tariffs/tariffs.controller.js';
import { TariffsService } from './tariffs/tariffs.service.js';
import { AllocateMonth } from './use-cases/allocate-month.use-case.js';

/** Tariffs, pledges, monthly obligations and the allocation of DOMAIN §3–§6, with split queries. */
@Module({
  controllers: [AllocationsController, PledgesController, SplitsController, TariffsController],
  providers: [AllocateMonth, AllocationSummaries, AllocationQueries, PledgesService, SplitsService, TariffsService],
  exports: [AllocateMonth],
})
export class FundingModule {}
