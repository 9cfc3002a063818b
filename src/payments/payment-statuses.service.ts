import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { pledgeMonthStatus, type PaymentStatus } from './payment-status.js';
import { PLEDGE_MONTH_DUE_AND_PAYMENTS } from './sql/payment-status.sql.js';

export interface PledgePaymentStatus {
  pledgeCode: string;
  due: number;
  paid: number;
  status: PaymentStatus;
  late: boolean;
}

/** The §8 status of every pledge-month of a month; used by the payments route and reconciliation runs. */
@Injectable()
export class PaymentStatuses {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async forMonth(month: string, manager?: EntityManager): Promise<PledgePaymentStatus[]> {
    const m = manager ?? this.dataSource.manager;
    const rows: { pledgeCode: string; due: string; payments: { amount: string; paidAt: string }[] }[] = await m.query(
      PLEDGE_MONTH_DUE_AND_PAYMENTS,
      [month],
    );
    return rows.map((row) => {
      const payments = (typeof row.payments === 'string' ? JSON.parse(row.payments) : row.payments) as { amount: string; paidAt: string }[];
      const facts = payments.map((p) => ({ amount: Number(p.amount), paidAt: p.paidAt }));
      return { pledgeCode: row.pledgeCode, ...pledgeMonthStatus(month, Number(row.due), facts) };
    });
  }
}
