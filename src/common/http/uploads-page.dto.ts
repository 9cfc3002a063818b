import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { PageNumber } from './paging.js';
import { QueryInteger } from './validation.js';

/** A page of the sheets of one kind of upload, newest first (payment sheets, pledge sheets). */
export class UploadsPageDto {
  @PageNumber() page: number = 1;
  @ApiPropertyOptional({ default: 20, type: 'integer', minimum: 1, maximum: 100 }) @IsOptional() @QueryInteger() @IsInt() @Min(1) @Max(100) pageSize: number = 20;
}
