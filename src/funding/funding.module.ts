import { Module } from '@nestjs/common';
import { MultipartModule } from '@nestjs/platform-fastify/multipart';
import { UPLOAD_OPTIONS } from '../common/http/upload-options.js';
import { AllocationQueries } from './allocations/allocation-queries.service.js';
import { AllocationSummaries } from './allocations/allocation-summary.js';
import { AllocationsController } from './allocations/allocations.controller.js';
import { ImportPledgeSheet } from './pledge-upload/import-pledge-sheet.use-case.js';
import { SameFileInTurn } from './pledge-upload/same-file-in-turn.js';
import { PledgeTemplateController } from './pledge-upload/pledge-template.controller.js';
import { PledgeUploadsController } from './pledge-upload/pledge-uploads.controller.js';
import { PledgeUploads } from './pledge-upload/pledge-uploads.service.js';
import { ProjectionsController } from './projections/projections.controller.js';
import { ProjectYear } from './projections/project-year.use-case.js';
import { PledgesController } from './pledges/pledges.controller.js';
import { PledgesService } from './pledges/pledges.service.js';
import { RevisionEffects } from './pledges/revision-effects.js';
import { SplitsController } from './splits/splits.controller.js';
import { SplitsService } from './splits/splits.service.js';
import { SplitSummaries } from './splits/split-summaries.js';
import { TariffsController } from './tariffs/tariffs.controller.js';
import { TariffsService } from './tariffs/tariffs.service.js';
import { AllocateMonth } from './use-cases/allocate-month.use-case.js';
import { ExportSplits } from './use-cases/export-splits.use-case.js';
import { EmptiedMonthsWatch } from './use-cases/emptied-months-watch.js';
import { MonthBuildPool } from './use-cases/month-build-pool.js';
import { FundingWorker } from './worker/funding-worker.js';

/** Tariffs, pledges, monthly obligations and the allocation of DOMAIN §3–§6, with split queries. */
@Module({
  imports: [
    MultipartModule.registerAsync(UPLOAD_OPTIONS),
  ],
  controllers: [AllocationsController, PledgesController, PledgeUploadsController, PledgeTemplateController, SplitsController, TariffsController, ProjectionsController],
  providers: [AllocateMonth, MonthBuildPool, EmptiedMonthsWatch, AllocationSummaries, AllocationQueries, PledgesService, SplitsService, SplitSummaries, ExportSplits, TariffsService, ImportPledgeSheet, SameFileInTurn, PledgeUploads, ProjectYear, RevisionEffects, FundingWorker],
  exports: [AllocateMonth, FundingWorker],
})
export class FundingModule {}
