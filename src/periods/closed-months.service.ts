import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CommonException } from '../common/errors/common.exception.js';
import { monthsBetween } from '../common/month.js';
import { CLOSED_MONTHS_BY, monthFrozen } from './sql/frozen-allocations.sql.js';
import { openMonthToRecordIn } from './open-month.js';

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

  /** MONTH_CLOSED naming the first finalized month among `months`; `advice` (CommonException.monthClosed) says what to do instead. */
  async assertOpen(months: string[], manager?: EntityManager, advice?: string): Promise<void> {
    const [first] = await this.closed(months, manager);
    if (first) throw CommonException.monthClosed(first, advice);
  }

  /**
   * Every closed month → the finalized month that closed it (itself when finalized; else the later finalized month of
   * its year that froze it, §9): FROZEN_MONTHS, the months the allocation no longer recomputes and the statements
   * print as final. Payments read closed so (paymentMonthClosed, assertPaymentMonthsOpen): such a month takes no payment of its own, only
   * corrections recorded in an open month, and its payments are not deleted, or a signed workbook or statement of
   * that year would change under its signature (QA: June paid directly after December 2026 was finalized).
   */
  async closedBy(manager?: EntityManager): Promise<Map<string, string>> {
    const rows: { month: string; frozen_by: string }[] = await (manager ?? this.dataSource.manager).query(CLOSED_MONTHS_BY);
    return new Map(rows.map((r) => [r.month, r.frozen_by]));
  }

  /**
   * MONTH_CLOSED for the payments of `month` when it is closed (finalized or frozen, closedBy), else null: `advice`
   * says what to do instead (for a payment, the open month to record it in as a correction, openMonthToRecordIn).
   */
  async paymentMonthClosed(month: string, manager?: EntityManager, advice?: (open: string) => string, currentMonth?: string, field?: string): Promise<CommonException | null> {
    const closed = await this.closedBy(manager);
    const by = closed.get(month);
    if (!by) return null;
    const said = advice && currentMonth ? advice(openMonthToRecordIn(month, currentMonth, closed)) : undefined;
    return CommonException.closedMonth(month, by, said, field);
  }

  /** MONTH_CLOSED (CommonException.closedMonth) naming the first of `months` that is closed for payments (closedBy). */
  async assertPaymentMonthsOpen(months: Iterable<string>, manager?: EntityManager): Promise<void> {
    const closed = await this.closedBy(manager);
    const first = [...months].sort().find((month) => closed.has(month));
    if (first) throw CommonException.closedMonth(first, closed.get(first)!);
  }

  /** The latest finalized month of fiscal year `year`: it and every month of the year before it are closed (§9). */
  async lastClosedOfYear(year: number | string, manager?: EntityManager): Promise<string | undefined> {
    return (await this.closed(monthsBetween(`${year}-01`, `${year}-12`), manager)).at(-1);
  }

  /**
   * Whether no month of fiscal year `year` is open any more: its December is finalized, so every month is finalized or
   * frozen by it (frozen-allocations.sql.ts) and nothing of that year can change.
   */
  async yearClosed(year: number, manager?: EntityManager): Promise<boolean> {
    return this.isClosed(`${year}-12`, manager);
  }

  /**
   * The months among `months` a change can no longer reach, sorted: `closed` (finalized) and
   * `frozen` (earlier months of a finalized month's year, never allocated again: see
   * frozen-allocations.sql.ts). A change then applies to the other months only; MONTH_CLOSED when
   * there is none: a change that could only touch finalized or frozen months is a mistake.
   */
  async assertSomeOpen(months: string[], manager?: EntityManager, advice?: string): Promise<{ closed: string[]; frozen: string[] }> {
    const m = manager ?? this.dataSource.manager;
    const rows: { month: string; closed: boolean }[] = await m.query(
      `SELECT k AS month, EXISTS (SELECT 1 FROM closed_month c WHERE c.month = k) AS closed
         FROM unnest($1::text[]) AS k WHERE ${monthFrozen('k')} ORDER BY k`,
      [months],
    );
    const closed = rows.filter((r) => r.closed).map((r) => r.month);
    const frozen = rows.filter((r) => !r.closed).map((r) => r.month);
    if (rows.length === new Set(months).size) {
      const [{ month: by }] = await m.query('SELECT min(month) AS month FROM closed_month WHERE month >= $1 AND left(month, 4) = left($1, 4)', [rows.at(-1)!.month]);
      throw closed.length === rows.length ? CommonException.monthClosed(closed[0], advice) : CommonException.monthsFrozen(rows.map((r) => r.month), by, closed);
    }
    return { closed, frozen };
  }
}
