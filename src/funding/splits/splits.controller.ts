import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { READERS, Roles } from '../../auth/access.decorators.js';
import { type AuthenticatedUser, CurrentUser } from '../../auth/authenticated-user.js';
import { SplitsQueryDto, SplitsSummaryQueryDto } from '../dto/splits-query.dto.js';
import { SplitsService } from './splits.service.js';
import { ApiErrorResponses } from '../../common/errors/error-response.dto.js';
import { SplitPageDto, SplitSummaryRowDto } from '../dto/split-response.dto.js';

@ApiTags('funding')
@ApiBearerAuth()
@Controller('api/v1/splits')
@Roles(...READERS)
@ApiErrorResponses(400, 401, 403, 404)
export class SplitsController {
  constructor(private readonly splits: SplitsService) {}

  @Get()
  @ApiOkResponse({ type: SplitPageDto })
  list(@Query() query: SplitsQueryDto, @CurrentUser() user: AuthenticatedUser) {
    return this.splits.list(query, user.username);
  }

  @Get('summary')
  @ApiOkResponse({ type: [SplitSummaryRowDto] })
  summary(@Query() query: SplitsSummaryQueryDto, @CurrentUser() user: AuthenticatedUser) {
    return this.splits.summary(query.month, query.groupBy, user.username);
  }
}
