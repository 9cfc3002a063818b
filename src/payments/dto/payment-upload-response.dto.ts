import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageOf } from '../../common/http/page-response.dto.js';
import { RowIssueDto } from '../../common/spreadsheet/row-issue.dto.js';
import { SheetWarningDto } from '../../common/spreadsheet/sheet-warning.dto.js';

class PaymentUploadCountsDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: 'integer' }) rowsRead: number;
  @ApiProperty({ type: 'integer' }) accepted: number;
  @ApiProperty({ type: 'integer' }) rejected: number;
  @ApiProperty({ type: 'integer' }) warnings: number;
  @ApiProperty({ type: () => [SheetWarningDto] }) sheetWarnings: SheetWarningDto[];
  /** Payments recorded, and their rupiah. */
  @ApiProperty({ type: 'integer' }) payments: number;
  @ApiProperty({ type: 'integer' }) amount: number;
}

/** The answer of a payment sheet upload. */
export class PaymentUploadResultDto extends PaymentUploadCountsDto {
  @ApiProperty({ type: () => [RowIssueDto] }) issues: RowIssueDto[];
  /** Every row was recorded by an earlier upload of the same file: its answer and a message naming it; nothing stored. */
  @ApiPropertyOptional({ enum: [true] }) recognised?: true;
  @ApiPropertyOptional() message?: string;
}

/** A payment sheet that recorded payments. */
export class PaymentUploadResponseDto extends PaymentUploadCountsDto {
  @ApiProperty() filename: string;
  @ApiProperty() uploadedBy: string;
  @ApiProperty({ type: String, format: 'date-time' }) uploadedAt: Date;
}

export class PaymentUploadPageDto extends PageOf(PaymentUploadResponseDto) {}
