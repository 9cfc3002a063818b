import { ApiProperty } from '@nestjs/swagger';

/** A pledge-month's payment status (DOMAIN §8): due and paid in rupiah. */
export class PledgePaymentStatusDto {
  @ApiProperty() pledgeCode: string;
  @ApiProperty({ type: 'integer' }) due: number;
  @ApiProperty({ type: 'integer' }) paid: number;
  @ApiProperty({ enum: ['PAID', 'UNPAID', 'UNDERPAID', 'OVERPAID'] }) status: string;
  /** A payment dated after the 10th of the month it is recorded for. */
  @ApiProperty() late: boolean;
}

/** GET /payments/status's row: the status, and what of `paid` is corrections of earlier months. */
export class PaymentStatusResponseDto extends PledgePaymentStatusDto {
  /** Rupiah of `paid` that corrects earlier months, and which (`YYYY-MM`). */
  @ApiProperty({ type: 'integer' }) corrections: number;
  @ApiProperty({ type: [String] }) correctedMonths: string[];
  /** Late only because of corrections of earlier months. */
  @ApiProperty() lateOnlyByCorrections: boolean;
}
