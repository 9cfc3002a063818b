import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../../common/http/page-response.dto.js';

/** One link of the audit chain: who did what, when, to which record. */
export class AuditEventResponseDto {
  /** A bigint, as text. */
  @ApiProperty({ example: '39' }) id: string;
  @ApiProperty({ type: String, format: 'date-time' }) at: Date;
  @ApiProperty() actor: string;
  @ApiProperty({ example: 'pledge.create' }) action: string;
  @ApiProperty({ example: 'pledge' }) entity: string;
  @ApiProperty({ type: String, nullable: true }) entityId: string | null;
  /** The request's params, query and body (secrets redacted) or the change, as JSON text. */
  @ApiProperty() summary: string;
  @ApiProperty() prevHash: string;
  @ApiProperty() hash: string;
}

export class AuditEventPageDto extends PageOf(AuditEventResponseDto) {}
