import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { MONTH_PATTERN } from '../../common/month.js';
import { SOURCE_TYPES } from '../domain/pledge-rules.js';
import { MONTH_MESSAGE } from './month.dto.js';
import { PageNumber, PageSizeUpTo1000 } from '../../common/http/paging.js';
import { IsNikField } from '../../common/http/validation.js';
import { VILLAGE_CODE_MESSAGE, VILLAGE_CODE_PATTERN } from '../../regions/village-code.js';
import { IsRequiredMonthUnlessRange, MonthRangeDto, NotWithRange } from './month-range.dto.js';

/**
 * Which splits: `GET /splits`' filters, shared with its workbook (`GET /splits/export.xlsx`): one `month`,
 * a range `from`–`to` (MonthRangeDto), or neither (every allocated month).
 */
export class SplitsFilterDto extends MonthRangeDto {
  @ApiPropertyOptional({ example: '2026-07', description: 'Satu bulan; tidak bersama from/to.' })
  @IsOptional()
  @Matches(MONTH_PATTERN, { message: MONTH_MESSAGE })
  @NotWithRange()
  month?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() pledgeCode?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsNikField()
  nik?: string;

  @ApiPropertyOptional({ example: '17.03.06.2001', description: 'dots optional' })
  @IsOptional()
  @Matches(VILLAGE_CODE_PATTERN, { message: VILLAGE_CODE_MESSAGE })
  villageCode?: string;

  @ApiPropertyOptional({ enum: SOURCE_TYPES })
  @IsOptional()
  @IsIn(SOURCE_TYPES, { message: `sourceType harus salah satu dari: ${SOURCE_TYPES.join(', ')}` })
  sourceType?: string;
}

export class SplitsQueryDto extends SplitsFilterDto {
  @PageNumber()
  page: number = 1;

  @PageSizeUpTo1000(50)
  pageSize: number = 50;
}

export const GROUP_BY = ['pledge', 'village', 'sourceType'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

/** The summary's months: `month`, or a range `from`–`to` (MonthRangeDto) instead; one of the two is required. */
export class SplitsSummaryQueryDto extends MonthRangeDto {
  @ApiPropertyOptional({ example: '2026-07', description: 'Satu bulan; wajib, kecuali rentang from dan to dikirim (tidak bersama keduanya).' })
  @IsRequiredMonthUnlessRange()
  @NotWithRange()
  month?: string;

  @ApiPropertyOptional({ enum: GROUP_BY, default: 'pledge' })
  @IsOptional()
  @IsIn(GROUP_BY, { message: `groupBy harus salah satu dari: ${GROUP_BY.join(', ')}` })
  groupBy: GroupBy = 'pledge';
}
