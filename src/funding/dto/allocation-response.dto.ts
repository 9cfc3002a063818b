import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../../common/http/page-response.dto.js';
import { PledgeWarningDto } from './pledge-response.dto.js';

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

/** A month's allocation (DOMAIN §6), rupiah, with its status and the rule inputs it used. */
export class AllocationResponseDto {
  @ApiProperty({ example: '2026-10' }) month: string;
  @ApiProperty({ type: 'integer' }) participants: number;
  @ApiProperty({ type: 'integer' }) obligation: number;
  @ApiProperty({ type: () => ParticipantsAmountDto }) unfunded: ParticipantsAmountDto;
  @ApiProperty({ type: () => [FundedByPledgeDto] }) funded: FundedByPledgeDto[];
  @ApiProperty({ type: () => [PledgeWarningDto] }) warnings: PledgeWarningDto[];
  /** STALE: the register, a tariff or a pledge changed since (recomputed on the next read). */
  @ApiProperty({ enum: ['CURRENT', 'STALE'], nullable: true }) status: 'CURRENT' | 'STALE' | null;
  @ApiProperty({ type: 'integer', isArray: true }) tariffIds: number[];
  /** Pledge code → the revision allocated. */
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' } }) pledgeRevisions: Record<string, number>;
  @ApiProperty({ type: () => [PledgeLimitDto] }) limits: PledgeLimitDto[];
  @ApiProperty({ type: String, nullable: true }) allocatedBy: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) allocatedAt: Date | null;
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
}
