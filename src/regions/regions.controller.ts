import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorators.js';
import { ALL_ROLES } from '../users/role.js';
import { RegionsService } from './regions.service.js';
import { NoQueryDto } from '../common/http/validation.js';
import { ApiErrorResponses } from '../common/errors/error-response.dto.js';
import { VillageResponseDto } from './dto/village-response.dto.js';

@ApiTags('master data')
@ApiBearerAuth()
@Controller('api/v1/villages')
@Roles(...ALL_ROLES)
@ApiErrorResponses(400, 401)
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  @Get()
  @ApiOkResponse({ type: [VillageResponseDto] })
  villages(@Query() _query: NoQueryDto) {
    return this.regions.villages();
  }
}
