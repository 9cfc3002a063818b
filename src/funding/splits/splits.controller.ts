import { Controller, Get, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { READERS, Roles } from '../../auth/access.decorators.js';
import { type AuthenticatedUser, CurrentUser } from '../../auth/authenticated-user.js';
import { ApiXlsxResponse } from '../../common/http/file-response.js';
import { sendWorkbook } from '../../common/spreadsheet/send-workbook.js';
import { SplitsFilterDto, SplitsQueryDto, SplitsSummaryQueryDto } from '../dto/splits-query.dto.js';
import { ExportSplits } from '../use-cases/export-splits.use-case.js';
import { SplitsService } from './splits.service.js';
import { SplitSummaries } from './split-summaries.js';
import { ApiErrorResponses } from '../../common/errors/error-response.dto.js';
import { SplitPageDto, SplitSummaryRowDto } from '../dto/split-response.dto.js';
import { SaysRecomputedMonths } from '../recomputed-months.route.js';
import { RecomputesOf, type RequestRecomputes } from '../recomputed-months.js';

@ApiTags('funding')
@ApiBearerAuth()
@Controller('api/v1/splits')
@Roles(...READERS)
@ApiErrorResponses(400, 401, 403, 404)
export class SplitsController {
  constructor(
    private readonly splits: SplitsService,
    private readonly exportSplits: ExportSplits,
    private readonly summaries: SplitSummaries,
  ) {}

  @Get()
  @SaysRecomputedMonths()
  @ApiOkResponse({ type: SplitPageDto })
  list(@Query() query: SplitsQueryDto, @CurrentUser() user: AuthenticatedUser, @RecomputesOf() recomputes?: RequestRecomputes) {
    return this.splits.list(query, user.username, recomputes);
  }

  /**
   * Every split the list's filters select (none: every allocated month), in its order, as a workbook:
   * NIKs in Text cells, rupiah as numbers (use-cases/export-splits.use-case.ts). The list's 400s and
   * 404s, before the first byte. In the audit trail.
   */
  @Get('export.xlsx')
  @SaysRecomputedMonths()
  @ApiXlsxResponse()
  @ApiOperation({ summary: 'Pembagian iuran hasil saringan sebagai buku kerja Excel (NIK sebagai teks, jumlah sebagai angka)' })
  async export(@Query() filter: SplitsFilterDto, @CurrentUser() user: AuthenticatedUser, @Res() res: FastifyReply, @RecomputesOf() recomputes?: RequestRecomputes): Promise<void> {
    await sendWorkbook(res, await this.exportSplits.prepare(filter, user.username, { recomputes }));
  }

  /** One month (`month`), or the allocated months of a range (`from`, `to`) summed. */
  @Get('summary')
  @SaysRecomputedMonths()
  @ApiOkResponse({ type: [SplitSummaryRowDto] })
  summary(@Query() query: SplitsSummaryQueryDto, @CurrentUser() user: AuthenticatedUser, @RecomputesOf() recomputes?: RequestRecomputes) {
    return this.summaries.of(query, user.username, recomputes);
  }
}
