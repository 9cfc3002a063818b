import { Module } from '@nestjs/common';
import { FundingModule } from '../funding/funding.module.js';
import { ReportQueries } from './data/report-queries.js';
import { StatementQueries } from './data/statement-queries.js';
import { ReportsController } from './reports.controller.js';
import { WritePledgeStatement } from './use-cases/write-pledge-statement.use-case.js';
import { WriteReconciliationWorkbook } from './use-cases/write-reconciliation-workbook.use-case.js';
import { WriteVillageStatement } from './use-cases/write-village-statement.use-case.js';
import { WriteYearRecap } from './use-cases/write-year-recap.use-case.js';

/**
 * Workbooks and statements (DOMAIN §11): read-only over the funding, billing and reconciliation
 * tables, except that a statement first has STALE months re-allocated (FundingModule), as the
 * split queries do.
 */
@Module({
  imports: [FundingModule],
  controllers: [ReportsController],
  providers: [ReportQueries, StatementQueries, WriteReconciliationWorkbook, WriteVillageStatement, WritePledgeStatement, WriteYearRecap],
  exports: [WriteReconciliationWorkbook, WriteVillageStatement, WritePledgeStatement],
})
export class ReportsModule {}
