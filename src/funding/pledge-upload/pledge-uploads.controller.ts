import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, UploadedFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { READERS, Roles } from '../../auth/access.decorators.js';
import { type AuthenticatedUser, CurrentUser } from '../../auth/authenticated-user.js';
import { Audited } from '../../audit/audited.decorator.js';
import { type StoredUpload, UploadFile } from '../../common/http/upload-options.js';
import { UploadsPageDto } from '../../common/http/uploads-page.dto.js';
import { uuidParam } from '../../common/http/uuid-param.js';
import { NoQueryDto } from '../../common/http/validation.js';
import { sendWorkbook } from '../../common/spreadsheet/send-workbook.js';
import { withUploadedFile } from '../../common/uploads/uploaded-file.js';
import { Role } from '../../users/role.js';
import { isDryRun, PledgeUploadFormDto, PledgeUploadQueryDto } from '../dto/pledge-upload-query.dto.js';
import { FundingException } from '../funding.exception.js';
import { ImportPledgeSheet } from './import-pledge-sheet.use-case.js';
import { pledgeUploadReportFilename } from './pledge-upload-report.js';
import { PledgeUploads } from './pledge-uploads.service.js';
import { ApiErrorResponses } from '../../common/errors/error-response.dto.js';
import { ApiXlsxResponse } from '../../common/http/file-response.js';
import { PledgeUploadDetailResponseDto, PledgeUploadPageDto, PledgeUploadResultDto } from '../dto/pledge-upload-response.dto.js';

/** A malformed id is answered as an unknown one: the entity's 404 (uuid-param.ts). */
const UPLOAD_ID = uuidParam(FundingException.pledgeUploadNotFound);

/** Who uploads pledge sheets: finance officers and admins. Who sees them again: every reader (READERS), auditors too, as payment sheets. */
const UPLOADERS = [Role.KEUANGAN] as const;

@ApiTags('funding')
@ApiBearerAuth()
@Controller('api/v1/pledge-uploads')
@ApiErrorResponses(400, 401, 403, 404)
export class PledgeUploadsController {
  constructor(
    private readonly importSheet: ImportPledgeSheet,
    private readonly uploads: PledgeUploads,
  ) {}

  /** A pledge sheet (templates/pledges.xlsx, or .csv): one row per pledge; `dryRun=true` (query or form field) only checks. Stored (`id`) unless a dry run. */
  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: PledgeUploadResultDto })
  @Roles(...UPLOADERS)
  @Audited('pledge.upload', 'pledge_upload')
  @UploadFile({ fields: PledgeUploadFormDto, alsoInQuery: ['dryRun'] })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' }, dryRun: { type: 'string', enum: ['true', 'false', '1', '0'], description: 'as ?dryRun=' } },
    },
  })
  upload(@UploadedFile() file: StoredUpload | undefined, @Body() form: PledgeUploadFormDto, @Query() query: PledgeUploadQueryDto, @CurrentUser() user: AuthenticatedUser) {
    return withUploadedFile(
      file,
      (f) => this.importSheet.execute({ path: f.path, filename: f.originalname, actor: user.username, dryRun: isDryRun(query, form) }),
      FundingException.fileRequired,
    );
  }

  /** Pledge sheets saved (dry runs are not), newest first: `{ items, total }`. */
  @Get()
  @ApiOkResponse({ type: PledgeUploadPageDto })
  @Roles(...READERS)
  list(@Query() query: UploadsPageDto) {
    return this.uploads.list(query.page, query.pageSize);
  }

  /** One saved pledge sheet: its counts and refused rows (`issues`, as its upload answered them). */
  @Get(':id')
  @ApiOkResponse({ type: PledgeUploadDetailResponseDto })
  @Roles(...READERS)
  read(@Param('id', UPLOAD_ID) id: string, @Query() _query: NoQueryDto) {
    return this.uploads.get(id);
  }

  /** Refused pledge rows as uploaded and their `Daftar` rows (sheet Daftar), with their messages (fix and upload again), and the upload's counts. */
  @Get(':id/report.xlsx')
  @Roles(...READERS)
  @ApiXlsxResponse()
  async report(@Param('id', UPLOAD_ID) id: string, @Res() res: FastifyReply, @Query() _query: NoQueryDto): Promise<void> {
    const { upload, write } = await this.uploads.report(id);
    await sendWorkbook(res, { filename: pledgeUploadReportFilename(upload), write });
  }
}
