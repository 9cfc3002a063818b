import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isMonth } from '../../common/month.js';
import { FundingException } from '../funding.exception.js';
import { AllocateMonth, recomputedOnRead } from '../use-cases/allocate-month.use-case.js';
import type { AllocationDetail } from './allocation-summary.js';

/** Reads of stored allocations; a STALE month is recomputed before it is reported (§6). */
@Injectable()
export class AllocationQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly allocateMonth: AllocateMonth,
  ) {}

  async detail(month: string, reader: string): Promise<AllocationDetail> {
    if (!isMonth(month)) throw FundingException.monthInvalid(month);
    const [row] = await this.dataSource.query('SELECT status FROM allocation_month WHERE month = $1', [month]);
    if (!row) throw FundingException.notAllocated(month);
    return this.allocateMonth.ensureCurrent(month, recomputedOnRead(reader));
  }
}
