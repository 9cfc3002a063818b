import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageOf } from '../../common/http/page-response.dto.js';
import { PledgeWarningDto } from '../../funding/dto/pledge-response.dto.js';

/** A registered resident as the register holds them now. Dates are `YYYY-MM-DD`. */
export class ParticipantResponseDto {
  @ApiProperty({ example: '1703061203800001' }) nik: string;
  @ApiProperty() noKk: string;
  /** BPJS card number, when known. */
  @ApiProperty({ type: String, nullable: true }) noka: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'date' }) birthDate: string;
  @ApiProperty({ enum: ['L', 'P'] }) sex: 'L' | 'P';
  @ApiProperty({ example: '17.03.06.2001' }) villageCode: string;
  @ApiProperty({ type: String, nullable: true }) villageName: string | null;
  /** Start of coverage (TMT) and its end (TAT), with why it ended. */
  @ApiProperty({ format: 'date' }) tmt: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) tat: string | null;
  @ApiProperty({ type: String, nullable: true }) endReason: string | null;
  /** No TAT. */
  @ApiProperty() active: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) lastUploadId: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date;
}

export class ParticipantPageDto extends PageOf(ParticipantResponseDto) {}

/** One entry of a participant's change history: the values it changed, old and new. */
export class ParticipantHistoryEntryDto {
  /** The stored change's id; null for the CREATE, rebuilt from the participant. */
  @ApiProperty({ type: 'integer', nullable: true }) id: number | null;
  /** VOID: the registration before was cancelled as entered in error (`changes` holds what it held, `reason` why). */
  @ApiProperty({ enum: ['CREATE', 'UPDATE', 'VOID'] }) kind: 'CREATE' | 'UPDATE' | 'VOID';
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) uploadId: string | null;
  @ApiProperty({ type: String, nullable: true }) uploadFilename: string | null;
  @ApiProperty() changedBy: string;
  @ApiProperty({ type: String, format: 'date-time' }) changedAt: Date;
  /** By field (`name`, `tmt`, …): `{ old, new }`. */
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'object', required: ['old', 'new'], properties: { old: { type: 'string', nullable: true }, new: { type: 'string', nullable: true } } },
  })
  changes: Record<string, { old: string | null; new: string | null }>;
  /** Why a VOID, or an UPDATE made in the console without an upload (a card taken away: DELETE /participants/:nik/noka), was made. */
  @ApiPropertyOptional() reason?: string;
}

/** A split of the participant's obligation: which pledge paid how much (rupiah) of a month. */
export class ParticipantSplitDto {
  @ApiProperty() pledgeCode: string;
  @ApiProperty() sourceType: string;
  @ApiProperty({ type: 'integer' }) amount: number;
  /** The pledge's revision the month was allocated under. */
  @ApiProperty({ type: 'integer' }) pledgeRevision: number;
}

export class ParticipantFundingDto extends ParticipantSplitDto {
  /** `YYYY-MM`. */
  @ApiProperty({ example: '2026-10' }) month: string;
}

/** A LOCAL tariff row (DOMAIN §3) a month's allocation used; a participant's obligation there is the sum of the month's rows. */
export class ParticipantMonthTariffDto {
  @ApiProperty({ type: 'integer' }) id: number;
  @ApiProperty({ example: 'IURAN' }) component: string;
  /** Rupiah per participant-month. */
  @ApiProperty({ type: 'integer', example: 35000 }) amount: number;
  @ApiProperty({ format: 'date', example: '2021-01-01' }) validFrom: string;
  @ApiProperty({ type: String, nullable: true, example: 'Perpres 64/2020' }) legalBasis: string | null;
}

/** One allocated month of the participant: splits + unfunded = obligation (rupiah). */
export class ParticipantFundingMonthDto {
  @ApiProperty({ example: '2026-10' }) month: string;
  @ApiProperty({ type: 'integer' }) obligation: number;
  @ApiProperty({ type: 'integer' }) funded: number;
  @ApiProperty({ type: 'integer' }) unfunded: number;
  @ApiProperty({ type: () => [ParticipantSplitDto] }) splits: ParticipantSplitDto[];
  /** Finalized, or frozen by a later finalized month of its year (§9): never recomputed. */
  @ApiProperty() closed: boolean;
  /** Closed by its own finalized reconciliation; `closed` without `finalized`: frozen by a later finalized month. */
  @ApiProperty() finalized: boolean;
  /**
   * Whether the register as it is today covers the participant in the month (§4). A closed month with `coveredNow`
   * false was allocated and finalized on an earlier register (a death reported later): its correction is an adjustment
   * in an open month. A closed month the register covers now without an obligation is listed with obligation 0.
   */
  @ApiProperty() coveredNow: boolean;
  /**
   * The LOCAL tariff rows the month's allocation used (rows valid on its 1st, as recorded when it was allocated): why its
   * obligation is what it is. IURAN first. Empty for a month without an allocation row.
   */
  @ApiProperty({ type: () => [ParticipantMonthTariffDto] }) tariffs: ParticipantMonthTariffDto[];
}

/** One participant with its history; `funding`, `fundingByMonth` and `warnings` for ADMIN, KEUANGAN and AUDITOR only. */
export class ParticipantDetailResponseDto extends ParticipantResponseDto {
  @ApiProperty({ type: () => [ParticipantHistoryEntryDto] }) history: ParticipantHistoryEntryDto[];
  @ApiPropertyOptional({ type: () => [ParticipantFundingDto] }) funding?: ParticipantFundingDto[];
  @ApiPropertyOptional({ type: () => [ParticipantFundingMonthDto] }) fundingByMonth?: ParticipantFundingMonthDto[];
  /**
   * The §5 compliance warnings (the Dana Desa rule, `DANA_DESA_PBI`) of the pledges in `funding`, once each, by the
   * revisions its splits were allocated under, as `GET /splits?nik=` gives them; `[]` when none.
   */
  @ApiPropertyOptional({ type: () => [PledgeWarningDto] }) warnings?: PledgeWarningDto[];
  /**
   * ADMIN, KEUANGAN and AUDITOR only: the months recomputed for this read because they were STALE when it came, sorted; `[]`
   * when none. Also in the header `X-Recomputed-Months` (*added 2026-12-07*).
   */
  @ApiPropertyOptional({ type: [String], example: ['2026-03'] }) recomputedMonths?: string[];
}

/** A registration voided (POST /participants/:nik/void). */
export class VoidedRegistrationResponseDto {
  @ApiProperty() nik: string;
  @ApiProperty() name: string;
  @ApiProperty() voidedBy: string;
  @ApiProperty({ type: String, format: 'date-time' }) voidedAt: Date;
  @ApiProperty() reason: string;
}

/** A wrong card taken away from a participant (DELETE /participants/:nik/noka). */
export class ClearedNokaResponseDto {
  @ApiProperty() nik: string;
  @ApiProperty() name: string;
  /** The card taken away; the participant now has none (`noka` null). */
  @ApiProperty() removedNoka: string;
  @ApiProperty({ type: String, nullable: true }) noka: null;
  @ApiProperty() clearedBy: string;
  @ApiProperty({ type: String, format: 'date-time' }) clearedAt: Date;
  @ApiProperty() reason: string;
}
