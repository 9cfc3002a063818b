import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { MONTH_PATTERN } from '../../common/month.js';

export const MONTH_MESSAGE = 'month harus berformat YYYY-MM dengan tahun 2000–2099, misalnya 2026-07';

export class AllocateMonthDto {
  @ApiProperty({ example: '2026-07' })
  @IsString({ message: MONTH_MESSAGE })
  @Matches(MONTH_PATTERN, { message: MONTH_MESSAGE })
  month: string;
}
