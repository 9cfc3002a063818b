import { Body, Controller, Get, Headers, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { READERS, Roles } from '../../auth/access.decorators.js';
import { type AuthenticatedUser, CurrentUser } from '../../auth/authenticated-user.js';
import { Audited } from '../../audit/audited.decorator.js';
import { Role } from '../../users/role.js';
import { CreatePledgeDto, PledgeListQueryDto, PledgeWithdrawalDto, RevisePledgeDto } from '../dto/pledge.dto.js';
import { PledgesService } from './pledges.service.js';
import { NoQueryDto } from '../../common/http/validation.js';
import { ApiErrorResponses } from '../../common/errors/error-response.dto.js';
import { PledgeChangeResponseDto, PledgeResponseDto, PledgeRevisionResponseDto } from '../dto/pledge-response.dto.js';
import { revisionTag } from './revision-conflict.js';

/** If-Match on a change: the pledge's ETag (its revision, quoted) as read; a later revision is 409 REVISION_CONFLICT. */
const IF_MATCH = { name: 'If-Match', required: false, description: 'the ETag of GET /pledges/:code, e.g. "3" (the revision the change was made from), as `expectedRevision`' };

@ApiTags('funding')
@ApiBearerAuth()
@Controller('api/v1/pledges')
@ApiErrorResponses(400, 401, 403, 404, 409)
export class PledgesController {
  constructor(private readonly pledges: PledgesService) {}

  @Post()
  @Roles(Role.KEUANGAN)
  @Audited('pledge.create', 'pledge')
  @ApiCreatedResponse({ type: PledgeChangeResponseDto })
  create(@Body() body: CreatePledgeDto, @CurrentUser() user: AuthenticatedUser, @Query() _query: NoQueryDto) {
    return this.pledges.create(body, user.username);
  }

  @Get()
  @ApiOkResponse({ type: [PledgeResponseDto] })
  @Roles(...READERS)
  list(@Query() query: PledgeListQueryDto) {
    return this.pledges.list(query.fiscalYear, query.withdrawnFilter);
  }

  @Get(':code')
  /** With `ETag: "<revision>"`: sent back as If-Match (or as `expectedRevision`), a change is refused once the pledge was revised since. */
  @ApiOkResponse({ type: PledgeResponseDto })
  @Roles(...READERS)
  async get(@Param('code') code: string, @Query() _query: NoQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const pledge = await this.pledges.get(code);
    reply.header('ETag', revisionTag(pledge.revision));
    return pledge;
  }

  @Get(':code/revisions')
  @ApiOkResponse({ type: [PledgeRevisionResponseDto] })
  @Roles(...READERS)
  revisions(@Param('code') code: string, @Query() _query: NoQueryDto) {
    return this.pledges.revisions(code);
  }

  /** A revision (e.g. the APBD-P budget change): `reason` is required and kept with who and when. */
  @Patch(':code')
  @Roles(Role.KEUANGAN)
  @Audited('pledge.revise', 'pledge')
  @ApiOkResponse({ type: PledgeChangeResponseDto })
  @ApiHeader(IF_MATCH)
  revise(@Param('code') code: string, @Body() body: RevisePledgeDto, @CurrentUser() user: AuthenticatedUser, @Query() _query: NoQueryDto, @Headers('if-match') ifMatch?: string) {
    return this.pledges.revise(code, body, user.username, ifMatch);
  }

  /**
   * Withdraws (cabut) a pledge entered by mistake: a new revision with `reason`; it takes no part in the
   * allocation of months computed since. Finalized months keep what it paid. 201: a revision recorded, as a new pledge is.
   */
  @Post(':code/withdraw')
  @Roles(Role.KEUANGAN)
  @Audited('pledge.withdraw', 'pledge')
  @ApiCreatedResponse({ type: PledgeChangeResponseDto })
  @ApiHeader(IF_MATCH)
  withdraw(@Param('code') code: string, @Body() body: PledgeWithdrawalDto, @CurrentUser() user: AuthenticatedUser, @Query() _query: NoQueryDto, @Headers('if-match') ifMatch?: string) {
    return this.pledges.withdraw(code, body, user.username, ifMatch);
  }

  /** Reinstates (pulihkan) a withdrawn pledge: a new revision with `reason`; it takes part again from its open months. */
  @Post(':code/reinstate')
  @Roles(Role.KEUANGAN)
  @Audited('pledge.reinstate', 'pledge')
  @ApiCreatedResponse({ type: PledgeChangeResponseDto })
  @ApiHeader(IF_MATCH)
  reinstate(@Param('code') code: string, @Body() body: PledgeWithdrawalDto, @CurrentUser() user: AuthenticatedUser, @Query() _query: NoQueryDto, @Headers('if-match') ifMatch?: string) {
    return this.pledges.reinstate(code, body, user.username, ifMatch);
  }
}
