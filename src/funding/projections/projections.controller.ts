import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { READERS, Roles } from '../../auth/access.decorators.js';
import { ApiErrorResponses } from '../../common/errors/error-response.dto.js';
import { ProjectionQueryDto, ProjectionResponseDto } from '../dto/projection.dto.js';
import { FundingWorker } from '../worker/funding-worker.js';

@ApiTags('funding')
@ApiBearerAuth()
@Controller('api/v1/projections')
@ApiErrorResponses(400, 401, 403)
export class ProjectionsController {
  constructor(private readonly worker: FundingWorker) {}

  /** Whether the pledges of a fiscal year pay for it, month by month, with today's register (nothing is stored), in the funding worker on PostgreSQL. */
  @Get()
  @Roles(...READERS)
  @ApiOkResponse({ type: ProjectionResponseDto })
  get(@Query() query: ProjectionQueryDto) {
    return this.worker.project(query.fiscalYear);
  }
}
