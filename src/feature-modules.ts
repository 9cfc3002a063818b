/** The domain capabilities, each a folder under src/. Listed here so app.module.ts stays stable. */
import type { Type } from '@nestjs/common';
import { ConsoleModule } from './console/console.module.js';
import { FundingModule } from './funding/funding.module.js';
import { PaymentsModule } from './payments/payments.module.js';
import { ReconciliationModule } from './reconciliation/reconciliation.module.js';
import { RegisterModule } from './register/register.module.js';
import { ReportsModule } from './reports/reports.module.js';

export const FEATURE_MODULES: Type[] = [ConsoleModule, FundingModule, PaymentsModule, ReconciliationModule, ReportsModule, RegisterModule];
