import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { MONTH_PATTERN } from '../../common/month.js';
import { CATEGORIES, type Category } from '../reconciliation.types.js';
import { MAX_PAGE } from '../../common/http/paging.js';

const MONTH_MESSAGE = 'month harus berformat YYYY-MM dengan tahun 2000–2099';

export class StartReconciliationDto {
  @ApiProperty({ example: '2026-10' })
  @Matches(MONTH_PATTERN, { message: MONTH_MESSAGE })
  month: string;
}

export class RunListQueryDto {
  @ApiProperty({ example: '2026-10' })
  @Matches(MONTH_PATTERN, { message: MONTH_MESSAGE })
  month: string;
}

export class FindingQueryDto {
  @ApiPropertyOptional({ enum: CATEGORIES })
  @IsOptional()
  @IsIn(CATEGORIES as readonly string[], { message: `category harus salah satu dari: ${CATEGORIES.join(', ')}` })
  category?: Category;

  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE) page = 1;
  @ApiPropertyOptional({ default: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) pageSize = 100;
}
