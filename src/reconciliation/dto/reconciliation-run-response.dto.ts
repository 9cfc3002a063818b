import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FrozenUnreconciledDto } from '../../funding/dto/allocation-response.dto.js';
import { FundedByPledgeDto, ParticipantsAmountDto } from '../../funding/dto/allocation-response.dto.js';
import { PledgePaymentStatusDto } from '../../payments/dto/payment-status-response.dto.js';
import { CATEGORIES } from '../reconciliation.types.js';

const RUN_STATUSES = ['RUNNING', 'DONE', 'FAILED', 'FINAL'];

/** The bill against the month's obligations, rupiah. */
export class RunBillDto {
  @ApiProperty({ type: 'integer' }) invoiceTotal: number;
  @ApiProperty({ type: 'integer' }) linesTotal: number;
  @ApiProperty({ type: 'integer' }) payable: number;
  @ApiProperty({ type: 'integer' }) overbilled: number;
  @ApiProperty({ type: 'integer' }) underbilled: number;
}

/** A versioned upload a run read. */
export class RunInputFileDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty() checksum: string;
}

export class RunObligationTotalsDto {
  @ApiProperty({ type: 'integer' }) participants: number;
  @ApiProperty({ type: 'integer' }) obligation: number;
  @ApiProperty({ type: 'integer' }) unfundedParticipants: number;
  @ApiProperty({ type: 'integer' }) unfundedAmount: number;
  /** Hash of the NIKs owed (absent in runs before 2026-12-05). */
  @ApiPropertyOptional() niks?: string;
}

/**
 * What a run read (DOMAIN §9), as checksums and figures: same inputs, same totals. Empty (`{}`) for a RUNNING or
 * FAILED run; `pledges` and `obligationTotals` are absent in runs made before they were kept.
 */
export class RunInputsDto {
  @ApiPropertyOptional({ type: () => RunInputFileDto, nullable: true }) bill?: RunInputFileDto | null;
  @ApiPropertyOptional({ type: () => RunInputFileDto, nullable: true }) pbiApbnList?: RunInputFileDto | null;
  @ApiPropertyOptional() obligations?: string;
  @ApiPropertyOptional() splits?: string;
  @ApiPropertyOptional() payments?: string;
  @ApiPropertyOptional() register?: string;
  /** By pledge code: participants, rupiah and the revisions its splits carry. */
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: {
      type: 'object',
      required: ['participants', 'amount', 'revisionFrom', 'revisionTo'],
      properties: { participants: { type: 'integer' }, amount: { type: 'integer' }, revisionFrom: { type: 'integer' }, revisionTo: { type: 'integer' } },
    },
  })
  pledges?: Record<string, { participants: number; amount: number; revisionFrom: number; revisionTo: number }>;
  @ApiPropertyOptional({ type: () => RunObligationTotalsDto }) obligationTotals?: RunObligationTotalsDto;
  /** Checksum of the closed months' register corrections (absent in runs before 2026-12-06). */
  @ApiPropertyOptional() closedMonthCorrections?: string;
}

/** What one pledge paid of the overpaid participant-months of closed months. */
export class CorrectionByPledgeDto {
  @ApiProperty() pledgeCode: string;
  @ApiProperty() sourceType: string;
  @ApiProperty({ type: 'integer' }) amount: number;
}

export class CorrectionOverDto {
  @ApiProperty({ type: 'integer' }) participantMonths: number;
  /** The obligations stored for them, to claim back. */
  @ApiProperty({ type: 'integer' }) amount: number;
  /** What pledges paid of it (the sum of `byPledge`). */
  @ApiProperty({ type: 'integer' }) funded: number;
  /** The closed months these participant-months are in. */
  @ApiProperty({ type: [String], example: ['2026-11'] }) months: string[];
}

export class CorrectionUnderDto {
  @ApiProperty({ type: 'integer' }) participantMonths: number;
  /** What the months' LOCAL tariff would have owed for them. */
  @ApiProperty({ type: 'integer' }) amount: number;
  /** The closed months these participant-months are in. */
  @ApiProperty({ type: [String], example: ['2026-11'] }) months: string[];
}

/**
 * The register corrections of the closed (finalized or frozen) months of the run's fiscal year and the year before (DOMAIN §9): `over`, obligations
 * stored for participant-months the register no longer covers; `under`, participant-months it covers without one.
 */
export class ClosedMonthCorrectionsDto {
  /** The closed, allocated months compared: those before the run's month, of its fiscal year and the year before. */
  @ApiProperty({ type: [String], example: ['2026-10', '2026-11'] }) months: string[];
  @ApiProperty({ type: 'integer' }) participantMonths: number;
  @ApiProperty({ type: () => CorrectionOverDto }) over: CorrectionOverDto;
  @ApiProperty({ type: () => CorrectionUnderDto }) under: CorrectionUnderDto;
  @ApiProperty({ type: () => [CorrectionByPledgeDto] }) byPledge: CorrectionByPledgeDto[];
}

/**
 * A reconciliation run (API.md): its header, its summary (absent while RUNNING and when FAILED; rupiah) and who
 * started and finalized it.
 */
export class ReconciliationRunResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '2026-10' }) month: string;
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty({ enum: RUN_STATUSES }) status: string;
  @ApiPropertyOptional({ type: 'integer' }) participants?: number;
  @ApiPropertyOptional({ type: 'integer' }) obligation?: number;
  @ApiPropertyOptional({ type: () => [FundedByPledgeDto] }) funded?: FundedByPledgeDto[];
  @ApiPropertyOptional({ type: () => ParticipantsAmountDto }) unfunded?: ParticipantsAmountDto;
  /** Null when the month had no bill. */
  @ApiPropertyOptional({ type: () => RunBillDto, nullable: true }) bill?: RunBillDto | null;
  /** Count of findings by category. */
  @ApiPropertyOptional({
    type: 'object',
    properties: Object.fromEntries(CATEGORIES.map((c) => [c, { type: 'integer' }])),
    additionalProperties: false,
  })
  findings?: Record<string, number>;
  @ApiPropertyOptional({ type: () => [PledgePaymentStatusDto] }) payments?: PledgePaymentStatusDto[];
  /** What the officer was told when it ran, kept with the run (absent on runs stored before 2026-12-05). */
  @ApiPropertyOptional({ type: () => [RunWarningDto] }) warnings?: RunWarningDto[];
  /** The register corrections of the closed months of the run's fiscal year and the year before when the run was computed (absent on runs stored before 2026-12-06; runs stored before 2026-12-07 compared their own year only). */
  @ApiPropertyOptional({ type: () => ClosedMonthCorrectionsDto }) closedMonthCorrections?: ClosedMonthCorrectionsDto;
  @ApiProperty({ enum: ['MANUAL', 'SCHEDULE'] }) trigger: string;
  @ApiProperty({ type: () => RunInputsDto }) inputs: RunInputsDto;
  /** Why a FAILED run failed. */
  @ApiProperty({ type: String, nullable: true }) error: string | null;
  @ApiProperty() startedBy: string;
  @ApiProperty({ type: String, format: 'date-time' }) startedAt: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) finalizedBy: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finalizedAt: Date | null;
}

/** One run for its page: with, for a DONE run, what changed in its month since it ran (empty: it still holds); null otherwise. */
export class ReconciliationRunDetailResponseDto extends ReconciliationRunResponseDto {
  @ApiProperty({ type: [String], nullable: true }) changes: string[] | null;
  /** The month's premiums are due by this day, `YYYY-MM-10` (§8). */
  @ApiProperty({ example: '2026-12-10' }) dueDate: string;
  /**
   * Whether `dueDate` has passed today (WIB, the service's clock; the 10th itself is on time). Finalizing before it while
   * funders still owe is allowed, warned (DUE_DATE_NOT_PASSED in the answer of finalize, and in the console's question).
   */
  @ApiProperty() dueDatePassed: boolean;
  /**
   * Whether the month has ended today (WIB, the service's clock). Finalizing a month not ended is allowed, but its own
   * payments can then only be recorded as corrections in a later month; the console warns before it is confirmed.
   */
  @ApiProperty() monthEnded: boolean;
  /** The months frozen by a later finalization without a finalized reconciliation (any year; never reconciled or draft only), as the Dasbor shows them. */
  @ApiProperty({ type: () => [FrozenUnreconciledDto] }) frozenUnreconciled: FrozenUnreconciledDto[];
}

/** The bill version a run used and how many of its rows the upload refused. */
export class BillRowsRejectedDetailsDto {
  @ApiProperty({ type: 'integer' }) billVersion: number;
  @ApiProperty({ type: 'integer' }) rowsRejected: number;
}

export class RunWarningDto {
  /**
   * NO_BILL: the month has no bill, so the run has `bill: null` and cannot be finalized. REGISTER_CHANGED_SINCE_FROZEN:
   * a frozen month judged with obligations the register no longer agrees with. NO_PLEDGES_FOR_YEAR: the month's year has no pledge.
   * PLEDGES_NOT_RENEWED: funders of the year before have no pledge in the month's year (`pledgeCodes`: their previous pledges).
   * NO_PBI_LIST: the month has no PBI-APBN list, so double coverage was not checked. BILL_ROWS_REJECTED: the bill version
   * used had rows refused at upload, not matched (whoever they billed counts as NOT_BILLED). DANA_DESA_PBI (read runs only,
   * not the answer of POST): a pledge whose splits the run used is paid from Dana Desa (§5), as the workbook's Ringkasan says.
   */
  @ApiProperty({ enum: ['NO_BILL', 'REGISTER_CHANGED_SINCE_FROZEN', 'NO_PLEDGES_FOR_YEAR', 'PLEDGES_NOT_RENEWED', 'NO_PBI_LIST', 'BILL_ROWS_REJECTED', 'DANA_DESA_PBI'] }) code: string;
  @ApiProperty() message: string;
  /** DANA_DESA_PBI only: the pledge. */
  @ApiPropertyOptional() pledgeCode?: string;
  /** PLEDGES_NOT_RENEWED only: the previous fiscal year's pledges whose funder has no pledge in this one. */
  @ApiPropertyOptional({ type: [String] }) pledgeCodes?: string[];
  /** BILL_ROWS_REJECTED only. */
  @ApiPropertyOptional({ type: () => BillRowsRejectedDetailsDto }) details?: BillRowsRejectedDetailsDto;
}

/** A run just started (it ran synchronously). */
export class StartedRunResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '2026-10' }) month: string;
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty({ enum: ['DONE', 'FAILED'] }) status: string;
  @ApiProperty({ type: () => [RunWarningDto] }) warnings: RunWarningDto[];
}

/** What a funder still owes of a month finalizing freezes, by its own payments (rupiah). */
export class OwedByFunderDto {
  @ApiProperty({ example: 'APBD-2026' }) pledgeCode: string;
  @ApiProperty({ example: 'Pemerintah Kabupaten Bengkulu Utara' }) funder: string;
  @ApiProperty({ type: 'integer' }) owed: number;
}

/** An earlier month of the year, not finalized, that finalizing freezes (§9). */
export class MonthToFreezeDto {
  @ApiProperty({ example: '2026-10' }) month: string;
  /** The latest DONE (draft) reconciliation version of the month; null when it was never reconciled. */
  @ApiProperty({ type: 'integer', nullable: true }) draftVersion: number | null;
  /** What its funders still owe, the sum of `funders`. */
  @ApiProperty({ type: 'integer' }) owed: number;
  /** The funders still owing (the pledges paid in full are left out), by pledge code. */
  @ApiProperty({ type: () => [OwedByFunderDto] }) funders: OwedByFunderDto[];
}

/** One warning's details: DUE_DATE_NOT_PASSED has the first four, FREEZES_OPEN_MONTHS `months` and `openMonth`. */
export class FinalizeWarningDetailsDto {
  /** The month's due date, `YYYY-MM-10` (§8). */
  @ApiPropertyOptional({ example: '2026-12-10' }) dueDate?: string;
  /** What the funders still owing have not paid of the month by their own payments (rupiah). */
  @ApiPropertyOptional({ type: 'integer' }) unpaid?: number;
  /** How many pledges (funders) are UNPAID or UNDERPAID for the month. */
  @ApiPropertyOptional({ type: 'integer' }) funders?: number;
  @ApiPropertyOptional({ type: [String] }) pledgeCodes?: string[];
  /** The earlier months of the year it freezes, in order. */
  @ApiPropertyOptional({ type: () => [MonthToFreezeDto] }) months?: MonthToFreezeDto[];
  /** The open month their payments are then recorded in, as corrections. */
  @ApiPropertyOptional({ example: '2026-12' }) openMonth?: string;
}

export class FinalizeWarningDto {
  /**
   * DUE_DATE_NOT_PASSED: finalized on or before the month's due date (the 10th) while funders still owe for it.
   * FREEZES_OPEN_MONTHS: it freezes earlier months of its year not finalized (§9); their payments are then corrections.
   */
  @ApiProperty({ enum: ['DUE_DATE_NOT_PASSED', 'FREEZES_OPEN_MONTHS'] }) code: string;
  @ApiProperty() message: string;
  @ApiProperty({ type: () => FinalizeWarningDetailsDto }) details: FinalizeWarningDetailsDto;
}

/** GET /reconciliations/:id/finalize-preview: the warnings finalizing the run now would answer (none for a run not DONE). */
export class FinalizePreviewResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '2026-11' }) month: string;
  @ApiProperty({ type: () => [FinalizeWarningDto] }) warnings: FinalizeWarningDto[];
}

/** A run just finalized: its month is closed. */
export class FinalizedRunResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '2026-10' }) month: string;
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty({ enum: ['FINAL'] }) status: 'FINAL';
  @ApiProperty() finalizedBy: string;
  /**
   * DUE_DATE_NOT_PASSED when finalized on or before the month's due date with funders still owing, FREEZES_OPEN_MONTHS when it
   * froze earlier months of its year not finalized (finalize-warnings.ts); empty otherwise.
   */
  @ApiProperty({ type: () => [FinalizeWarningDto] }) warnings: FinalizeWarningDto[];
}
