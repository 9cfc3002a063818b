import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { READERS, Roles } from '../../auth/access.decorators.js';
import { type AuthenticatedUser, CurrentUser } from '../../auth/authenticated-user.js';
import { Audited } from '../../audit/audited.decorator.js';
import { Role } from '../../users/role.js';
import { CreatePledgeDto, PledgeListQueryDto, RevisePledgeDto } from '../dto/pledge.dto.js';
import { PledgesService } from './pledges.service.js';
import { NoQueryDto } from '../../common/http/validation.js';

@ApiTags('funding')
@ApiBearerAuth()
@Controller('api/v1/pledges')
export class PledgesController {
  constructor(private readonly pledges: PledgesService) {}

  @Post()
  @Roles(Role.KEUANGAN, Role.ADMIN)
  @Audited('pledge.create', 'pledge')
  create(@Body() body: CreatePledgeDto, @CurrentUser() user: AuthenticatedUser, @Query() _query: NoQueryDto) {
    return this.pledges.create(body, user.username);
  }

  @Get()
  @Roles(...READERS)
  list(@Query() query: PledgeListQueryDto) {
    return this.pledges.list(query.fiscalYear);
  }

  @Get(':code')
  @Roles(...READERS)
  get(@Param('code') code: string, @Query() _query: NoQueryDto) {
    return this.pledges.get(code);
  }

  @Get(':code/revisions')
  @Roles(...READERS)
  revisions(@Param('code') code: string, @Query() _query: NoQueryDto) {
    return this.pledges.revisions(code);
  }

  /** A revision (e.g. the APBD-P budget change): `reason` is required and kept with who and when. */
  @Patch(':code')
  @Roles(Role.KEUANGAN, Role.ADMIN)
  @Audited('pledge.revise', 'pledge')
  revise(@Param('code') code: string, @Body() body: RevisePledgeDto, @CurrentUser() user: AuthenticatedUser, @Query() _query: NoQueryDto) {
    return this.pledges.revise(code, body, user.username);
  }
}
