import { Global, Module } from '@nestjs/common';
import { ClosedMonths } from './closed-months.service.js';

@Global()
@Module({ providers: [ClosedMonths], exports: [ClosedMonths] })
export class PeriodsModule {}
