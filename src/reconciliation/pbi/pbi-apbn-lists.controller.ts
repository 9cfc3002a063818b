import { Body, Controller, Get, Inject, Param, Post, Query, Res, UploadedFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { READERS, Roles } from '../../auth/access.decorators.js';
import { CurrentUser, type AuthenticatedUser } from '../../auth/authenticated-user.js';
import { Audited } from '../../audit/audited.decorator.js';
import { writeRowReport } from '../../common/spreadsheet/row-report.writer.js';
import { sendWorkbook } from '../../common/spreadsheet/send-workbook.js';
import { Role } from '../../users/role.js';
import { BpjsInputs } from '../bpjs-inputs.service.js';
import { BillQueryDto, UploadPbiListDto } from '../dto/bpjs-input.dto.js';
import { type StoredUpload, UploadFile } from '../../common/http/upload-options.js';
import { withUploadedFile } from '../../common/uploads/uploaded-file.js';
import { pbiListReport, pbiListReportFilename } from '../uploads/upload-reports.js';
import { uuidParam } from '../../common/http/uuid-param.js';
import { UploadPbiApbnList } from './upload-pbi-apbn-list.use-case.js';
import { BpjsInputException } from '../bpjs-input.exception.js';

/** A malformed id is answered as an unknown one: the entity's 404 (uuid-param.ts). */
const PBI_LIST_ID = uuidParam(BpjsInputException.pbiListNotFound);
import { NoQueryDto } from '../../common/http/validation.js';
import { ApiErrorResponses } from '../../common/errors/error-response.dto.js';
import { ApiXlsxResponse } from '../../common/http/file-response.js';
import { PbiListDetailResponseDto, PbiListResponseDto, PbiListUploadResultDto } from '../dto/bpjs-input-response.dto.js';

@ApiTags('bpjs')
@ApiBearerAuth()
@Controller('api/v1/pbi-apbn-lists')
@ApiErrorResponses(400, 401, 403, 404, 409)
export class PbiApbnListsController {
  constructor(
    @Inject(UploadPbiApbnList) private readonly uploadList: UploadPbiApbnList,
    @Inject(BpjsInputs) private readonly inputs: BpjsInputs,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** A new version of the month's central PBI-APBN NIK list (for DOUBLE_COVERAGE). */
  @Post()
  @Roles(Role.KEUANGAN)
  @Audited('pbi-apbn-list.upload', 'pbi_apbn_list')
  @ApiCreatedResponse({ type: PbiListUploadResultDto })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadPbiListDto })
  @UploadFile({ fields: UploadPbiListDto })
  upload(@Body() body: UploadPbiListDto, @UploadedFile() file: StoredUpload | undefined, @CurrentUser() user: AuthenticatedUser, @Query() _query: NoQueryDto) {
    return withUploadedFile(file, (f) => this.uploadList.execute({ month: body.month, path: f.path, filename: f.originalname, actor: user.username }), BpjsInputException.fileRequired);
  }

  @Get()
  @ApiOkResponse({ type: [PbiListResponseDto] })
  @Roles(...READERS)
  list(@Query() query: BillQueryDto) {
    return this.inputs.pbiLists(query.month);
  }

  @Get(':id')
  @ApiOkResponse({ type: PbiListDetailResponseDto })
  @Roles(...READERS)
  get(@Param('id', PBI_LIST_ID) id: string, @Query() _query: NoQueryDto) {
    return this.inputs.pbiList(id);
  }

  /** Rejected rows of the list as uploaded, with their messages (fixed in the original file, uploaded whole: the report itself is refused, ROW_REPORT_UPLOADED), and its counts. */
  @Get(':id/report.xlsx')
  @Roles(...READERS)
  @ApiXlsxResponse()
  async report(@Param('id', PBI_LIST_ID) id: string, @Res() res: FastifyReply, @Query() _query: NoQueryDto): Promise<void> {
    const list = await this.inputs.findPbiList(id);
    await sendWorkbook(res, { filename: pbiListReportFilename(list), write: (out) => writeRowReport(this.dataSource, pbiListReport(list), out) });
  }
}
