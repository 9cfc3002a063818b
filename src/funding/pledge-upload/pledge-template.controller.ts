import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../auth/access.decorators.js';
import { sendWorkbookBytes } from '../../common/spreadsheet/send-workbook.js';
import { ALL_ROLES } from '../../users/role.js';
import { buildPledgeTemplate } from './pledge-template.js';
import { NoQueryDto } from '../../common/http/validation.js';
import { ApiErrorResponses } from '../../common/errors/error-response.dto.js';
import { ApiXlsxResponse } from '../../common/http/file-response.js';

/** The pledge sheet template beside the enrollment one (`GET /api/v1/templates/…`): the same file as templates/pledges.xlsx. */
@ApiTags('funding')
@ApiBearerAuth()
@Controller('api/v1/templates')
@Roles(...ALL_ROLES)
@ApiErrorResponses(400, 401)
export class PledgeTemplateController {
  private template?: Promise<Buffer>;

  @ApiXlsxResponse('Templat Excel (.xlsx), sebagai lampiran.')
  @Get('pledges.xlsx')
  async pledgeTemplate(@Res() res: FastifyReply, @Query() _query: NoQueryDto): Promise<void> {
    await sendWorkbookBytes(res, 'templat-komitmen-pendanaan.xlsx', (this.template ??= buildPledgeTemplate()));
  }
}
