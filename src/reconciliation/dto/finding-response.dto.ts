import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../../common/http/page-response.dto.js';
import { CATEGORIES } from '../reconciliation.types.js';

/** A finding of a run (DOMAIN §10): a bill line or a participant in a category, rupiah. Null where the category has none. */
export class FindingResponseDto {
  @ApiProperty({ type: 'integer' }) seq: number;
  @ApiProperty({ enum: [...CATEGORIES] }) category: string;
  @ApiProperty({ type: String, nullable: true }) nik: string | null;
  @ApiProperty({ type: String, nullable: true }) noka: string | null;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  /** The bill's row number. */
  @ApiProperty({ type: 'integer', nullable: true }) rowNumber: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) billedAmount: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) expectedAmount: number | null;
  /** What to do about it (Indonesian). */
  @ApiProperty() action: string;
}

export class FindingPageDto extends PageOf(FindingResponseDto) {}
