import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, dayInWib } from '../common/clock/clock.js';
import { AllocateMonth } from '../funding/use-cases/allocate-month.use-case.js';
import type { RequestRecomputes } from '../funding/recomputed-months.js';
import { PaymentException } from './payments.exception.js';
import { correctionsIn, duenessOf, ownPaymentsOf, pledgeMonthStatus, type PaymentFact, type PaymentStatus, type PledgeMonthCorrections, type PledgeMonthDueness, type PledgeMonthOwn } from './payment-status.js';
import { PAYMENTS_OF_MONTH, PLEDGE_MONTH_DUE_AND_PAYMENTS } from './sql/payment-status.sql.js';

export interface PledgePaymentStatus {
  pledgeCode: string;
  due: number;
  paid: number;
  status: PaymentStatus;
  late: boolean;
}

/**
 * GET /payments/status's row: the status, what of its paid is corrections of earlier months (QA: a month made
 * PAID or late by them read as paid on time) and what its own payments paid, and whether it is past due today with
 * the suspension risk, judged on its own payments (§8, QA: an overdue month read as one not yet due; a December made
 * PAID by a correction of November read as not overdue). Runs keep the status alone (their stored shape).
 */
export type CurrentPledgePaymentStatus = PledgePaymentStatus & PledgeMonthCorrections & PledgeMonthOwn;
export type PledgePaymentStatusToday = CurrentPledgePaymentStatus & PledgeMonthDueness;

/** The §8 status of every pledge-month of a month; used by the payments route and reconciliation runs. */
@Injectable()
export class PaymentStatuses {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly allocateMonth: AllocateMonth,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /**
   * GET /payments/status: like every read of splits, STALE months are recomputed first, so that due
   * is what the current pledges give (§6); NOT_ALLOCATED for a month never allocated, as the split
   * summary answers. Due-ness is judged on today's WIB day by the injected Clock.
   */
  async current(month: string, reader: string, recomputes?: RequestRecomputes): Promise<PledgePaymentStatusToday[]> {
    await this.allocateMonth.refreshStale(reader, month, recomputes);
    const [allocated] = await this.dataSource.query('SELECT 1 FROM allocation_month WHERE month = $1', [month]);
    if (!allocated) throw PaymentException.notAllocated(month);
    const today = dayInWib(this.clock.now());
    return (await this.forMonth(month)).map((s) => ({ ...s, ...duenessOf(month, s.ownStatus, today) }));
  }

  async forMonth(month: string, manager?: EntityManager): Promise<CurrentPledgePaymentStatus[]> {
    const m = manager ?? this.dataSource.manager;
    const rows: { pledgeCode: string; due: string; payments: PaymentRow[] | string }[] = await m.query(PLEDGE_MONTH_DUE_AND_PAYMENTS, [month]);
    return rows.map((row) => {
      const payments = facts(row.payments);
      const due = Number(row.due);
      return { pledgeCode: row.pledgeCode, ...pledgeMonthStatus(month, due, payments), ...correctionsIn(month, payments), ...ownPaymentsOf(due, payments) };
    });
  }

  /** The same, when the caller already summed the splits per pledge (`due`): only payments are read. */
  async withDue(month: string, due: ReadonlyMap<string, number>, manager?: EntityManager): Promise<PledgePaymentStatus[]> {
    const m = manager ?? this.dataSource.manager;
    const rows: { pledgeCode: string; payments: PaymentRow[] | string }[] = await m.query(PAYMENTS_OF_MONTH, [month]);
    const paid = new Map(rows.map((r) => [r.pledgeCode, facts(r.payments)]));
    const codes = [...new Set([...due.keys(), ...paid.keys()])].sort(codePointOrder);
    return codes.map((code) => ({ pledgeCode: code, ...pledgeMonthStatus(month, due.get(code) ?? 0, paid.get(code) ?? []) }));
  }
}

interface PaymentRow {
  amount: string;
  paidAt: string;
  /** In PLEDGE_MONTH_DUE_AND_PAYMENTS only. */
  adjustsMonth?: string | null;
}

function facts(payments: PaymentRow[] | string): PaymentFact[] {
  const list = (typeof payments === 'string' ? JSON.parse(payments) : payments) as PaymentRow[];
  return list.map((p) => ({ amount: Number(p.amount), paidAt: p.paidAt, adjustsMonth: p.adjustsMonth ?? null }));
}

/** Plain code-point order, as COLLATE "C" sorts in SQL. */
function codePointOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
