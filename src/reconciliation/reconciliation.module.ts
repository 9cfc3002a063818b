import { Module } from '@nestjs/common';
import { MultipartModule } from '@nestjs/platform-fastify/multipart';
import { FundingModule } from '../funding/funding.module.js';
import { AllocateMonth } from '../funding/use-cases/allocate-month.use-case.js';
import { FundingWorker } from '../funding/worker/funding-worker.js';
import { PaymentsModule } from '../payments/payments.module.js';
import { BillsController } from './bills/bills.controller.js';
import { UploadBill } from './bills/upload-bill.use-case.js';
import { ExportBillLines } from './bills/export-bill-lines.use-case.js';
import { BpjsInputs } from './bpjs-inputs.service.js';
import { MONTH_ALLOCATOR, type MonthAllocator } from './month-allocator.js';
import { PbiApbnListsController } from './pbi/pbi-apbn-lists.controller.js';
import { UploadPbiApbnList } from './pbi/upload-pbi-apbn-list.use-case.js';
import { ReconciliationController } from './reconciliation.controller.js';
import { ReconciliationRuns } from './reconciliation-runs.service.js';
import { MonthlySchedule } from './schedule/monthly-schedule.js';
import { MonthlyScheduleCron } from './schedule/monthly-schedule.cron.js';
import { FinalizeRun } from './use-cases/finalize-run.use-case.js';
import { ReconcileMonth } from './use-cases/reconcile-month.use-case.js';
import { UPLOAD_OPTIONS } from '../common/http/upload-options.js';
import { BpjsInputTemplatesController } from './templates/bpjs-input-templates.controller.js';

/** BPJS bills, PBI-APBN lists, reconciliation runs, finalization and the monthly schedule (DOMAIN §7, §9, §10). */
@Module({
  imports: [FundingModule, PaymentsModule, MultipartModule.registerAsync(UPLOAD_OPTIONS)],
  controllers: [ReconciliationController, BillsController, PbiApbnListsController, BpjsInputTemplatesController],
  providers: [
    UploadBill,
    ExportBillLines,
    UploadPbiApbnList,
    BpjsInputs,
    ReconcileMonth,
    FinalizeRun,
    ReconciliationRuns,
    MonthlySchedule,
    MonthlyScheduleCron,
    {
      provide: MONTH_ALLOCATOR,
      useFactory: (allocateMonth: AllocateMonth, worker: FundingWorker): MonthAllocator => ({
        ensureCurrent: (month, actor, manager) => allocateMonth.ensureCurrent(month, actor, manager),
        bringCurrent: (month, actor) => worker.bringCurrent(month, actor),
        bringsCurrentAhead: worker.inThread,
      }),
      inject: [AllocateMonth, FundingWorker],
    },
  ],
  exports: [ReconcileMonth, ReconciliationRuns, MonthlySchedule],
})
export class ReconciliationModule {}
