import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageOf } from '../../common/http/page-response.dto.js';
import { PledgeWarningDto } from './pledge-response.dto.js';

/** Who paid for whom: one pledge's rupiah of one participant's month. */
export class SplitResponseDto {
  @ApiProperty() nik: string;
  @ApiProperty({ example: '2026-10' }) month: string;
  @ApiProperty() pledgeCode: string;
  @ApiProperty() sourceType: string;
  @ApiProperty({ type: 'integer' }) amount: number;
  /** The pledge's revision the month was allocated under. */
  @ApiProperty({ type: 'integer' }) pledgeRevision: number;
}

export class SplitPageDto extends PageOf(SplitResponseDto) {
  /**
   * The §5 compliance warnings (the Dana Desa rule, `DANA_DESA_PBI`) of the pledges the page's items use, once each,
   * by the revisions they were allocated under; `[]` when none.
   */
  @ApiProperty({ type: () => [PledgeWarningDto] }) warnings: PledgeWarningDto[];
  /** For a range (`from`, `to`): its months never allocated, which hold no splits (*added 2026-12-07*). */
  @ApiPropertyOptional({ type: [String], example: ['2027-01'] }) monthsNotAllocated?: string[];
  /**
   * The months recomputed for this read because they were STALE when it came (AllocateMonth.refreshStale), sorted; `[]` when
   * none. Also in the header `X-Recomputed-Months` (*added 2026-12-07*).
   */
  @ApiProperty({ type: [String], example: ['2026-03', '2026-04'] }) recomputedMonths: string[];
}

/**
 * One group of the month's (or range's) splits (rupiah); the last row is always `key: UNFUNDED` with the remainder no pledge paid.
 * The optional fields depend on `groupBy`: pledge (`sourceType`), sourceType (`splits`), village (the rest); every row but
 * UNFUNDED has `warnings`, the Dana Desa rule of the pledges whose splits it sums (by source type and village *added 2026-12-06*).
 */
export class SplitSummaryRowDto {
  /** The pledge code, source type or village code; `UNFUNDED` for the last row. */
  @ApiProperty() key: string;
  @ApiProperty({ type: 'integer' }) participants: number;
  @ApiProperty({ type: 'integer' }) amount: number;
  @ApiPropertyOptional() sourceType?: string;
  /** The §5 warnings (DANA_DESA_PBI) of the pledges whose splits the row sums, once each; absent on UNFUNDED. */
  @ApiPropertyOptional({ type: () => [PledgeWarningDto] }) warnings?: PledgeWarningDto[];
  /** Splits counted. */
  @ApiPropertyOptional({ type: 'integer' }) splits?: number;
  /** The village's name. */
  @ApiPropertyOptional({ type: String, nullable: true }) name?: string | null;
  /** The village's obligations: participant-months and rupiah; and of them, unfunded. */
  @ApiPropertyOptional({ type: 'integer' }) obligations?: number;
  @ApiPropertyOptional({ type: 'integer' }) obligationAmount?: number;
  @ApiPropertyOptional({ type: 'integer' }) unfundedParticipants?: number;
  @ApiPropertyOptional({ type: 'integer' }) unfundedAmount?: number;
  /**
   * A range's answer (`from`, `to`) only: participant-months, the sum of each month's count. In a range, `participants`
   * counts each person once (distinct participants), on every row: by pledge, source type, village and UNFUNDED.
   */
  @ApiPropertyOptional({ type: 'integer' }) participantMonths?: number;
  /** A range's village rows only: the participant-months with any remainder (`unfundedParticipants`: those people, each once). */
  @ApiPropertyOptional({ type: 'integer' }) unfundedParticipantMonths?: number;
  /** A range's UNFUNDED row only: the allocated months of the range that were summed. */
  @ApiPropertyOptional({ type: [String], example: ['2026-01', '2026-02'] }) months?: string[];
  /** A range's UNFUNDED row only: the months of the range never allocated (not in the sums). */
  @ApiPropertyOptional({ type: [String], example: ['2026-03'] }) monthsNotAllocated?: string[];
}
