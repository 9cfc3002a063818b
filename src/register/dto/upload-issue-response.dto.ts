import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../../common/http/page-response.dto.js';

/** One rejected or warned row's problem of an enrollment upload (the rows of report.xlsx). */
export class UploadIssueResponseDto {
  @ApiProperty({ type: 'integer' }) rowNumber: number;
  @ApiProperty({ enum: ['REJECT', 'WARN'] }) severity: string;
  /** The column's header as the file wrote it; null for the row as a whole. */
  @ApiProperty({ type: String, nullable: true }) column: string | null;
  @ApiProperty() code: string;
  @ApiProperty() message: string;
}

export class UploadIssuePageDto extends PageOf(UploadIssueResponseDto) {
  /** The rows the messages are on (a row may have several messages; `total` counts messages). */
  @ApiProperty({ type: 'integer' }) rows: number;
}
