import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Whether the audit hash chain is intact (GET /audit-events/verify). */
export class AuditVerifyResponseDto {
  @ApiProperty() intact: boolean;
  /** Events checked. */
  @ApiProperty({ type: 'integer' }) checked: number;
  /** When broken: the first event whose hash or link does not match, and why. */
  @ApiPropertyOptional() firstBrokenId?: string;
  @ApiPropertyOptional() reason?: string;
  /** When intact: the newest event and its hash (write them down: a later verify must still reach them). */
  @ApiPropertyOptional() lastId?: string;
  @ApiPropertyOptional() lastHash?: string;
}
