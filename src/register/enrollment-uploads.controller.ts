import { Controller, Get, HttpCode, Param, Post, Query, Res, UploadedFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Audited } from '../audit/audited.decorator.js';
import { CurrentUser, type AuthenticatedUser } from '../auth/authenticated-user.js';
import { Roles } from '../auth/access.decorators.js';
import { type StoredUpload, UploadFile } from '../common/http/upload-options.js';
import { uuidParam } from '../common/http/uuid-param.js';
import { sendWorkbook } from '../common/spreadsheet/send-workbook.js';
import { uploadReportFilename } from '../common/spreadsheet/report-filename.js';
import { ALL_ROLES, Role } from '../users/role.js';
import { UploadListQueryDto } from './dto/register-query.dto.js';
import { RegisterException } from './register.exception.js';
import { UploadStore } from './upload-store.js';
import { toUploadView } from './upload-view.js';
import { ImportEnrollmentSheet } from './use-cases/import-enrollment-sheet.use-case.js';
import { writeUploadReport } from './workbooks/upload-report.writer.js';
import { NoQueryDto } from '../common/http/validation.js';
import { ApiErrorResponses } from '../common/errors/error-response.dto.js';
import { ApiXlsxResponse } from '../common/http/file-response.js';
import { EnrollmentUploadPageDto, EnrollmentUploadResponseDto } from './dto/enrollment-upload-response.dto.js';

/** A malformed id is answered as an unknown one: the entity's 404 (uuid-param.ts). */
const UPLOAD_ID = uuidParam(RegisterException.uploadNotFound);

@ApiTags('register')
@ApiBearerAuth()
@Controller('api/v1/enrollment-uploads')
@ApiErrorResponses(400, 401, 403, 404, 409)
export class EnrollmentUploadsController {
  constructor(
    private readonly importSheet: ImportEnrollmentSheet,
    private readonly uploads: UploadStore,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** An enrollment sheet (.xlsx or .csv, DOMAIN §12) into the register. */
  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: EnrollmentUploadResponseDto })
  @Roles(Role.OPERATOR_DINKES)
  @Audited('enrollment.upload', 'enrollment_upload')
  @UploadFile()
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  upload(@UploadedFile() file: StoredUpload | undefined, @CurrentUser() user: AuthenticatedUser, @Query() _query: NoQueryDto) {
    if (!file) throw RegisterException.fileRequired();
    return this.importSheet.execute({ path: file.path, filename: file.originalname, sizeBytes: file.size, actor: user.username });
  }

  @Get()
  @ApiOkResponse({ type: EnrollmentUploadPageDto })
  @Roles(...ALL_ROLES)
  async list(@Query() query: UploadListQueryDto) {
    const [items, total] = await this.uploads.list(query.page, query.pageSize);
    return { items: items.map((u) => toUploadView(u)), total };
  }

  @Get(':id')
  @ApiOkResponse({ type: EnrollmentUploadResponseDto })
  @Roles(...ALL_ROLES)
  async get(@Param('id', UPLOAD_ID) id: string, @Query() _query: NoQueryDto) {
    return toUploadView(await this.uploads.get(id));
  }

  /** Rejected and warned rows as uploaded, with their messages: fix and upload again. */
  @Get(':id/report.xlsx')
  @ApiXlsxResponse()
  @Roles(...ALL_ROLES)
  async report(@Param('id', UPLOAD_ID) id: string, @Res() res: FastifyReply, @Query() _query: NoQueryDto): Promise<void> {
    const upload = await this.uploads.get(id);
    if (upload.status === 'PROCESSING') throw RegisterException.reportNotReady(id);
    await sendWorkbook(res, { filename: uploadReportFilename('peserta', upload), write: (out) => writeUploadReport(this.dataSource, upload, out) });
  }
}
