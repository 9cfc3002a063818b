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
  /** The last on-time day of the month, `YYYY-MM-10` (§8: premiums are due by the 10th). */
  @ApiProperty({ example: '2026-11-10' }) dueDate: string;
  /** Something is still owed (UNPAID or UNDERPAID) and today (WIB) is after `dueDate`; PAID and OVERPAID never are. */
  @ApiProperty() overdue: boolean;
  /**
   * §8, reported only (coverage is not changed): NONE when not overdue; BY_MONTH_END when overdue within the month,
   * so BPJS may suspend the coverage it funds at month end; MONTH_ENDED when the month ended unpaid, so BPJS may
   * already have suspended it.
   */
  @ApiProperty({ enum: ['NONE', 'BY_MONTH_END', 'MONTH_ENDED'] }) suspensionRisk: string;
}
