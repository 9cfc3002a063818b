import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { READERS, Roles } from '../../auth/access.decorators.js';
import { ApiErrorResponses } from '../../common/errors/error-response.dto.js';
import { ProjectionQueryDto, ProjectionResponseDto } from '../dto/projection.dto.js';
import { ProjectYear } from './project-year.use-case.js';

@ApiTags('funding')
@ApiBearerAuth()
@Controller('api/v1/projections')
@ApiErrorResponses(400, 401, 403)
export class ProjectionsController {
  constructor(private readonly projectYear: ProjectYear) {}

  /** Whether the pledges of a fiscal year pay for it, month by month, with today's register (nothing is stored). */
  @Get()
  @Roles(...READERS)
  @ApiOkResponse({ type: ProjectionResponseDto })
  get(@Query() query: ProjectionQueryDto) {
    return this.projectYear.execute(query.fiscalYear);
  }
}
