import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorators.js';
import { ALL_ROLES } from '../users/role.js';
import { RegionsService } from './regions.service.js';
import { NoQueryDto } from '../common/http/validation.js';

@ApiTags('master data')
@ApiBearerAuth()
@Controller('api/v1/villages')
@Roles(...ALL_ROLES)
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  @Get()
  villages(@Query() _query: NoQueryDto) {
    return this.regions.villages();
  }
}
