import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
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
import { columnOrderParams } from '../common/spreadsheet/upload-issue.sql.js';
import { ENROLLMENT_COLUMNS } from '../register/enrollment-columns.js';
import { ApiErrorResponses } from '../common/errors/error-response.dto.js';
import { UploadIssuePageDto } from '../register/dto/upload-issue-response.dto.js';

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

  @ApiPropertyOptional({ default: 1, type: 'integer', minimum: 1, maximum: MAX_PAGE }) @IsOptional() @QueryInteger() @IsInt() @Min(1) @Max(MAX_PAGE) page: number = 1;
  @ApiPropertyOptional({ default: 100, type: 'integer', minimum: 1, maximum: 1000 }) @IsOptional() @QueryInteger() @IsInt() @Min(1) @Max(1000) pageSize: number = 100;
}

/**
 * The rejected and warned rows of an enrollment upload as JSON, so the console can show them in a
 * table (the same rows as report.xlsx). Read-only; lives here because only the console needs it.
 */
@ApiTags('register')
@ApiBearerAuth()
@Controller('api/v1/enrollment-uploads')
@ApiErrorResponses(400, 401, 404)
export class UploadIssuesController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get(':id/issues')
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: UploadIssuePageDto })
  @ApiOperation({ summary: 'Baris ditolak dan peringatan satu unggahan: nomor baris, kolom, kode dan pesan (urut baris)' })
  async list(@Param('id', UPLOAD_ID) id: string, @Query() query: UploadIssueQueryDto) {
    const severity = query.severity ?? null;
    const codes = query.code ? query.code.split(',') : null;
    const [found]: { known: boolean; labels: Record<string, string> | null; total: number; rows: number }[] = await this.dataSource.query(UPLOAD_ISSUES_TOTAL, [id, severity, codes]);
    if (!found.known) throw RegisterException.uploadNotFound(id);
    const items: { rowNumber: number; severity: string; column: string | null; code: string; message: string }[] = await this.dataSource.query(UPLOAD_ISSUES_PAGE, [
      id,
      severity,
      query.pageSize,
      (query.page - 1) * query.pageSize,
      ...columnOrderParams(ENROLLMENT_COLUMNS, found.labels),
      codes,
    ]);
    // total counts messages (the pages), rows the rows they are on (a row may have several)
    return { items, total: Number(found.total), rows: Number(found.rows) };
  }
}
