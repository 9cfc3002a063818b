import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RowIssueDto } from '../../common/spreadsheet/row-issue.dto.js';
import { SheetWarningDto } from '../../common/spreadsheet/sheet-warning.dto.js';

/** The month's latest version before this one, and how many lines (or NIKs) it held. */
export class ReplacedVersionDto {
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty({ type: 'integer' }) count: number;
}

/** The row report of an upload as it answered. */
class UploadReportDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '2026-10' }) month: string;
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty({ type: 'integer' }) rowsRead: number;
  @ApiProperty({ type: 'integer' }) accepted: number;
  @ApiProperty({ type: 'integer' }) rejected: number;
  @ApiProperty({ type: 'integer' }) warnings: number;
  @ApiProperty({ type: () => [RowIssueDto] }) issues: RowIssueDto[];
  @ApiProperty({ type: () => [SheetWarningDto] }) sheetWarnings: SheetWarningDto[];
  /** The same file as the month's latest version: that version is answered, none is added (and `replaces` is absent). */
  @ApiPropertyOptional({ enum: [true] }) recognised?: true;
  @ApiPropertyOptional({ type: () => ReplacedVersionDto, nullable: true }) replaces?: ReplacedVersionDto | null;
  /** Indonesian, when the new version holds at most half of the lines (or NIKs) of the one it replaces. */
  @ApiPropertyOptional() notice?: string;
}

/** A bill of another month stored with the same bytes. */
class SameFileBillDto {
  @ApiProperty({ example: '2026-12' }) month: string;
  @ApiProperty({ type: 'integer' }) version: number;
}

/** SAME_FILE_OTHER_MONTH: the file is byte for byte a bill already stored for another month (taken, but said). */
export class BillFileWarningDto {
  @ApiProperty({ enum: ['SAME_FILE_OTHER_MONTH'] }) code: string;
  @ApiProperty({ type: () => [SameFileBillDto] }) bills: SameFileBillDto[];
  @ApiProperty() message: string;
}

/** A BPJS bill just uploaded (a new version of the month's bill), rupiah. */
export class BillUploadResultDto extends UploadReportDto {
  @ApiProperty({ type: 'integer' }) invoiceTotal: number;
  @ApiProperty({ type: 'integer' }) lines: number;
  @ApiProperty({ type: 'integer' }) linesTotal: number;
  /** What the file as a whole warrants saying beside its rows (`warnings` counts row warnings). */
  @ApiProperty({ type: () => [BillFileWarningDto] }) fileWarnings: BillFileWarningDto[];
}

/** A PBI-APBN list just uploaded. */
export class PbiListUploadResultDto extends UploadReportDto {
  /** NIKs listed. */
  @ApiProperty({ type: 'integer' }) niks: number;
}

/** A stored upload; counts are null for uploads stored before they were kept. */
class StoredUploadDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '2026-10' }) month: string;
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty() checksum: string;
  @ApiProperty() filename: string;
  @ApiProperty() uploadedBy: string;
  @ApiProperty({ type: String, format: 'date-time' }) uploadedAt: Date;
  @ApiProperty({ type: 'integer', nullable: true }) rowsRead: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) accepted: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) rejected: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) warnings: number | null;
  @ApiProperty({ type: () => [SheetWarningDto] }) sheetWarnings: SheetWarningDto[];
}

/** A version of a month's BPJS bill, rupiah; `latest`: the month's bill. */
export class BillResponseDto extends StoredUploadDto {
  @ApiProperty({ type: 'integer' }) invoiceTotal: number;
  @ApiProperty({ type: 'integer' }) lines: number;
  @ApiProperty({ type: 'integer' }) linesTotal: number;
  @ApiProperty() latest: boolean;
  /** What its upload said about the file as a whole (SAME_FILE_OTHER_MONTH); empty for bills stored before it was kept. */
  @ApiProperty({ type: () => [BillFileWarningDto] }) fileWarnings: BillFileWarningDto[];
}

export class BillDetailResponseDto extends BillResponseDto {
  @ApiProperty({ type: () => [RowIssueDto] }) issues: RowIssueDto[];
}

/** A version of a month's PBI-APBN list. */
export class PbiListDetailResponseDto extends StoredUploadDto {
  @ApiProperty({ type: 'integer' }) niks: number;
  @ApiProperty({ type: () => [RowIssueDto] }) issues: RowIssueDto[];
}

/** A version of a month's PBI-APBN list; `latest`: the month's list. */
export class PbiListResponseDto extends StoredUploadDto {
  @ApiProperty({ type: 'integer' }) niks: number;
  @ApiProperty() latest: boolean;
}
