import { ApiProperty } from '@nestjs/swagger';

/** A warning a pledge carries into every output (DOMAIN §5: Dana Desa for PBI premiums). */
export class PledgeWarningDto {
  @ApiProperty({ enum: ['DANA_DESA_PBI'] }) code: string;
  @ApiProperty() pledgeCode: string;
  @ApiProperty() message: string;
}

/**
 * A warning told when a pledge is saved or checked (PledgesService.entryWarnings): the one it carries everywhere, and
 * the ones of entry (another year in its code, NIKs not registered, another pledge of the same funding, a pledge paying
 * nothing behind an earlier one that takes every premium whole).
 */
export class PledgeEntryWarningDto {
  @ApiProperty({ enum: ['DANA_DESA_PBI', 'CODE_YEAR_MISMATCH', 'NIKS_NOT_REGISTERED', 'SAME_FUNDING_TWICE', 'SHADOWED_BY_PRIORITY', 'UNFUNDED_AFTER_REVISION', 'PAYMENTS_EXCEED_DUE_AFTER_REVISION'] }) code: string;
  @ApiProperty() pledgeCode: string;
  @ApiProperty() message: string;
}

/** The terms of a pledge (DOMAIN §5) as a revision recorded them. Months are 1–12 of `fiscalYear`; `budget` in rupiah. */
export class PledgeTermsDto {
  @ApiProperty({ example: 'APBD-2026' }) code: string;
  @ApiProperty({ enum: ['APBD', 'APBD_PROV', 'DESA', 'TJSLP'] }) sourceType: string;
  /** DESA pledges: which village fund pays (DANA_DESA, ADD, …). */
  @ApiProperty({ type: String, nullable: true }) fund: string | null;
  @ApiProperty() funder: string;
  @ApiProperty({ type: 'integer' }) fiscalYear: number;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 12 }) fromMonth: number;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 12 }) toMonth: number;
  @ApiProperty({ enum: ['ALL', 'VILLAGES', 'RESIDENTS'] }) scope: string;
  @ApiProperty({ type: [String] }) villageCodes: string[];
  @ApiProperty({ type: [String] }) niks: string[];
  /** Share of each covered participant's obligation, percent. */
  @ApiProperty() sharePercent: number;
  /** Most participants funded a month; null: no limit. */
  @ApiProperty({ type: 'integer', nullable: true }) quota: number | null;
  /** Rupiah for the fiscal year; null: no limit. */
  @ApiProperty({ type: 'integer', nullable: true }) budget: number | null;
  /** Lower is allocated first. */
  @ApiProperty({ type: 'integer' }) priority: number;
  @ApiProperty({ type: String, nullable: true }) legalBasis: string | null;
}

/** A pledge as it stands (its latest revision). */
export class PledgeResponseDto extends PledgeTermsDto {
  @ApiProperty({ type: 'integer' }) revision: number;
  @ApiProperty({ type: () => [PledgeWarningDto] }) warnings: PledgeWarningDto[];
  @ApiProperty() createdBy: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date;
  /** Withdrawn (dicabut, POST …/withdraw): takes no part in the allocation of months computed since, nor in the projection; finalized months keep what it paid. */
  @ApiProperty() withdrawn: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) withdrawnAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) withdrawnBy: string | null;
}

/** A pledge just created or revised, with its months left as they were (finalized, and frozen before a finalized month). */
export class PledgeChangeResponseDto extends PledgeResponseDto {
  @ApiProperty({ type: () => [PledgeEntryWarningDto] }) declare warnings: PledgeEntryWarningDto[];
  /** `YYYY-MM`. */
  @ApiProperty({ type: [String] }) closedMonths: string[];
  @ApiProperty({ type: [String] }) frozenMonths: string[];
}

/** One revision of a pledge: why, who, when, and its terms then. */
export class PledgeRevisionResponseDto {
  @ApiProperty({ type: 'integer' }) revision: number;
  @ApiProperty() reason: string;
  @ApiProperty() changedBy: string;
  @ApiProperty({ type: String, format: 'date-time' }) changedAt: Date;
  /** Whether the pledge stood withdrawn after this revision (a withdrawal, or a revision before its reinstatement: false). */
  @ApiProperty() withdrawn: boolean;
  @ApiProperty({ type: () => PledgeTermsDto }) pledge: PledgeTermsDto;
}
