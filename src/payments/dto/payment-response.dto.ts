import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../../common/http/page-response.dto.js';

/** A payment of a pledge for a month (DOMAIN §8), rupiah. */
export class PaymentResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() pledgeCode: string;
  /** The open month it is recorded in, `YYYY-MM`. */
  @ApiProperty({ example: '2026-10' }) month: string;
  @ApiProperty({ type: 'integer' }) amount: number;
  @ApiProperty({ format: 'date' }) paidAt: string;
  /** The SP2D or transfer reference. */
  @ApiProperty() reference: string;
  /** A correction: the finalized month it corrects, `YYYY-MM`; null for an ordinary payment. */
  @ApiProperty({ type: String, nullable: true }) adjustsMonth: string | null;
  /** Who recorded it (POST /payments or a payment sheet). */
  @ApiProperty() createdBy: string;
  /** When it was recorded. */
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) createdAt: string | null;
  /** The payment sheet it was recorded from (GET /payment-uploads `id`); null for one recorded on its own or before 2026-12. */
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) uploadId: string | null;
  /** That sheet's file name; null with `uploadId`. */
  @ApiProperty({ type: String, nullable: true }) uploadFilename: string | null;
}

export class PaymentPageDto extends PageOf(PaymentResponseDto) {}

export class PaymentWarningDto {
  @ApiProperty({ enum: ['NOTHING_DUE', 'EXCEEDS_DUE', 'NO_SHORTFALL', 'EXCEEDS_SHORTFALL', 'NO_OVERPAYMENT', 'EXCEEDS_OVERPAYMENT', 'PAID_BEFORE_MONTH'] }) code: string;
  /** The field the warning is about. */
  @ApiProperty({ enum: ['month', 'adjustsMonth', 'amount', 'paidAt'] }) field: string;
  @ApiProperty() message: string;
}

/** A payment just recorded, with what the officer should check. */
export class RecordedPaymentResponseDto extends PaymentResponseDto {
  @ApiProperty({ type: () => [PaymentWarningDto] }) warnings: PaymentWarningDto[];
}
