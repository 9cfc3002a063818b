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
  /**
   * What the month's own payments paid: `paid` less `corrections` (the corrections of other months recorded in it).
   * `overdue`, `suspensionRisk` and the EXCEEDS_DUE warning judge the month by it, not by `paid`.
   */
  @ApiProperty({ type: 'integer' }) ownPaid: number;
  /** The §8 status of `ownPaid` alone: UNPAID when `status` is PAID only thanks to corrections of other months. */
  @ApiProperty({ enum: ['PAID', 'UNPAID', 'UNDERPAID', 'OVERPAID'] }) ownStatus: string;
  /** Late only because of corrections of earlier months. */
  @ApiProperty() lateOnlyByCorrections: boolean;
  /** The last on-time day of the month, `YYYY-MM-10` (§8: premiums are due by the 10th). */
  @ApiProperty({ example: '2026-11-10' }) dueDate: string;
  /**
   * Something is still owed by the month's own payments (`ownStatus` UNPAID or UNDERPAID) and today (WIB) is after
   * `dueDate`; a month whose own payments are PAID or OVERPAID never is.
   */
  @ApiProperty() overdue: boolean;
  /**
   * §8, reported only (coverage is not changed): NONE when not overdue; BY_MONTH_END when overdue within the month,
   * so BPJS may suspend the coverage it funds at month end; MONTH_ENDED when the month ended unpaid, so BPJS may
   * already have suspended it.
   */
  @ApiProperty({ enum: ['NONE', 'BY_MONTH_END', 'MONTH_ENDED'] }) suspensionRisk: string;
}
