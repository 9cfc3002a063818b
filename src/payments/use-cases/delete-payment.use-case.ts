import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { lockMonthInput, MONTH_INPUT } from '../../periods/month-input-locks.js';
import { ClosedMonths } from '../../periods/closed-months.service.js';
import { Payment } from '../entities/payment.entity.js';
import { PaymentException } from '../payments.exception.js';
import { deletionOf } from '../deleted-payments.js';
import { type PaymentView, paymentViews } from './record-payment.use-case.js';

/**
 * Removes a payment entered by mistake (twice, or with a wrong amount: only a correction of a closed month may be
 * negative, so an open month's payment is not undone by one). Only in an open month (§9): a finalized or frozen month's payments
 * are corrected by an adjustment in an open month. The audit trail keeps who removed what.
 */
@Injectable()
export class DeletePayment {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ClosedMonths) private readonly closedMonths: ClosedMonths,
  ) {}

  async execute(id: string): Promise<PaymentView> {
    const removed = await this.dataSource.transaction(async (m) => {
      const [payment] = await m.find(Payment, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!payment) return undefined;
      await lockMonthInput(m, MONTH_INPUT.PAYMENTS, [payment.month]); // finalize waits for it, or it for finalize
      // a frozen month's too: its figures are in a signed workbook of a later month of its year (closedBy)
      await this.closedMonths.assertPaymentMonthsOpen([payment.month], m);
      const [view] = await paymentViews(m, [payment]); // before it goes: the audit's `removed` names its sheet
      await m.delete(Payment, { id });
      return view;
    });
    if (removed) return removed;
    // deleted already (by another officer at once, or before): who, when and why, from the audit trail, read outside the
    // transaction (the other DELETE's event is appended just after its commit, on the one connection of PGlite as well)
    const deletion = await deletionOf(this.dataSource.manager, id);
    throw deletion ? PaymentException.alreadyDeleted(id, deletion) : PaymentException.notFound(id);
  }
}
