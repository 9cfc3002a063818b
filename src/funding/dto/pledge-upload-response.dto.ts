import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageOf } from '../../common/http/page-response.dto.js';
import { SheetWarningDto } from '../../common/spreadsheet/sheet-warning.dto.js';
import { PledgeWarningDto } from './pledge-response.dto.js';

/** A refused row of a pledge sheet, on `Komitmen` or `Daftar`. */
export class PledgeUploadIssueDto {
  @ApiProperty({ enum: ['Komitmen', 'Daftar'] }) sheet: 'Komitmen' | 'Daftar';
  @ApiProperty({ type: 'integer' }) rowNumber: number;
  @ApiProperty({ type: String, nullable: true }) column: string | null;
  @ApiProperty() message: string;
}

export class PledgeUploadPledgeDto {
  @ApiProperty({ type: 'integer' }) rowNumber: number;
  @ApiProperty() code: string;
  @ApiProperty({ type: () => [PledgeWarningDto] }) warnings: PledgeWarningDto[];
}

class PledgeUploadCountsDto {
  @ApiProperty() filename: string;
  @ApiProperty({ type: 'integer' }) rowsRead: number;
  @ApiProperty({ type: 'integer' }) accepted: number;
  /** Pledge rows refused; `listRowsRejected`: `Daftar` rows refused. */
  @ApiProperty({ type: 'integer' }) rejected: number;
  @ApiProperty({ type: 'integer' }) listRowsRejected: number;
  @ApiProperty({ type: () => [SheetWarningDto] }) sheetWarnings: SheetWarningDto[];
}

/** The answer of a pledge sheet upload (or its dry run). */
export class PledgeUploadResultDto extends PledgeUploadCountsDto {
  /** Absent on a dry run (nothing is stored). */
  @ApiPropertyOptional({ format: 'uuid' }) id?: string;
  @ApiProperty() dryRun: boolean;
  /** The pledges saved (or, on a dry run, that would be). */
  @ApiProperty({ type: () => [PledgeUploadPledgeDto] }) pledges: PledgeUploadPledgeDto[];
  @ApiProperty({ type: () => [PledgeUploadIssueDto] }) issues: PledgeUploadIssueDto[];
  /** The same file as an earlier upload whose pledges still stand: its answer, and a message naming it; nothing stored. */
  @ApiPropertyOptional({ enum: [true] }) recognised?: true;
  @ApiPropertyOptional() message?: string;
}

/** A saved pledge sheet. */
export class PledgeUploadResponseDto extends PledgeUploadCountsDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() checksum: string;
  @ApiProperty() uploadedBy: string;
  @ApiProperty({ type: String, format: 'date-time' }) uploadedAt: Date;
}

export class PledgeUploadPageDto extends PageOf(PledgeUploadResponseDto) {}

/** A saved pledge sheet with its refused rows as its upload answered them. */
export class PledgeUploadDetailResponseDto extends PledgeUploadResponseDto {
  @ApiProperty({ type: () => [PledgeUploadIssueDto] }) issues: PledgeUploadIssueDto[];
}
