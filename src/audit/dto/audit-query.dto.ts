import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsInt, IsOptional, IsString, Max, MaxDate, Min, MinDate } from 'class-validator';
import { MAX_PAGE } from '../../common/http/paging.js';

/** Years PostgreSQL's timestamptz refuses (0000, negative) would otherwise come back as a 500. */
const EARLIEST = new Date('2000-01-01T00:00:00Z');
const LATEST = new Date('2100-01-01T00:00:00Z');
const RANGE = (field: string) => ({ message: `${field} harus antara tahun 2000 dan 2099` });

export class AuditQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() actor?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() entity?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() entityId?: string;
  @ApiPropertyOptional({ description: 'ISO timestamp' }) @IsOptional() @Type(() => Date) @IsDate() @MinDate(EARLIEST, RANGE('from')) @MaxDate(LATEST, RANGE('from')) from?: Date;
  @ApiPropertyOptional({ description: 'ISO timestamp' }) @IsOptional() @Type(() => Date) @IsDate() @MinDate(EARLIEST, RANGE('to')) @MaxDate(LATEST, RANGE('to')) to?: Date;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE) page = 1;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) pageSize = 50;
}
