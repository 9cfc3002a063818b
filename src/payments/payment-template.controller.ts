import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/access.decorators.js';
import { sendWorkbookBytes } from '../common/spreadsheet/send-workbook.js';
import { ALL_ROLES } from '../users/role.js';
import { buildPaymentTemplate } from './payment-template.js';
import { NoQueryDto } from '../common/http/validation.js';
import { ApiErrorResponses } from '../common/errors/error-response.dto.js';
import { ApiXlsxResponse } from '../common/http/file-response.js';

/** The payment sheet template beside the enrollment and pledge ones (`GET /api/v1/templates/…`): the same file as templates/payments.xlsx. */
@ApiTags('payments')
@ApiBearerAuth()
@Controller('api/v1/templates')
@Roles(...ALL_ROLES)
@ApiErrorResponses(400, 401)
export class PaymentTemplateController {
  private template?: Promise<Buffer>;

  @ApiXlsxResponse('Templat Excel (.xlsx), sebagai lampiran.')
  @Get('payments.xlsx')
  async paymentTemplate(@Res() res: FastifyReply, @Query() _query: NoQueryDto): Promise<void> {
    await sendWorkbookBytes(res, 'templat-pembayaran.xlsx', (this.template ??= buildPaymentTemplate()));
  }
}
