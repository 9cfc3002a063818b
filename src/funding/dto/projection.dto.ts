import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, Max, Min } from 'class-validator';
import { QueryInteger } from '../../common/http/validation.js';

const YEAR_RANGE = 'fiscalYear (tahun anggaran) harus antara 2018 dan 2099.';

export class ProjectionQueryDto {
  @ApiProperty({ type: 'integer', example: 2027, description: 'Tahun anggaran: tahun berjalan, tahun berikutnya, atau tahun yang sudah lewat' })
  @IsNotEmpty({ message: 'fiscalYear wajib diisi (tahun anggaran, mis. 2027).' })
  @QueryInteger()
  @IsInt({ message: YEAR_RANGE })
  @Min(2018, { message: YEAR_RANGE })
  @Max(2099, { message: YEAR_RANGE })
  fiscalYear: number;
}

/** Participant-months and rupiah left unfunded in a month. */
export class ProjectedUnfundedDto {
  @ApiProperty({ type: 'integer' }) participants: number;
  @ApiProperty({ type: 'integer' }) amount: number;
}

/** One month of the projection; rupiah are null for a month no IURAN tariff covers (NO_TARIFF). */
export class ProjectedMonthDto {
  @ApiProperty({ example: '2027-01' }) month: string;
  /** ALLOCATED: the stored allocation (CURRENT); PROJECTED: computed now, not stored; NO_TARIFF: cannot be priced. */
  @ApiProperty({ enum: ['ALLOCATED', 'PROJECTED', 'NO_TARIFF'] }) basis: 'ALLOCATED' | 'PROJECTED' | 'NO_TARIFF';
  @ApiProperty({ type: 'integer' }) participants: number;
  @ApiProperty({ type: 'integer', nullable: true }) obligation: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) funded: number | null;
  @ApiProperty({ type: () => ProjectedUnfundedDto, nullable: true }) unfunded: ProjectedUnfundedDto | null;
}

/** A pledge of the year: what it funds over the year against its pagu (rupiah). */
export class ProjectedPledgeDto {
  @ApiProperty() pledgeCode: string;
  @ApiProperty() sourceType: string;
  @ApiProperty() funder: string;
  @ApiProperty({ type: 'integer', nullable: true }) budget: number | null;
  @ApiProperty({ type: 'integer' }) funded: number;
  @ApiProperty({ type: 'integer', nullable: true }) budgetLeft: number | null;
  @ApiProperty({ type: String, nullable: true, example: '2027-06' }) budgetUsedUpIn: string | null;
}

export class ProjectionWarningDto {
  @ApiProperty({ enum: ['NO_PLEDGES_FOR_YEAR', 'PROJECTED_SHORTFALL', 'PLEDGE_PAID_NOTHING', 'BUDGET_USED_UP', 'NO_TARIFF', 'PLEDGES_NOT_RENEWED'] }) code: string;
  @ApiProperty() message: string;
  @ApiProperty({ required: false, example: '2027-06' }) month?: string;
  @ApiProperty({ required: false }) pledgeCode?: string;
  /** PLEDGES_NOT_RENEWED only: the previous fiscal year's pledges whose funder has none in this one. */
  @ApiProperty({ required: false, type: [String] }) pledgeCodes?: string[];
}

export class ProjectionUnfundedTotalDto {
  @ApiProperty({ type: 'integer' }) participantMonths: number;
  @ApiProperty({ type: 'integer' }) amount: number;
}

export class ProjectionTotalDto {
  @ApiProperty({ type: 'integer' }) obligation: number;
  @ApiProperty({ type: 'integer' }) funded: number;
  @ApiProperty({ type: () => ProjectionUnfundedTotalDto }) unfunded: ProjectionUnfundedTotalDto;
}

/** Whether the year's pledges pay for the year, month by month (a forecast: nothing is stored). */
export class ProjectionResponseDto {
  @ApiProperty({ type: 'integer' }) fiscalYear: number;
  @ApiProperty({ type: String, format: 'date-time' }) computedAt: Date;
  @ApiProperty({ type: () => [ProjectedMonthDto] }) months: ProjectedMonthDto[];
  @ApiProperty({ type: () => [ProjectedPledgeDto] }) pledges: ProjectedPledgeDto[];
  @ApiProperty({ type: () => ProjectionTotalDto }) total: ProjectionTotalDto;
  @ApiProperty({ type: String, nullable: true, example: '2027-07' }) firstShortMonth: string | null;
  @ApiProperty({ type: () => [ProjectionWarningDto] }) warnings: ProjectionWarningDto[];
}
