import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { FUNDS, SCOPES, SOURCE_TYPES } from '../domain/pledge-rules.js';
import { QueryInteger, ReportsUnknownFieldsWithItsRules } from '../../common/http/validation.js';

/**
 * The fields of DOMAIN §5. Types and rules are checked by `validatePledge` (shared with the sheet
 * upload) so that every problem comes back at once with an Indonesian message; the decorators here
 * only declare the accepted fields: an unknown one is refused with the rest (ReportsUnknownFieldsWithItsRules).
 */
export class PledgeFieldsDto {
  @ApiProperty({ enum: SOURCE_TYPES }) @IsOptional() sourceType?: unknown;
  @ApiPropertyOptional({ enum: FUNDS, nullable: true, description: 'only for DESA' }) @IsOptional() fund?: unknown;
  @ApiProperty({ type: String, example: 'Pemerintah Kabupaten Bengkulu Utara' }) @IsOptional() funder?: unknown;
  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 1, maximum: 12, default: 1, description: 'null: the default' }) @IsOptional() fromMonth?: unknown;
  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 1, maximum: 12, default: 12, description: 'null: the default' }) @IsOptional() toMonth?: unknown;
  @ApiProperty({ enum: SCOPES }) @IsOptional() scope?: unknown;
  @ApiPropertyOptional({ type: [String], nullable: true, example: ['17.03.06.2001'], description: 'null: none' }) @IsOptional() villageCodes?: unknown;
  @ApiPropertyOptional({ type: [String], nullable: true, description: 'null: none' }) @IsOptional() niks?: unknown;
  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 1, maximum: 100, default: 100, description: 'null: the default' }) @IsOptional() sharePercent?: unknown;
  @ApiPropertyOptional({ type: 'integer', nullable: true, description: 'participants per month' }) @IsOptional() quota?: unknown;
  @ApiPropertyOptional({ type: 'integer', nullable: true, description: 'rupiah over the fiscal year (pagu)' }) @IsOptional() budget?: unknown;
  @ApiPropertyOptional({ type: 'integer', nullable: true, description: 'default RESIDENTS 10, VILLAGES 20, ALL 90 (also for null)' }) @IsOptional() priority?: unknown;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'PKS No. 900/123/2026' }) @IsOptional() legalBasis?: unknown;
}

/** The revision a change was made from (revision-conflict.ts): optional for older clients; the console always sends it. */
const EXPECTED_REVISION = {
  type: 'integer',
  minimum: 1,
  example: 2,
  description: 'the revision the change was made from (GET /pledges/:code `revision`, or its ETag as If-Match): 409 REVISION_CONFLICT when the pledge was revised since; absent: no check',
} as const;

@ReportsUnknownFieldsWithItsRules()
export class CreatePledgeDto extends PledgeFieldsDto {
  @ApiProperty({ type: String, example: 'APBD-2026' }) @IsOptional() code?: unknown;
  @ApiProperty({ type: 'integer', example: 2026 }) @IsOptional() fiscalYear?: unknown;
}

/**
 * A revision: any field of §5 except code and fiscal year, and why (e.g. "APBD-P 2026"). The reason
 * and the two fields a revision cannot change are checked with the pledge's own rules (PledgesService
 * revise), so that every problem comes back in one answer.
 */
@ReportsUnknownFieldsWithItsRules()
export class RevisePledgeDto extends PledgeFieldsDto {
  @ApiProperty({ type: String, example: 'Perubahan pagu APBD-P 2026 (Perda No. 5/2026)', maxLength: 500 }) @IsOptional() reason?: unknown;
  @ApiPropertyOptional(EXPECTED_REVISION) @IsOptional() expectedRevision?: unknown;
  // Known fields that a revision cannot change: declared, so refused with their own message.
  @IsOptional() code?: unknown;
  @IsOptional() fiscalYear?: unknown;
}

/** A withdrawal or reinstatement: only why (kept with who and when as a new revision), checked as a revision's reason. */
@ReportsUnknownFieldsWithItsRules()
export class PledgeWithdrawalDto {
  @ApiProperty({ type: String, example: 'Komitmen APBD ganda: sudah dicatat sebagai APBD-2026', maxLength: 500 }) @IsOptional() reason?: unknown;
  @ApiPropertyOptional(EXPECTED_REVISION) @IsOptional() expectedRevision?: unknown;
}

export const WITHDRAWN_VALUES = ['true', 'false'];

export class PledgeListQueryDto {
  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @QueryInteger()
  @IsInt({ message: 'fiscalYear (tahun anggaran) harus antara 2018 dan 2099.' })
  @Min(2018, { message: 'fiscalYear (tahun anggaran) harus antara 2018 dan 2099.' })
  @Max(2099, { message: 'fiscalYear (tahun anggaran) harus antara 2018 dan 2099.' })
  fiscalYear?: number;

  @ApiPropertyOptional({ enum: WITHDRAWN_VALUES, description: 'true: only withdrawn pledges; false: only the ones standing; absent: all' })
  @IsOptional()
  @IsIn(WITHDRAWN_VALUES, { message: 'withdrawn harus true atau false' })
  withdrawn?: string;

  /**
   * `withdrawn` as the filter: true, false, or undefined for all. Read here rather than by a @Transform to a boolean:
   * the check then sees a boolean field, and a refused `ya` was told `…, bukan "ya"` (as PledgeUploadQueryDto.isDryRun).
   */
  get withdrawnFilter(): boolean | undefined {
    return this.withdrawn === undefined ? undefined : this.withdrawn === 'true';
  }
}
