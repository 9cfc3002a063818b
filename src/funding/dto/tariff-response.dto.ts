import { ApiProperty } from '@nestjs/swagger';

/** A tariff row (DOMAIN §3): a component's rupiah per participant a month, for days `validFrom`..`validTo` (`YYYY-MM-DD`). */
export class TariffResponseDto {
  @ApiProperty({ type: 'integer' }) id: number;
  @ApiProperty({ example: 'IURAN' }) component: string;
  @ApiProperty({ enum: ['LOCAL', 'CENTRAL'] }) payer: string;
  @ApiProperty({ type: 'integer' }) amount: number;
  @ApiProperty({ format: 'date' }) validFrom: string;
  /** Null: open-ended. */
  @ApiProperty({ type: String, format: 'date', nullable: true }) validTo: string | null;
  @ApiProperty({ type: String, nullable: true }) legalBasis: string | null;
  @ApiProperty() createdBy: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  /**
   * Who closed the row (set `validTo`) by adding the row after it, or replaced it by a row from the same day (its
   * `tariff.close` or `tariff.supersede` event); null for an open row or one entered with its end.
   */
  @ApiProperty({ type: String, nullable: true }) closedBy: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt: Date | null;
  /** The row that replaced this one from the same day; this row then prices no day (`validTo` the day before `validFrom`). Null: not replaced. */
  @ApiProperty({ type: 'integer', nullable: true }) supersededBy: number | null;
  /** Why it was replaced (the request's `reason`). */
  @ApiProperty({ type: String, nullable: true }) supersededReason: string | null;
}

export class TariffWarningDto {
  @ApiProperty({ enum: ['FIRST_PRICED_MONTH', 'RESUMED_FROM_MONTH', 'NOT_CHARGED', 'COMPONENT_LAPSES', 'ALLOCATED_MONTHS_REPRICED', 'RECONCILED_MONTHS_REPRICED', 'PAID_MONTHS_REPRICED'] })
  code: string;
  @ApiProperty() message: string;
}

/** The row added, the row by which the closed open row resumes after it (or null), the row it replaced (or null), and what to know about them. */
export class TariffAddedResponseDto extends TariffResponseDto {
  @ApiProperty({ type: () => TariffResponseDto, nullable: true }) resumed: TariffResponseDto | null;
  /** The component's last row, from the same day, that this row replaced (its months all open), as it is now. */
  @ApiProperty({ type: () => TariffResponseDto, nullable: true }) supersedes: TariffResponseDto | null;
  @ApiProperty({ type: () => [TariffWarningDto] }) warnings: TariffWarningDto[];
}
