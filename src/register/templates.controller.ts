import { Controller, Get, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/access.decorators.js';
import { XLSX_CONTENT_TYPE } from '../common/spreadsheet/workbook-style.js';
import { ALL_ROLES } from '../users/role.js';
import { buildEnrollmentTemplate } from './workbooks/enrollment-template.js';

@ApiTags('master data')
@ApiBearerAuth()
@Controller('api/v1/templates')
@Roles(...ALL_ROLES)
export class TemplatesController {
  private enrollment?: Promise<Buffer>;

  /** The enrollment template, built from the parser's own column definitions (same as templates/enrollment.xlsx). */
  @Get('enrollment.xlsx')
  async enrollmentTemplate(@Res() res: FastifyReply): Promise<void> {
    const buffer = await (this.enrollment ??= buildEnrollmentTemplate());
    await res.header('Content-Type', XLSX_CONTENT_TYPE).header('Content-Disposition', 'attachment; filename="templat-daftar-peserta.xlsx"').send(buffer);
  }
}
