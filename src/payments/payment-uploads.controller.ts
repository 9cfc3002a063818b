import { Controller, Get, Inject, Param, Post, Query, Res, UploadedFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { READERS, Roles } from '../auth/access.decorators.js';
import { CurrentUser, type AuthenticatedUser } from '../auth/authenticated-user.js';
import { Audited } from '../audit/audited.decorator.js';
import { type StoredUpload, UploadFile } from '../common/http/upload-options.js';
import { uuidParam } from '../common/http/uuid-param.js';
import { sendWorkbook } from '../common/spreadsheet/send-workbook.js';
import { withUploadedFile } from '../common/uploads/uploaded-file.js';
import { Role } from '../users/role.js';
import { paymentUploadReportFilename } from './payment-upload-report.js';
import { PaymentUploads } from './payment-uploads.service.js';
import { PaymentException } from './payments.exception.js';
import { PaymentUploadQueryDto } from './dto/payment.dto.js';
import { UploadPayments } from './use-cases/upload-payments.use-case.js';
import { NoQueryDto } from '../common/http/validation.js';
import { ApiErrorResponses } from '../common/errors/error-response.dto.js';
import { ApiXlsxResponse } from '../common/http/file-response.js';
import { PaymentUploadPageDto, PaymentUploadResultDto } from './dto/payment-upload-response.dto.js';

/** A malformed id is answered as an unknown one: the entity's 404 (uuid-param.ts). */
const UPLOAD_ID = uuidParam(PaymentException.uploadNotFound);

@ApiTags('payments')
@ApiBearerAuth()
@Controller('api/v1/payment-uploads')
@ApiErrorResponses(400, 401, 403, 404, 409)
export class PaymentUploadsController {
  constructor(
    @Inject(UploadPayments) private readonly uploadPayments: UploadPayments,
    @Inject(PaymentUploads) private readonly uploads: PaymentUploads,
  ) {}

  /** Payments from a sheet: KODE_KOMITMEN, BULAN, JUMLAH, TANGGAL_BAYAR, REFERENSI (+ optional KOREKSI_UNTUK_BULAN, stored as PENYESUAIAN_BULAN). */
  @Post()
  @Roles(Role.KEUANGAN)
  @Audited('payment.upload', 'payment')
  @ApiCreatedResponse({ type: PaymentUploadResultDto })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @UploadFile()
  upload(@UploadedFile() file: StoredUpload | undefined, @CurrentUser() user: AuthenticatedUser, @Query() _query: NoQueryDto) {
    return withUploadedFile(file, (f) => this.uploadPayments.execute({ path: f.path, filename: f.originalname, actor: user.username }), PaymentException.fileRequired);
  }

  /** Payment sheets that recorded payments, newest first: `{ items, total }` (amount in rupiah), each with its row report. */
  @Get()
  @ApiOkResponse({ type: PaymentUploadPageDto })
  @Roles(...READERS)
  list(@Query() query: PaymentUploadQueryDto) {
    return this.uploads.list(query.page, query.pageSize);
  }

  /** Rejected and warned rows of a payment sheet as uploaded, with their messages (fix and upload again), and its counts. */
  @Get(':id/report.xlsx')
  @Roles(...READERS)
  @ApiXlsxResponse()
  async report(@Param('id', UPLOAD_ID) id: string, @Res() res: FastifyReply, @Query() _query: NoQueryDto): Promise<void> {
    const { upload, write } = await this.uploads.report(id);
    await sendWorkbook(res, { filename: paymentUploadReportFilename(upload), write });
  }
}
