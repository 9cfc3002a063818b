import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { READERS, Roles } from '../../auth/access.decorators.js';
import { type AuthenticatedUser, CurrentUser } from '../../auth/authenticated-user.js';
import { Audited } from '../../audit/audited.decorator.js';
import { Role } from '../../users/role.js';
import { CreateTariffDto } from '../dto/tariff.dto.js';
import { TariffsService } from './tariffs.service.js';
import { NoQueryDto } from '../../common/http/validation.js';
import { ApiErrorResponses } from '../../common/errors/error-response.dto.js';
import { TariffAddedResponseDto, TariffResponseDto } from '../dto/tariff-response.dto.js';

@ApiTags('funding')
@ApiBearerAuth()
@Controller('api/v1/tariffs')
@ApiErrorResponses(400, 401, 403, 409)
export class TariffsController {
  constructor(private readonly tariffs: TariffsService) {}

  @Get()
  @ApiOkResponse({ type: [TariffResponseDto] })
  @Roles(...READERS, Role.OPERATOR_DINKES)
  list(@Query() _query: NoQueryDto) {
    return this.tariffs.list();
  }

  /** Adds a tariff row (a change of iuran is a new row; the open row of the component is closed the day before). */
  @Post()
  @Roles(Role.ADMIN)
  @Audited('tariff.add', 'tariff')
  @ApiCreatedResponse({ type: TariffAddedResponseDto })
  add(@Body() body: CreateTariffDto, @CurrentUser() user: AuthenticatedUser, @Query() _query: NoQueryDto) {
    return this.tariffs.add(body, user.username);
  }
}
