import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { PageNumber } from '../../common/http/paging.js';
import { QueryInteger } from '../../common/http/validation.js';

/** GET /enrollment-uploads/:id/issues: one severity or both, some codes or all, a page at a time. */
export class UploadIssueQueryDto {
  @ApiPropertyOptional({ enum: ['REJECT', 'WARN'] })
  @IsOptional()
  @IsIn(['REJECT', 'WARN'], { message: 'severity harus REJECT atau WARN' })
  severity?: 'REJECT' | 'WARN';

  /** Only these finding codes, comma-separated (`COVERAGE_CHANGED,CLOSED_MONTH_UNCHANGED`: the rows whose warnings change what is owed). */
  @ApiPropertyOptional({ example: 'COVERAGE_CHANGED,CLOSED_MONTH_UNCHANGED' })
  @IsOptional()
  @Matches(/^[A-Z_]{1,40}(,[A-Z_]{1,40}){0,19}$/, { message: 'code harus berupa kode temuan, dipisah koma (misalnya COVERAGE_CHANGED,CLOSED_MONTH_UNCHANGED)' })
  code?: string;

  @PageNumber() page: number = 1;
  @ApiPropertyOptional({ default: 100, type: 'integer', minimum: 1, maximum: 1000 }) @IsOptional() @QueryInteger() @IsInt() @Min(1) @Max(1000) pageSize: number = 100;
}
