import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One problem of one row of an uploaded sheet (row-issue.ts). */
export class RowIssueDto {
  /** The row number in the file. */
  @ApiProperty({ type: 'integer' })
  row: number;

  /** The column's header as the file wrote it; null for the row as a whole. */
  @ApiProperty({ type: String, nullable: true })
  column: string | null;

  @ApiProperty({ enum: ['REJECT', 'WARN'] })
  severity: 'REJECT' | 'WARN';

  @ApiProperty()
  code: string;

  @ApiProperty()
  message: string;

  /** The sheet, for a row off the upload's main sheet. */
  @ApiPropertyOptional()
  sheet?: string;
}
