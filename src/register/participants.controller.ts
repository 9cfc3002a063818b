import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorators.js';
import { type AuthenticatedUser, CurrentUser } from '../auth/authenticated-user.js';
import { ALL_ROLES } from '../users/role.js';
import { ParticipantNikParamDto, ParticipantQueryDto } from './dto/register-query.dto.js';
import { ParticipantsService } from './participants.service.js';
import { NoQueryDto } from '../common/http/validation.js';
import { ApiErrorResponses } from '../common/errors/error-response.dto.js';
import { ParticipantDetailResponseDto, ParticipantPageDto } from './dto/participant-response.dto.js';

@ApiTags('register')
@ApiBearerAuth()
@Controller('api/v1/participants')
@Roles(...ALL_ROLES)
@ApiErrorResponses(400, 401, 404)
export class ParticipantsController {
  constructor(private readonly participants: ParticipantsService) {}

  /** Search by NIK (or prefix), village, month covered (DOMAIN §4) and name prefix. */
  @Get()
  @ApiOkResponse({ type: ParticipantPageDto })
  search(@Query() query: ParticipantQueryDto) {
    return this.participants.search(query);
  }

  /** One participant with its change history (who, when, which upload, old/new) and, for the readers, funding history. */
  @Get(':nik')
  @ApiOkResponse({ type: ParticipantDetailResponseDto })
  @ApiOperation({
    summary: 'Satu peserta: data, riwayat perubahan dan (Admin, Keuangan, Auditor) riwayat pendanaan',
    description:
      'Gives the participant and `history`; for ADMIN, KEUANGAN and AUDITOR also `funding` and `fundingByMonth` (STALE months recomputed first). ' +
      'For OPERATOR_DINKES both keys are absent and nothing is recomputed: the operator reads no funding (its splits and allocations routes are 403).',
  })
  get(@Param() { nik }: ParticipantNikParamDto, @CurrentUser() user: AuthenticatedUser, @Query() _query: NoQueryDto) {
    return this.participants.get(nik, user);
  }
}
