import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { MONTH_PATTERN } from '../../common/month.js';
import { CATEGORIES, type Category } from '../reconciliation.types.js';
import { PageNumber } from '../../common/http/paging.js';
import { IsRequiredMonth, QueryInteger } from '../../common/http/validation.js';

const MONTH_MESSAGE = 'month harus berformat YYYY-MM dengan tahun 2000–2099';

export class StartReconciliationDto {
  @ApiProperty({ example: '2026-10' })
  @Matches(MONTH_PATTERN, { message: MONTH_MESSAGE })
  month: string;
}

export class RunListQueryDto {
  @ApiProperty({ example: '2026-10' })
  @IsRequiredMonth()
  @Matches(MONTH_PATTERN, { message: MONTH_MESSAGE })
  month: string;
}

/**
 * The categories stored as findings: MATCHED lines are counted in the run's summary, not stored
 * (reconcile.sql.ts), so a MATCHED filter answered an empty list beside thousands counted (QA).
 */
const LISTED = CATEGORIES.filter((c) => c !== 'MATCHED');
const CATEGORY_MESSAGE = `category harus salah satu dari: ${LISTED.join(', ')}`;
const MATCHED_NOT_LISTED =
  'category MATCHED tidak dapat dipilih: baris tagihan yang cocok tidak dicatat satu per satu sebagai temuan, hanya dihitung ' +
  'dalam ringkasan rekonsiliasi (findings.MATCHED). Baris-barisnya ada di tagihan BPJS yang dipakai rekonsiliasi ini. ' +
  CATEGORY_MESSAGE;

export class FindingQueryDto {
  @ApiPropertyOptional({ enum: LISTED })
  @IsOptional()
  @IsIn(LISTED, { message: ({ value }) => (value === 'MATCHED' ? MATCHED_NOT_LISTED : CATEGORY_MESSAGE) })
  category?: Exclude<Category, 'MATCHED'>;

  @PageNumber() page: number = 1;
  @ApiPropertyOptional({ default: 100, type: 'integer', minimum: 1, maximum: 1000 }) @IsOptional() @QueryInteger() @IsInt() @Min(1) @Max(1000) pageSize: number = 100;
}
