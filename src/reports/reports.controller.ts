import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { READERS, Roles } from '../auth/access.decorators.js';
import { CurrentUser, type AuthenticatedUser } from '../auth/authenticated-user.js';
import { StatementQueryDto } from './dto/statement-query.dto.js';
import { WritePledgeStatement } from './use-cases/write-pledge-statement.use-case.js';
import { WriteReconciliationWorkbook } from './use-cases/write-reconciliation-workbook.use-case.js';
import { WriteVillageStatement } from './use-cases/write-village-statement.use-case.js';
import { WriteYearRecap } from './use-cases/write-year-recap.use-case.js';
import { AuditService, type AuditRecord } from '../audit/audit.service.js';
import { isHead, sendWorkbook, type StreamableWorkbook } from '../common/spreadsheet/send-workbook.js';
import { uuidParam } from '../common/http/uuid-param.js';
import { ReportsException } from './reports.exception.js';
import { SaysRecomputedMonths } from '../funding/recomputed-months.route.js';

/** A malformed id is answered as an unknown one: the entity's 404 (uuid-param.ts). */
const RUN_ID = uuidParam(ReportsException.runNotFound);
import { NoQueryDto } from '../common/http/validation.js';
import { ApiErrorResponses } from '../common/errors/error-response.dto.js';
import { ApiXlsxResponse } from '../common/http/file-response.js';
import { RecomputesOf, type RequestRecomputes } from '../funding/recomputed-months.js';

const STREAMED = 'Buku kerja Excel (.xlsx), dikirim bertahap (streaming).';

/** Downloads: the reconciliation workbook (DOMAIN §11), the village and pledge statements and the year-end recap. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/v1')
@ApiErrorResponses(400, 401, 403, 404, 409)
export class ReportsController {
  constructor(
    private readonly reconciliationWorkbook: WriteReconciliationWorkbook,
    private readonly villageStatement: WriteVillageStatement,
    private readonly pledgeStatement: WritePledgeStatement,
    private readonly yearRecap: WriteYearRecap,
    private readonly audit: AuditService,
  ) {}

  /**
   * Sends a signed document once it is prepared, in the audit trail first (QA: an auditor's downloads of run workbooks
   * and statements left no trace, while the splits, bill lines and the year recap were recorded): a refused request
   * (404, 409) records nothing, as it sends nothing.
   */
  private async sendAudited(res: FastifyReply, prepared: StreamableWorkbook, event: AuditRecord & { summary: Record<string, unknown> }): Promise<void> {
    if (!isHead(res)) await this.audit.record({ ...event, summary: { ...event.summary, file: prepared.filename } });
    await sendWorkbook(res, prepared);
  }

  @Get('reconciliations/:id/workbook.xlsx')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Buku kerja rekonsiliasi: Ringkasan, Pagu & Realisasi, Per Sumber Dana, Per Desa, Rincian Peserta, Temuan, Pembayaran, Berita Acara' })
  @ApiXlsxResponse(STREAMED)
  async workbook(@Param('id', RUN_ID) id: string, @CurrentUser() user: AuthenticatedUser, @Res() res: FastifyReply, @Query() _query: NoQueryDto): Promise<void> {
    const prepared = await this.reconciliationWorkbook.prepare({ runId: id });
    await this.sendAudited(res, prepared, { actor: user.username, action: 'reconciliation.export', entity: 'reconciliation_run', entityId: id, summary: {} });
  }

  @Get('statements/villages/:code.xlsx')
  @SaysRecomputedMonths()
  @Roles(...READERS)
  @ApiOperation({ summary: 'Laporan desa (untuk kepala desa): peserta, iuran, bagian komitmen desa, pembayaran dan saldo, per bulan, triwulan atau tahun' })
  @ApiParam({ name: 'code', description: 'Kode desa Kemendagri, dengan atau tanpa titik', example: '17.03.06.2001' })
  @ApiQuery({ name: 'month', required: false, description: 'Bulan YYYY-MM (isi month atau year)' })
  @ApiQuery({ name: 'year', required: false, description: 'Tahun anggaran YYYY (isi month atau year)' })
  @ApiQuery({ name: 'quarter', required: false, description: 'Triwulan 1–4 dari year (bersama year saja)' })
  @ApiXlsxResponse(STREAMED)
  async village(@Param('code') code: string, @Query() query: StatementQueryDto, @CurrentUser() user: AuthenticatedUser, @Res() res: FastifyReply, @RecomputesOf() recomputes?: RequestRecomputes): Promise<void> {
    const prepared = await this.villageStatement.prepare({ villageCode: code, month: query.month, year: query.year, quarter: query.quarter, actor: user.username, recomputes });
    const { month, year, quarter } = query;
    await this.sendAudited(res, prepared, { actor: user.username, action: 'statement.export', entity: 'report', entityId: `desa-${code}`, summary: { villageCode: code, month, year, quarter } });
  }

  @Get('statements/pledges/:code.xlsx')
  @SaysRecomputedMonths()
  @Roles(...READERS)
  @ApiOperation({ summary: 'Laporan komitmen (mis. TJSLP perusahaan): komitmen vs terpakai vs dibayar, per bulan, triwulan atau tahun' })
  @ApiParam({ name: 'code', description: 'Kode komitmen pendanaan', example: 'TJSLP-ALNO-2026' })
  @ApiQuery({ name: 'month', required: false, description: 'Bulan YYYY-MM (isi month atau year)' })
  @ApiQuery({ name: 'year', required: false, description: 'Tahun anggaran YYYY (isi month atau year)' })
  @ApiQuery({ name: 'quarter', required: false, description: 'Triwulan 1–4 dari year (bersama year saja)' })
  @ApiXlsxResponse(STREAMED)
  async pledge(@Param('code') code: string, @Query() query: StatementQueryDto, @CurrentUser() user: AuthenticatedUser, @Res() res: FastifyReply, @RecomputesOf() recomputes?: RequestRecomputes): Promise<void> {
    const prepared = await this.pledgeStatement.prepare({ pledgeCode: code, month: query.month, year: query.year, quarter: query.quarter, actor: user.username, recomputes });
    const { month, year, quarter } = query;
    await this.sendAudited(res, prepared, { actor: user.username, action: 'statement.export', entity: 'report', entityId: `komitmen-${code}`, summary: { pledgeCode: code, month, year, quarter } });
  }

  @Get('reports/year/:year.xlsx')
  @SaysRecomputedMonths()
  @Roles(...READERS)
  @ApiOperation({ summary: 'Rekap tahunan semua pemberi dana: Per Pemberi Dana, Per Bulan (tagihan BPJS, rekonsiliasi, status bulan), Keterangan' })
  @ApiParam({ name: 'year', description: 'Tahun anggaran YYYY', example: '2026' })
  @ApiXlsxResponse(STREAMED)
  async year(@Param('year') year: string, @CurrentUser() user: AuthenticatedUser, @Res() res: FastifyReply, @Query() _query: NoQueryDto, @RecomputesOf() recomputes?: RequestRecomputes): Promise<void> {
    await sendWorkbook(res, await this.yearRecap.prepare({ year, actor: user.username, recomputes }));
  }
}
