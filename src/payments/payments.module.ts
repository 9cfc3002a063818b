import { Module } from '@nestjs/common';
import { PaymentStatuses } from './payment-statuses.service.js';
import { PaymentsController } from './payments.controller.js';
import { RecordPayment } from './use-cases/record-payment.use-case.js';

/** Payments by funders per pledge and month, and their §8 status. */
@Module({
  controllers: [PaymentsController],
  providers: [RecordPayment, PaymentStatuses],
  exports: [RecordPayment, PaymentStatuses],
})
export class PaymentsModule {}
