import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../auth/access.decorators.js';
import { ApiErrorResponses } from '../../common/errors/error-response.dto.js';
import { ApiXlsxResponse } from '../../common/http/file-response.js';
import { NoQueryDto } from '../../common/http/validation.js';
import { sendWorkbookBytes } from '../../common/spreadsheet/send-workbook.js';
import { ALL_ROLES } from '../../users/role.js';
import { buildBillTemplate, buildPbiTemplate } from './bpjs-input-templates.js';

/** The BPJS bill and PBI-APBN list templates beside the others (`GET /api/v1/templates/…`): the files of templates/. */
@ApiTags('reconciliation')
@ApiBearerAuth()
@Controller('api/v1/templates')
@Roles(...ALL_ROLES)
@ApiErrorResponses(400, 401)
export class BpjsInputTemplatesController {
  private bill?: Promise<Buffer>;
  private pbi?: Promise<Buffer>;

  @ApiXlsxResponse('Templat Excel (.xlsx), sebagai lampiran.')
  @Get('bill.xlsx')
  async billTemplate(@Res() res: FastifyReply, @Query() _query: NoQueryDto): Promise<void> {
    await sendWorkbookBytes(res, 'templat-tagihan-bpjs.xlsx', (this.bill ??= buildBillTemplate()));
  }

  @ApiXlsxResponse('Templat Excel (.xlsx), sebagai lampiran.')
  @Get('pbi-apbn.xlsx')
  async pbiTemplate(@Res() res: FastifyReply, @Query() _query: NoQueryDto): Promise<void> {
    await sendWorkbookBytes(res, 'templat-pbi-apbn.xlsx', (this.pbi ??= buildPbiTemplate()));
  }
}
