import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { READERS, Roles } from '../../auth/access.decorators.js';
import { type AuthenticatedUser, CurrentUser } from '../../auth/authenticated-user.js';
import { SplitsQueryDto, SplitsSummaryQueryDto } from '../dto/splits-query.dto.js';
import { SplitsService } from './splits.service.js';

@ApiTags('funding')
@ApiBearerAuth()
@Controller('api/v1/splits')
@Roles(...READERS)
export class SplitsController {
  constructor(private readonly splits: SplitsService) {}

  @Get()
  list(@Query() query: SplitsQueryDto, @CurrentUser() user: AuthenticatedUser) {
    return this.splits.list(query, user.username);
  }

  @Get('summary')
  summary(@Query() query: SplitsSummaryQueryDto, @CurrentUser() user: AuthenticatedUser) {
    return this.splits.summary(query.month, query.groupBy, user.username);
  }
}
