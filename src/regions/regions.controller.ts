import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorators.js';
import { ALL_ROLES } from '../users/role.js';
import { RegionsService } from './regions.service.js';

@ApiTags('master data')
@ApiBearerAuth()
@Controller('api/v1/villages')
@Roles(...ALL_ROLES)
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  @Get()
  villages() {
    return this.regions.villages();
  }
}
