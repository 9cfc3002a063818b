import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { PageNumber } from '../../common/http/paging.js';
import { QueryInteger } from '../../common/http/validation.js';

/** GET /enrollment-uploads/:id/issues: one severity or both, a page at a time. */
export class UploadIssueQueryDto {
  @ApiPropertyOptional({ enum: ['REJECT', 'WARN'] })
  @IsOptional()
  @IsIn(['REJECT', 'WARN'], { message: 'severity harus REJECT atau WARN' })
  severity?: 'REJECT' | 'WARN';

  @PageNumber() page: number = 1;
  @ApiPropertyOptional({ default: 100, type: 'integer', minimum: 1, maximum: 1000 }) @IsOptional() @QueryInteger() @IsInt() @Min(1) @Max(1000) pageSize: number = 100;
}
