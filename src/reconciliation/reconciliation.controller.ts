import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { READERS, RefusalReason, Roles } from '../auth/access.decorators.js';
import { CurrentUser, type AuthenticatedUser } from '../auth/authenticated-user.js';
import { Audited } from '../audit/audited.decorator.js';
import { Role } from '../users/role.js';
import { FindingQueryDto, RunListQueryDto, StartReconciliationDto } from './dto/reconciliation.dto.js';
import { ReconciliationRuns } from './reconciliation-runs.service.js';
import { FinalizeRun } from './use-cases/finalize-run.use-case.js';
import { ReconcileMonth } from './use-cases/reconcile-month.use-case.js';
import { uuidParam } from '../common/http/uuid-param.js';
import { ReconciliationException } from './reconciliation.exception.js';

/** A malformed id is answered as an unknown one: the entity's 404 (uuid-param.ts). */
const RUN_ID = uuidParam(ReconciliationException.runNotFound);
import { NoQueryDto } from '../common/http/validation.js';
import { ApiErrorResponses } from '../common/errors/error-response.dto.js';
import { FindingPageDto } from './dto/finding-response.dto.js';
import { FinalizedRunResponseDto, FinalizePreviewResponseDto, ReconciliationRunDetailResponseDto, ReconciliationRunResponseDto, StartedRunResponseDto } from './dto/reconciliation-run-response.dto.js';

/** Why another role than KEUANGAN is refused finalizing (QA: the admin read only that the role was not allowed). */
export const FINALIZED_BY_FINANCE =
  'Finalisasi rekonsiliasi hanya dilakukan oleh petugas Keuangan, dan bukan oleh yang menjalankannya (prinsip empat mata); Admin pun tidak dapat memfinalisasi, agar pemeriksaan oleh petugas keuangan kedua tidak terlewati.';

@ApiTags('reconciliation')
@ApiBearerAuth()
@Controller('api/v1/reconciliations')
@ApiErrorResponses(400, 401, 403, 404, 409)
export class ReconciliationController {
  constructor(
    @Inject(ReconcileMonth) private readonly reconcileMonth: ReconcileMonth,
    @Inject(FinalizeRun) private readonly finalizeRun: FinalizeRun,
    @Inject(ReconciliationRuns) private readonly runs: ReconciliationRuns,
  ) {}

  /** Runs the month now (synchronously) as a new version. */
  @Post()
  @Roles(Role.KEUANGAN)
  @Audited('reconciliation.start', 'reconciliation_run')
  @ApiCreatedResponse({ type: StartedRunResponseDto })
  start(@Body() body: StartReconciliationDto, @CurrentUser() user: AuthenticatedUser, @Query() _query: NoQueryDto) {
    return this.reconcileMonth.execute({ month: body.month, actor: user.username, trigger: 'MANUAL' });
  }

  @Get()
  @ApiOkResponse({ type: [ReconciliationRunResponseDto], description: 'Runs of the month, newest version first.' })
  @Roles(...READERS)
  list(@Query() query: RunListQueryDto) {
    return this.runs.list(query.month);
  }

  @Get(':id')
  @ApiOkResponse({ type: ReconciliationRunDetailResponseDto })
  @Roles(...READERS)
  get(@Param('id', RUN_ID) id: string, @Query() _query: NoQueryDto) {
    return this.runs.getWithChanges(id);
  }

  @Get(':id/findings')
  @ApiOkResponse({ type: FindingPageDto })
  @Roles(...READERS)
  findings(@Param('id', RUN_ID) id: string, @Query() query: FindingQueryDto) {
    return this.runs.findings(id, query);
  }

  /**
   * What finalizing the run now would warn of (FREEZES_OPEN_MONTHS, DUE_DATE_NOT_PASSED), asked before it is confirmed;
   * checks and changes nothing.
   */
  @Get(':id/finalize-preview')
  @ApiOkResponse({ type: FinalizePreviewResponseDto })
  @Roles(...READERS)
  finalizePreview(@Param('id', RUN_ID) id: string, @Query() _query: NoQueryDto) {
    return this.finalizeRun.preview(id);
  }

  /**
   * Maker-checker: only KEUANGAN, and not the officer who started the run. ADMIN cannot finalize
   * (an administrator must not be able to bypass the second finance officer).
   */
  @Post(':id/finalize')
  @Roles(Role.KEUANGAN)
  @RefusalReason(FINALIZED_BY_FINANCE)
  @Audited('reconciliation.finalize', 'reconciliation_run')
  @ApiCreatedResponse({ type: FinalizedRunResponseDto })
  finalize(@Param('id', RUN_ID) id: string, @CurrentUser() user: AuthenticatedUser, @Query() _query: NoQueryDto) {
    return this.finalizeRun.execute({ runId: id, actor: user.username });
  }
}
