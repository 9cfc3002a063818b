import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CommonException } from '../common/errors/common.exception.js';

/**
 * Months closed by a finalized reconciliation (DOMAIN §9). Anything that would change a closed
 * month's register, allocation, bill, payments or results asks here first and is refused.
 */
@Injectable()
export class ClosedMonths {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The closed months among `months` (all closed months when omitted), sorted. */
  async closed(months?: string[], manager?: EntityManager): Promise<string[]> {
    const m = manager ?? this.dataSource.manager;
    const rows: { month: string }[] = months
      ? await m.query('SELECT month FROM closed_month WHERE month = ANY($1::text[]) ORDER BY month', [months])
      : await m.query('SELECT month FROM closed_month ORDER BY month');
    return rows.map((r) => r.month);
  }

  async isClosed(month: string, manager?: EntityManager): Promise<boolean> {
    return (await this.closed([month], manager)).length > 0;
  }

  /** Throws MONTH_CLOSED (409, Indonesian message) naming the first closed month among `months`. */
  async assertOpen(months: string[], manager?: EntityManager): Promise<void> {
    const [first] = await this.closed(months, manager);
    if (first) throw CommonException.monthClosed(first);
  }

  /**
   * The closed months among `months` (a change then applies to the open ones only); MONTH_CLOSED
   * when every one of them is closed: a change that could only touch finalized months is a mistake.
   */
  async assertSomeOpen(months: string[], manager?: EntityManager): Promise<string[]> {
    const closed = await this.closed(months, manager);
    if (closed.length === months.length) throw CommonException.monthClosed(closed[0]);
    return closed;
  }
}
