import { Body, Controller, Delete, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited } from '../audit/audited.decorator.js';
import { Roles } from '../auth/access.decorators.js';
import { type AuthenticatedUser, CurrentUser } from '../auth/authenticated-user.js';
import { ALL_ROLES, Role } from '../users/role.js';
import { ClearNokaDto, ParticipantNikParamDto, ParticipantQueryDto, RegisterFilterDto, VoidRegistrationDto } from './dto/register-query.dto.js';
import { VoidRegistration } from './use-cases/void-registration.use-case.js';
import { ClearNoka } from './use-cases/clear-noka.use-case.js';
import { ExportRegister } from './use-cases/export-register.use-case.js';
import { sendWorkbook } from '../common/spreadsheet/send-workbook.js';
import { ApiXlsxResponse } from '../common/http/file-response.js';
import { ParticipantsService } from './participants.service.js';
import { SaysRecomputedMonths } from '../funding/recomputed-months.route.js';
import { NoQueryDto } from '../common/http/validation.js';
import { ApiErrorResponses } from '../common/errors/error-response.dto.js';
import { ClearedNokaResponseDto, ParticipantDetailResponseDto, ParticipantPageDto, VoidedRegistrationResponseDto } from './dto/participant-response.dto.js';
import { RecomputesOf, type RequestRecomputes } from '../funding/recomputed-months.js';

@ApiTags('register')
@ApiBearerAuth()
@Controller('api/v1/participants')
@Roles(...ALL_ROLES)
@ApiErrorResponses(400, 401, 404)
export class ParticipantsController {
  constructor(
    private readonly participants: ParticipantsService,
    private readonly exportRegister: ExportRegister,
    private readonly voidRegistration: VoidRegistration,
    private readonly clearNoka: ClearNoka,
  ) {}

  /** Search by NIK (or prefix), village, month covered (DOMAIN §4) and name prefix. */
  @Get()
  @ApiOkResponse({ type: ParticipantPageDto })
  search(@Query() query: ParticipantQueryDto) {
    return this.participants.search(query);
  }

  /**
   * The participants the search's filters select (none: the whole register) as an enrollment sheet in the
   * template's columns, to change and upload back (use-cases/export-register.use-case.ts). In the audit trail.
   */
  @Get('export.xlsx')
  @ApiXlsxResponse()
  @ApiOperation({ summary: 'Salinan register (hasil pencarian) sebagai lembar Daftar Peserta, untuk diubah dan diunggah kembali' })
  async export(@Query() filter: RegisterFilterDto, @CurrentUser() user: AuthenticatedUser, @Res() res: FastifyReply): Promise<void> {
    await sendWorkbook(res, { filename: this.exportRegister.filename(), write: (out) => this.exportRegister.write(filter, user.username, out) });
  }

  /** One participant with its change history (who, when, which upload, old/new) and, for the readers, funding history. */
  @Get(':nik')
  @SaysRecomputedMonths()
  @ApiOkResponse({ type: ParticipantDetailResponseDto })
  @ApiOperation({
    summary: 'Satu peserta: data, riwayat perubahan dan (Admin, Keuangan, Auditor) riwayat pendanaan',
    description:
      'Gives the participant and `history`; for ADMIN, KEUANGAN and AUDITOR also `funding` and `fundingByMonth` (STALE months recomputed first), ' +
      'and `recomputedMonths`, the months recomputed for this read (also the header `X-Recomputed-Months`). ' +
      'For OPERATOR_DINKES both keys are absent and nothing is recomputed: the operator reads no funding (its splits and allocations routes are 403).',
  })
  get(@Param() { nik }: ParticipantNikParamDto, @CurrentUser() user: AuthenticatedUser, @Query() _query: NoQueryDto, @RecomputesOf() recomputes?: RequestRecomputes) {
    return this.participants.get(nik, user, recomputes);
  }

  /**
   * Voids a registration entered in error (a mistyped NIK, one person under two NIKs): the participant leaves the
   * register, the open months are allocated again without them, and the NIK's history keeps what it held, who voided
   * it and why (use-cases/void-registration.use-case.ts). Refused (409 VOID_IN_CLOSED_MONTH) once a closed month counted it.
   */
  @Post(':nik/void')
  @Roles(Role.OPERATOR_DINKES)
  @Audited('participant.void', 'participant')
  @ApiCreatedResponse({ type: VoidedRegistrationResponseDto })
  @ApiErrorResponses(403, 409)
  @ApiOperation({ summary: 'Batalkan pendaftaran peserta yang salah input (NIK salah ketik, terdaftar ganda)' })
  void(@Param() { nik }: ParticipantNikParamDto, @Body() body: VoidRegistrationDto, @CurrentUser() user: AuthenticatedUser, @Query() _query: NoQueryDto) {
    return this.voidRegistration.void(nik, body.reason, user.username);
  }

  /**
   * Takes a wrong card away from the participant, with why, as an uploaded row whose NOKA says HAPUS does
   * (use-cases/clear-noka.use-case.ts): its history gets an UPDATE of NOKA with the reason. Refused (409 NOKA_NOT_HELD)
   * for a participant without a card. The operator's, as every register write (the admin enters no register data:
   * separation of duties, README *Roles*).
   */
  @Delete(':nik/noka')
  @Roles(Role.OPERATOR_DINKES)
  @Audited('participant.noka.clear', 'participant')
  @ApiOkResponse({ type: ClearedNokaResponseDto })
  @ApiErrorResponses(403, 409)
  @ApiOperation({ summary: 'Hapus NOKA (kartu BPJS) yang salah tercatat pada peserta' })
  removeNoka(@Param() { nik }: ParticipantNikParamDto, @Body() body: ClearNokaDto, @CurrentUser() user: AuthenticatedUser, @Query() _query: NoQueryDto) {
    return this.clearNoka.clear(nik, body.reason, user.username);
  }
}
