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
import { BillQueryDto, UploadBillDto } from '../dto/bpjs-input.dto.js';
import { type StoredUpload, UploadFile } from '../../common/http/upload-options.js';
import { withUploadedFile } from '../../common/uploads/uploaded-file.js';
import { billReport, billReportFilename } from '../uploads/upload-reports.js';
import { uuidParam } from '../../common/http/uuid-param.js';
import { UploadBill } from './upload-bill.use-case.js';
import { ExportBillLines } from './export-bill-lines.use-case.js';
import { BpjsInputException } from '../bpjs-input.exception.js';

/** A malformed id is answered as an unknown one: the entity's 404 (uuid-param.ts). */
const BILL_ID = uuidParam(BpjsInputException.billNotFound);
import { NoQueryDto } from '../../common/http/validation.js';
import { ApiErrorResponses } from '../../common/errors/error-response.dto.js';
import { ApiXlsxResponse } from '../../common/http/file-response.js';
import { BillDetailResponseDto, BillResponseDto, BillUploadResultDto } from '../dto/bpjs-input-response.dto.js';

@ApiTags('bpjs')
@ApiBearerAuth()
@Controller('api/v1/bills')
@ApiErrorResponses(400, 401, 403, 404, 409)
export class BillsController {
  constructor(
    @Inject(UploadBill) private readonly uploadBill: UploadBill,
    @Inject(BpjsInputs) private readonly inputs: BpjsInputs,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ExportBillLines) private readonly billLines: ExportBillLines,
  ) {}

  /** A new version of the month's BPJS bill (the latest version is the month's bill). */
  @Post()
  @Roles(Role.KEUANGAN)
  @Audited('bill.upload', 'bill')
  @ApiCreatedResponse({ type: BillUploadResultDto })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadBillDto })
  @UploadFile({ fields: UploadBillDto })
  upload(@Body() body: UploadBillDto, @UploadedFile() file: StoredUpload | undefined, @CurrentUser() user: AuthenticatedUser, @Query() _query: NoQueryDto) {
    return withUploadedFile(file, (f) =>
      this.uploadBill.execute({ month: body.month, invoiceTotal: Number(body.invoiceTotal), path: f.path, filename: f.originalname, actor: user.username }),
      BpjsInputException.fileRequired,
    );
  }

  @Get()
  @ApiOkResponse({ type: [BillResponseDto] })
  @Roles(...READERS)
  list(@Query() query: BillQueryDto) {
    return this.inputs.bills(query.month);
  }

  @Get(':id')
  @ApiOkResponse({ type: BillDetailResponseDto })
  @Roles(...READERS)
  get(@Param('id', BILL_ID) id: string, @Query() _query: NoQueryDto) {
    return this.inputs.bill(id);
  }

  /** Rejected and warned rows of the bill as uploaded, with their messages (fixed in the original file, uploaded whole: the report itself is refused, ROW_REPORT_UPLOADED), and its counts. */
  @Get(':id/report.xlsx')
  @Roles(...READERS)
  @ApiXlsxResponse()
  async report(@Param('id', BILL_ID) id: string, @Res() res: FastifyReply, @Query() _query: NoQueryDto): Promise<void> {
    const bill = await this.inputs.findBill(id);
    await sendWorkbook(res, { filename: billReportFilename(bill), write: (out) => writeRowReport(this.dataSource, billReport(bill), out) });
  }

  /**
   * Every stored line of this bill version (file row, NIK and NOKA as text, name, amount, and the finding of the month's
   * latest run that used this version), with a JUMLAH row: what was reconciled, for the auditor (export-bill-lines.use-case.ts).
   * In the audit trail (`bill.export`).
   */
  @Get(':id/lines.xlsx')
  @Roles(...READERS)
  @ApiXlsxResponse()
  async lines(@Param('id', BILL_ID) id: string, @CurrentUser() user: AuthenticatedUser, @Res() res: FastifyReply, @Query() _query: NoQueryDto): Promise<void> {
    await sendWorkbook(res, await this.billLines.prepare(id, user.username));
  }
}
