import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { assertPledgeExists } from '../funding/pledges/pledge-code.js';
import type { PaymentQueryDto } from './dto/payment.dto.js';
import { Payment } from './entities/payment.entity.js';
import { paymentViews, type PaymentView } from './use-cases/record-payment.use-case.js';

/** Payments as GET /payments lists them. */
@Injectable()
export class PaymentQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A page of payments by month, pledge, pledge and payment date, filtered by the query's fields. */
  async page(query: PaymentQueryDto): Promise<{ items: PaymentView[]; total: number }> {
    // an unknown (or wrong-case) pledge is 404, not an empty list that reads as "nothing paid" (QA)
    if (query.pledgeCode) await assertPledgeExists(this.dataSource, query.pledgeCode);
    // adjustsMonth: the corrections of that month, recorded in later (open) months; its Pembayaran page names them (QA)
    // uploadId: the payments recorded from one payment sheet, as its payment.upload audit event names it (QA: untraceable)
    const { month, pledgeCode, adjustsMonth, uploadId } = query;
    const where = { ...(month ? { month } : {}), ...(pledgeCode ? { pledgeCode } : {}), ...(adjustsMonth ? { adjustsMonth } : {}), ...(uploadId ? { uploadId } : {}) };
    const [rows, total] = await this.dataSource.getRepository(Payment).findAndCount({
      where,
      order: { month: 'ASC', pledgeCode: 'ASC', paidAt: 'ASC', createdAt: 'ASC', id: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return { items: await paymentViews(this.dataSource.manager, rows), total };
  }
}
