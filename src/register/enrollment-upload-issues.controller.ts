import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorators.js';
import { ApiErrorResponses } from '../common/errors/error-response.dto.js';
import { uuidParam } from '../common/http/uuid-param.js';
import { ALL_ROLES } from '../users/role.js';
import { UploadIssueQueryDto } from './dto/upload-issue-query.dto.js';
import { UploadIssuePageDto } from './dto/upload-issue-response.dto.js';
import { RegisterException } from './register.exception.js';
import { UploadStore } from './upload-store.js';

/** A malformed id is answered as an unknown one: the entity's 404 (uuid-param.ts). */
const UPLOAD_ID = uuidParam(RegisterException.uploadNotFound);

/**
 * The rejected and warned rows of an enrollment upload as JSON, so the console can show them in a
 * table (the same rows as report.xlsx). Read-only.
 */
@ApiTags('register')
@ApiBearerAuth()
@Controller('api/v1/enrollment-uploads')
@ApiErrorResponses(400, 401, 404)
export class EnrollmentUploadIssuesController {
  constructor(private readonly uploads: UploadStore) {}

  @Get(':id/issues')
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: UploadIssuePageDto })
  @ApiOperation({ summary: 'Baris ditolak dan peringatan satu unggahan: nomor baris, kolom, kode dan pesan (urut baris)' })
  list(@Param('id', UPLOAD_ID) id: string, @Query() query: UploadIssueQueryDto) {
    return this.uploads.issues(id, query);
  }
}
