import { Controller, Get, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../auth/access.decorators.js';
import { XLSX_CONTENT_TYPE } from '../../common/spreadsheet/workbook-style.js';
import { ALL_ROLES } from '../../users/role.js';
import { buildPledgeTemplate } from './pledge-template.js';

/** The pledge sheet template beside the enrollment one (`GET /api/v1/templates/…`): the same file as templates/pledges.xlsx. */
@ApiTags('funding')
@ApiBearerAuth()
@Controller('api/v1/templates')
@Roles(...ALL_ROLES)
export class PledgeTemplateController {
  private template?: Promise<Buffer>;

  @Get('pledges.xlsx')
  async pledgeTemplate(@Res() res: FastifyReply): Promise<void> {
    const buffer = await (this.template ??= buildPledgeTemplate());
    await res.header('Content-Type', XLSX_CONTENT_TYPE).header('Content-Disposition', 'attachment; filename="templat-komitmen-pendanaan.xlsx"').send(buffer);
  }
}
