import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageOf } from '../../common/http/page-response.dto.js';
import { SheetWarningDto } from '../../common/spreadsheet/sheet-warning.dto.js';

/** An enrollment upload (API.md "Register"): counts of rows and of register changes, and how it ended. */
export class EnrollmentUploadResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  /** PROCESSING while a large file is read in the background (poll GET /enrollment-uploads/{id}). */
  @ApiProperty({ enum: ['PROCESSING', 'DONE', 'FAILED'] }) status: 'PROCESSING' | 'DONE' | 'FAILED';
  @ApiProperty({ type: 'integer' }) rowsRead: number;
  @ApiProperty({ type: 'integer' }) accepted: number;
  @ApiProperty({ type: 'integer' }) rejected: number;
  @ApiProperty({ type: 'integer' }) warnings: number;
  @ApiProperty({ type: () => [SheetWarningDto] }) sheetWarnings: SheetWarningDto[];
  /** 0..1; 1 once done. */
  @ApiProperty({ minimum: 0, maximum: 1 }) progress: number;
  /** Participants created, updated and left unchanged. */
  @ApiProperty({ type: 'integer' }) created: number;
  @ApiProperty({ type: 'integer' }) updated: number;
  @ApiProperty({ type: 'integer' }) unchanged: number;
  /**
   * Of the updated: participants whose ended coverage (TAT) this upload removed with an empty TAT, so they are covered
   * and owed for again (each row warned REINSTATED); `reinstatedDeaths` of them had ended by death (MENINGGAL).
   */
  @ApiProperty({ type: 'integer' }) reinstated: number;
  @ApiProperty({ type: 'integer' }) reinstatedDeaths: number;
  /**
   * Accepted rows warned with a change of what is owed for months already allocated or closed (COVERAGE_CHANGED,
   * CLOSED_MONTH_UNCHANGED); 0 for a FAILED upload.
   */
  @ApiProperty({ type: 'integer' }) owedChanged: number;
  @ApiProperty() filename: string;
  /** SHA-256 of the file. */
  @ApiProperty() checksum: string;
  @ApiProperty({ type: 'integer' }) sizeBytes: number;
  /** Why a FAILED upload failed (Indonesian), its stable code and the refusal's details; null otherwise. */
  @ApiProperty({ type: String, nullable: true }) error: string | null;
  @ApiProperty({ type: String, nullable: true }) errorCode: string | null;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true }) errorDetails: Record<string, unknown> | null;
  @ApiProperty() uploadedBy: string;
  @ApiProperty({ type: String, format: 'date-time' }) uploadedAt: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt: Date | null;
  /** True when this answer is an earlier upload of the same content (nothing was changed). */
  @ApiPropertyOptional({ enum: [true] }) recognised?: true;
}

export class EnrollmentUploadPageDto extends PageOf(EnrollmentUploadResponseDto) {}
