import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { READERS, Roles } from '../../auth/access.decorators.js';
import { type AuthenticatedUser, CurrentUser } from '../../auth/authenticated-user.js';
import { Audited } from '../../audit/audited.decorator.js';
import { Role } from '../../users/role.js';
import { AllocateMonthDto } from '../dto/month.dto.js';
import { UnfundedQueryDto } from '../dto/unfunded-query.dto.js';
import { FundingWorker } from '../worker/funding-worker.js';
import { AllocationQueries } from './allocation-queries.service.js';
import { NoQueryDto } from '../../common/http/validation.js';
import { ApiErrorResponses } from '../../common/errors/error-response.dto.js';
import { AllocationDetailResponseDto, AllocationResponseDto, UnfundedParticipantPageDto } from '../dto/allocation-response.dto.js';
import { RecomputesOf, type RequestRecomputes } from '../recomputed-months.js';
import { SaysRecomputedMonths } from '../recomputed-months.route.js';

@ApiTags('funding')
@ApiBearerAuth()
@Controller('api/v1/allocations')
@ApiErrorResponses(400, 401, 403, 404, 409)
export class AllocationsController {
  constructor(
    private readonly worker: FundingWorker,
    private readonly queries: AllocationQueries,
  ) {}

  /** Runs the allocation of a month by hand (earlier months of the year first when needed), in the funding worker on PostgreSQL. */
  @Post()
  @Roles(Role.KEUANGAN)
  @Audited('allocation.run', 'allocation')
  @ApiCreatedResponse({ type: AllocationResponseDto })
  run(@Body() body: AllocateMonthDto, @CurrentUser() user: AuthenticatedUser, @Query() _query: NoQueryDto) {
    return this.worker.allocate({ month: body.month, actor: user.username });
  }

  @Get(':month')
  @SaysRecomputedMonths()
  @ApiOkResponse({ type: AllocationDetailResponseDto })
  @Roles(...READERS)
  get(@Param('month') month: string, @CurrentUser() user: AuthenticatedUser, @Query() _query: NoQueryDto, @RecomputesOf() recomputes?: RequestRecomputes) {
    return this.queries.detail(month, user.username, recomputes);
  }

  /** The month's participants with an unfunded remainder (§6), by village then NIK, paged; `villageCode` narrows to one village. */
  @Get(':month/unfunded')
  @SaysRecomputedMonths()
  @ApiOkResponse({ type: UnfundedParticipantPageDto })
  @Roles(...READERS)
  unfunded(@Param('month') month: string, @Query() query: UnfundedQueryDto, @CurrentUser() user: AuthenticatedUser, @RecomputesOf() recomputes?: RequestRecomputes) {
    return this.queries.unfunded(month, query, user.username, recomputes);
  }
}
