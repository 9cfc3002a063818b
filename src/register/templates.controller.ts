import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/access.decorators.js';
import { sendWorkbookBytes } from '../common/spreadsheet/send-workbook.js';
import { ALL_ROLES } from '../users/role.js';
import { buildEnrollmentTemplate } from './workbooks/enrollment-template.js';
import { NoQueryDto } from '../common/http/validation.js';
import { ApiErrorResponses } from '../common/errors/error-response.dto.js';
import { ApiXlsxResponse } from '../common/http/file-response.js';

@ApiTags('master data')
@ApiBearerAuth()
@Controller('api/v1/templates')
@Roles(...ALL_ROLES)
@ApiErrorResponses(400, 401)
export class TemplatesController {
  private enrollment?: Promise<Buffer>;

  /** The enrollment template, built from the parser's own column definitions (same as templates/enrollment.xlsx). */
  @ApiXlsxResponse('Templat Excel (.xlsx), sebagai lampiran.')
  @Get('enrollment.xlsx')
  async enrollmentTemplate(@Res() res: FastifyReply, @Query() _query: NoQueryDto): Promise<void> {
    await sendWorkbookBytes(res, 'templat-daftar-peserta.xlsx', (this.enrollment ??= buildEnrollmentTemplate()));
  }
}
