import { Module } from '@nestjs/common';
import { MultipartModule } from '@nestjs/platform-fastify/multipart';
import { UPLOAD_OPTIONS } from '../common/http/upload-options.js';
import { FundingModule } from '../funding/funding.module.js';
import { PaymentQueries } from './payment-queries.service.js';
import { PaymentStatuses } from './payment-statuses.service.js';
import { PaymentTemplateController } from './payment-template.controller.js';
import { PaymentUploadsController } from './payment-uploads.controller.js';
import { PaymentUploads } from './payment-uploads.service.js';
import { PaymentsController } from './payments.controller.js';
import { DeletePayment } from './use-cases/delete-payment.use-case.js';
import { RecordPayment } from './use-cases/record-payment.use-case.js';
import { UploadPayments } from './use-cases/upload-payments.use-case.js';

/** Payments by funders per pledge and month, and their §8 status. */
@Module({
  imports: [FundingModule, MultipartModule.registerAsync(UPLOAD_OPTIONS)],
  controllers: [PaymentsController, PaymentUploadsController, PaymentTemplateController],
  providers: [RecordPayment, DeletePayment, UploadPayments, PaymentStatuses, PaymentQueries, PaymentUploads],
  exports: [RecordPayment, PaymentStatuses],
})
export class PaymentsModule {}
