import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../../common/http/page-response.dto.js';
import { CATEGORIES } from '../reconciliation.types.js';

/** A finding of a run (DOMAIN §10): a bill line or a participant in a category, rupiah. Null where the category has none. */
export class FindingResponseDto {
  @ApiProperty({ type: 'integer' }) seq: number;
  @ApiProperty({ enum: [...CATEGORIES] }) category: string;
  @ApiProperty({ type: String, nullable: true }) nik: string | null;
  /** The NOKA on the bill line; null for NOT_BILLED (no line: the register's is registerNoka); for DOUBLE_COVERAGE, the register's. */
  @ApiProperty({ type: String, nullable: true }) noka: string | null;
  /**
   * The participant's NOKA in the register when the run classified the line (a NOKA_MISMATCH's other side); null
   * without a participant or a NOKA, and for runs made before it was kept.
   */
  @ApiProperty({ type: String, nullable: true }) registerNoka: string | null;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  /** The bill's row number. */
  @ApiProperty({ type: 'integer', nullable: true }) rowNumber: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) billedAmount: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) expectedAmount: number | null;
  /** What to do about it (Indonesian). */
  @ApiProperty() action: string;
}

export class FindingPageDto extends PageOf(FindingResponseDto) {}
