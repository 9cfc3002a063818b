import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageOf } from '../../common/http/page-response.dto.js';

/** Participant-months and rupiah. */
export class ParticipantsAmountDto {
  @ApiProperty({ type: 'integer' }) participants: number;
  @ApiProperty({ type: 'integer' }) amount: number;
}

/** What one pledge funded in the month (rupiah). */
export class FundedByPledgeDto extends ParticipantsAmountDto {
  @ApiProperty() pledgeCode: string;
  @ApiProperty() sourceType: string;
}

/** A pledge's budget or quota as the month's allocation met it. Rupiah; `budgetUsed` over the fiscal year through the month. */
export class PledgeLimitDto {
  @ApiProperty() pledgeCode: string;
  @ApiProperty() sourceType: string;
  @ApiProperty({ type: 'integer', nullable: true }) budget: number | null;
  @ApiProperty({ type: 'integer' }) budgetUsed: number;
  @ApiProperty({ type: 'integer', nullable: true }) budgetLeft: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) quota: number | null;
  @ApiProperty({ type: 'integer' }) participants: number;
  /** BUDGET: nothing left of its pagu; QUOTA: the month's participants at its quota. */
  @ApiProperty({ enum: ['BUDGET', 'QUOTA'], isArray: true }) reached: ('BUDGET' | 'QUOTA')[];
}

/**
 * A warning of the allocation: DANA_DESA_PBI of a pledge (`pledgeCode`); NO_PLEDGES_FOR_YEAR, the month's fiscal year has
 * no pledge; PLEDGES_NOT_RENEWED, funders of the year before have no pledge in it (`pledgeCodes`, their previous pledges).
 */
export class AllocationWarningDto {
  @ApiProperty({ enum: ['DANA_DESA_PBI', 'NO_PLEDGES_FOR_YEAR', 'PLEDGES_NOT_RENEWED'] }) code: string;
  @ApiPropertyOptional() pledgeCode?: string;
  @ApiPropertyOptional({ type: [String] }) pledgeCodes?: string[];
  @ApiProperty() message: string;
}

/** A month's allocation (DOMAIN §6), rupiah, with its status and the rule inputs it used. */
export class AllocationResponseDto {
  @ApiProperty({ example: '2026-10' }) month: string;
  @ApiProperty({ type: 'integer' }) participants: number;
  @ApiProperty({ type: 'integer' }) obligation: number;
  @ApiProperty({ type: () => ParticipantsAmountDto }) unfunded: ParticipantsAmountDto;
  @ApiProperty({ type: () => [FundedByPledgeDto] }) funded: FundedByPledgeDto[];
  @ApiProperty({ type: () => [AllocationWarningDto] }) warnings: AllocationWarningDto[];
  /** STALE: the register, a tariff or a pledge changed since (recomputed on the next read). */
  @ApiProperty({ enum: ['CURRENT', 'STALE'], nullable: true }) status: 'CURRENT' | 'STALE' | null;
  @ApiProperty({ type: 'integer', isArray: true }) tariffIds: number[];
  /** Pledge code → the revision allocated. */
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' } }) pledgeRevisions: Record<string, number>;
  @ApiProperty({ type: () => [PledgeLimitDto] }) limits: PledgeLimitDto[];
  @ApiProperty({ type: String, nullable: true }) allocatedBy: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) allocatedAt: Date | null;
}

/**
 * A month frozen by a later finalized month of its year (§9) without a finalized reconciliation: no FINAL run, so no signed
 * Berita Acara; never reconciled (`draftVersion` null) or reconciled as a draft only. It can still take its BPJS bill,
 * be reconciled and be finalized; only its payments are closed.
 */
export class FrozenUnreconciledDto {
  @ApiProperty({ example: '2026-02' }) month: string;
  /** The finalized month whose finalization froze it. */
  @ApiProperty({ example: '2026-12' }) frozenBy: string;
  /** The latest DONE (draft, not finalized) reconciliation version of the month; null when it was never reconciled. */
  @ApiProperty({ type: 'integer', nullable: true, example: null }) draftVersion: number | null;
}

/** GET /allocations/:month: the allocation, and the frozen months without a finalized reconciliation (any year), as the Dasbor shows them. */
export class AllocationDetailResponseDto extends AllocationResponseDto {
  @ApiProperty({ type: () => [FrozenUnreconciledDto] }) frozenUnreconciled: FrozenUnreconciledDto[];
  /**
   * The months recomputed for this read because they were STALE when it came (every STALE month, not only this one),
   * sorted; `[]` when none. Also in the header `X-Recomputed-Months` (*added 2026-12-07*).
   */
  @ApiProperty({ type: [String], example: ['2026-08', '2026-09'] }) recomputedMonths: string[];
}

/** A participant-month with an unfunded remainder (rupiah). */
export class UnfundedParticipantDto {
  @ApiProperty() nik: string;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty() villageCode: string;
  @ApiProperty({ type: String, nullable: true }) villageName: string | null;
  @ApiProperty({ type: 'integer' }) obligation: number;
  @ApiProperty({ type: 'integer' }) funded: number;
  @ApiProperty({ type: 'integer' }) unfunded: number;
}

export class UnfundedParticipantPageDto extends PageOf(UnfundedParticipantDto) {
  @ApiProperty({ type: 'integer' }) page: number;
  @ApiProperty({ type: 'integer' }) pageSize: number;
  /**
   * The months recomputed for this read because they were STALE when it came (every STALE month, not only this one),
   * sorted; `[]` when none. Also in the header `X-Recomputed-Months` (*added 2026-12-07*).
   */
  @ApiProperty({ type: [String], example: ['2026-08', '2026-09'] }) recomputedMonths: string[];
}
