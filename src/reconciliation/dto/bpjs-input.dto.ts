import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { MONTH_PATTERN } from '../../common/month.js';
import { IgnoresUnknownFields } from '../../common/http/validation.js';

const MONTH_MESSAGE = 'month harus berformat YYYY-MM dengan tahun 2000–2099';

/** Multipart fields of a bill upload (the sheet goes in `file`); other fields are ignored. */
@IgnoresUnknownFields()
export class UploadBillDto {
  @ApiProperty({ example: '2026-10' })
  @Matches(MONTH_PATTERN, { message: MONTH_MESSAGE })
  month: string;

  @ApiProperty({ example: '113400000', description: 'Invoice total in whole rupiah (digits only)' })
  @Matches(/^[1-9]\d{0,12}$|^10000000000000$/, { message: 'invoiceTotal harus bilangan bulat rupiah lebih dari 0, paling besar Rp10.000.000.000.000, tanpa titik atau koma, mis. 113400000' })
  invoiceTotal: string;

  @ApiProperty({ type: 'string', format: 'binary', description: '.xlsx or .csv with NOKA, NIK, NAMA, IURAN' })
  @IsOptional()
  file?: unknown;
}

/** Multipart fields of a PBI-APBN list upload (the sheet goes in `file`); other fields are ignored. */
@IgnoresUnknownFields()
export class UploadPbiListDto {
  @ApiProperty({ example: '2026-10' })
  @Matches(MONTH_PATTERN, { message: MONTH_MESSAGE })
  month: string;

  @ApiProperty({ type: 'string', format: 'binary', description: '.xlsx or .csv with a NIK column (others ignored)' })
  @IsOptional()
  file?: unknown;
}

export class BillQueryDto {
  @ApiPropertyOptional({ example: '2026-10' })
  @IsOptional()
  @Matches(MONTH_PATTERN, { message: MONTH_MESSAGE })
  month?: string;
}
