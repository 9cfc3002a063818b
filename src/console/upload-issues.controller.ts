import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { Roles } from '../auth/access.decorators.js';
import { MAX_PAGE } from '../common/http/paging.js';
import { RegisterException } from '../register/register.exception.js';
import { ALL_ROLES } from '../users/role.js';
import { UPLOAD_ISSUES_PAGE, UPLOAD_ISSUES_TOTAL } from './sql/upload-issues.sql.js';
import { uuidParam } from '../common/http/uuid-param.js';

/** A malformed id is answered as an unknown one: the entity's 404 (uuid-param.ts). */
const UPLOAD_ID = uuidParam(RegisterException.uploadNotFound);
import { QueryInteger } from '../common/http/validation.js';

export class UploadIssueQueryDto {
  @ApiPropertyOptional({ enum: ['REJECT', 'WARN'] })
  @IsOptional()
  @IsIn(['REJECT', 'WARN'], { message: 'severity harus REJECT atau WARN' })
  severity?: 'REJECT' | 'WARN';

  @ApiPropertyOptional({ default: 1 }) @IsOptional() @QueryInteger() @IsInt() @Min(1) @Max(MAX_PAGE) page = 1;
  @ApiPropertyOptional({ default: 100 }) @IsOptional() @QueryInteger() @IsInt() @Min(1) @Max(1000) pageSize = 100;
}

/**
 * The rejected and warned rows of an enrollment upload as JSON, so the console can show them in a
 * table (the same rows as report.xlsx). Read-only; lives here because only the console needs it.
 */
@ApiTags('register')
@ApiBearerAuth()
@Controller('api/v1/enrollment-uploads')
export class UploadIssuesController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get(':id/issues')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'Baris ditolak dan peringatan satu unggahan: nomor baris, kolom, kode dan pesan (urut baris)' })
  async list(@Param('id', UPLOAD_ID) id: string, @Query() query: UploadIssueQueryDto) {
    const severity = query.severity ?? null;
    const [{ known, total }] = await this.dataSource.query(UPLOAD_ISSUES_TOTAL, [id, severity]);
    if (!known) throw RegisterException.uploadNotFound(id);
    const rows: { rowNumber: number; severity: string; column: string | null; code: string; message: string }[] = await this.dataSource.query(UPLOAD_ISSUES_PAGE, [
      id,
      severity,
      query.pageSize,
      (query.page - 1) * query.pageSize,
    ]);
    return { items: rows, total: Number(total) };
  }
}
