import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches, ValidateBy } from 'class-validator';
import { MONTH_PATTERN } from '../../common/month.js';

const MONTH_MESSAGE = 'month harus berformat YYYY-MM dengan tahun 2000–2099';

/** A multipart field left out (or sent empty, as a form does) is said to be required, not of the wrong form (QA). */
const absent = (value: unknown) => value === undefined || value === null || value === '';
const orRequired =
  (field: string, message: string) =>
  ({ value }: { value: unknown }) =>
    absent(value) ? `${field} wajib diisi` : message;

/**
 * Digits (the format is checked on its own) from 1 to Rp10.000.000.000.000. Said apart from the format, so
 * that a total the console sends as digits after reading "37.800.000" is not told to drop its dots (QA).
 */
const InvoiceTotalInRange = () =>
  ValidateBy({
    name: 'invoiceTotalInRange',
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || !/^\d+$/.test(value) || /^[1-9]\d{0,12}$|^10000000000000$/.test(value),
      defaultMessage: () => 'invoiceTotal harus lebih dari Rp0 dan paling besar Rp10.000.000.000.000.',
    },
  });

/** Multipart fields of a bill upload (the sheet goes in `file`); any other field is refused (`@UploadFile`). */
export class UploadBillDto {
  @ApiProperty({ example: '2026-10' })
  @Matches(MONTH_PATTERN, { message: orRequired('month', MONTH_MESSAGE) })
  month: string;

  @ApiProperty({ example: '113400000', description: 'Invoice total in whole rupiah (digits only)' })
  @Matches(/^\d+$/, { message: orRequired('invoiceTotal', 'invoiceTotal harus bilangan bulat rupiah, angka saja tanpa titik atau koma, mis. 113400000') })
  @InvoiceTotalInRange()
  invoiceTotal: string;

  @ApiProperty({ type: 'string', format: 'binary', description: '.xlsx or .csv with NOKA, NIK, NAMA, IURAN' })
  @IsOptional()
  file?: unknown;
}

/** Multipart fields of a PBI-APBN list upload (the sheet goes in `file`); any other field is refused (`@UploadFile`). */
export class UploadPbiListDto {
  @ApiProperty({ example: '2026-10' })
  @Matches(MONTH_PATTERN, { message: orRequired('month', MONTH_MESSAGE) })
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
