import { Module } from '@nestjs/common';
import { PaymentsModule } from '../payments/payments.module.js';
import { MONTH_ALLOCATOR } from './month-allocator.js';
import { ReconciliationController } from './reconciliation.controller.js';
import { ReconciliationRuns } from './reconciliation-runs.service.js';
import { RegisterOnlyAllocator } from './register-only-allocator.js';
import { MonthlySchedule } from './schedule/monthly-schedule.js';
import { MonthlyScheduleCron } from './schedule/monthly-schedule.cron.js';
import { FinalizeRun } from './use-cases/finalize-run.use-case.js';
import { ReconcileMonth } from './use-cases/reconcile-month.use-case.js';

/** BPJS bills, PBI-APBN lists, reconciliation runs, finalization and the monthly schedule (DOMAIN §7, §9, §10). */
@Module({
  imports: [PaymentsModule],
  controllers: [ReconciliationController],
  providers: [
    ReconcileMonth,
    FinalizeRun,
    ReconciliationRuns,
    MonthlySchedule,
    MonthlyScheduleCron,
    { provide: MONTH_ALLOCATOR, useClass: RegisterOnlyAllocator },
  ],
  exports: [ReconcileMonth, ReconciliationRuns, MonthlySchedule],
})
export class ReconciliationModule {}
