import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateBy } from 'class-validator';
import { MAX_RUPIAH, rupiah } from '../../common/money.js';
import { MONTH_PATTERN } from '../../common/month.js';
import { PageNumber } from '../../common/http/paging.js';
import { paymentReference, REFERENCE_MAX } from '../duplicate-payments.js';
import { PAID_AT_FORM, PAID_YEARS, paidDayInWib } from '../paid-at.js';
import { IsRequiredMonth, QueryInteger } from '../../common/http/validation.js';
import { UploadsPageDto } from '../../common/http/uploads-page.dto.js';
import { ReasonField } from '../../common/http/reason-field.js';

const PAID_AT_MISSING = 'paidAt (tanggal bayar) wajib diisi';

const MONTH_MESSAGE = 'bulan harus berformat YYYY-MM dengan tahun 2000–2099';

/** A timestamp of a real day with no zone (`2026-12-04T20:00:00`): which day it is depends on the zone, so it is refused saying so. */
const WITHOUT_ZONE = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

function paidAtMessage(value: unknown): string {
  const zoneless = typeof value === 'string' ? WITHOUT_ZONE.exec(value) : null;
  if (zoneless && paidDayInWib(zoneless[1]) !== null) {
    return `paidAt: waktu tanpa zona waktu; tulis tanggal saja (${zoneless[1]}) atau sertakan zona, mis. ${value as string}+07:00`;
  }
  return 'paidAt bukan tanggal yang ada di kalender (gunakan YYYY-MM-DD, atau waktu ISO dengan zona)';
}

/** In that form, a real calendar day, or a timestamp with its zone (paidDayInWib): checked with the other fields, so all come back at once. */
const IsPaymentDay = () =>
  ValidateBy({
    name: 'isPaymentDay',
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || !PAID_AT_FORM.test(value) || paidDayInWib(value) !== null,
      defaultMessage: (args) => paidAtMessage(args?.value),
    },
  });

/**
 * Above 0, or below 0 for a correction (adjustsMonth): money given back for a closed month that was overpaid (a
 * participant found dead after it was finalized, a BPJS credit note), recorded in an open month. An ordinary payment
 * is never negative, and no payment is 0 (CHK_payment_amount, migration 1768300000000).
 */
const IsPaymentAmount = () =>
  ValidateBy({
    name: 'isPaymentAmount',
    validator: {
      validate: (value: unknown, args) => typeof value !== 'number' || value > 0 || (value < 0 && Boolean((args?.object as { adjustsMonth?: unknown }).adjustsMonth)),
      defaultMessage: (args) =>
        args?.value === 0 && (args.object as { adjustsMonth?: unknown }).adjustsMonth
          ? 'amount tidak boleh 0'
          : 'amount harus lebih dari 0 (jumlah negatif hanya untuk koreksi yang mengembalikan kelebihan bayar: isi adjustsMonth)',
    },
  });

export class RecordPaymentDto {
  @ApiProperty({ example: 'APBD-2026' })
  @IsString()
  @IsNotEmpty({ message: 'pledgeCode wajib diisi' })
  @MaxLength(100)
  pledgeCode: string;

  @ApiProperty({ example: '2026-11', description: 'The premium month this payment is for' })
  @Matches(MONTH_PATTERN, { message: `month: ${MONTH_MESSAGE}` })
  month: string;

  @ApiProperty({
    example: 37800000,
    type: 'integer',
    description: 'Whole rupiah, above 0; below 0 only for a correction (adjustsMonth) giving back what a closed month was overpaid, never 0',
  })
  @IsInt({ message: 'amount harus bilangan bulat rupiah' })
  @IsPaymentAmount()
  @Min(-MAX_RUPIAH, { message: `amount paling kecil ${rupiah(-MAX_RUPIAH)}` })
  @Max(MAX_RUPIAH, { message: `amount paling besar ${rupiah(MAX_RUPIAH)}` })
  amount: number;

  @ApiProperty({ example: '2026-11-08', description: 'YYYY-MM-DD (WIB) or an ISO timestamp with zone, converted to its WIB day' })
  @IsString({ message: ({ value }) => (value === undefined ? PAID_AT_MISSING : 'paidAt harus berupa teks tanggal YYYY-MM-DD') })
  // empty (the console's form sends "" for a day not picked): said to be required, not of the wrong form (QA)
  @Matches(PAID_AT_FORM, { message: ({ value }) => (value === '' ? PAID_AT_MISSING : `paidAt harus berformat YYYY-MM-DD dengan tahun ${PAID_YEARS}`) })
  @IsPaymentDay()
  paidAt: string;

  @ApiProperty({ example: 'SP2D 00123/SP2D/LS/2026', description: 'Stored as it shows (duplicate-payments.ts paymentReference: no spaces around it, no invisible characters, one space for a run of them inside), as the sheet upload stores it' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? paymentReference(value) : value))
  @IsString()
  @IsNotEmpty({ message: 'reference (mis. nomor SP2D) wajib diisi' })
  @MaxLength(REFERENCE_MAX)
  reference: string;

  @ApiPropertyOptional({ example: '2026-08', nullable: true, description: 'A correction of an earlier (e.g. finalized) month, recorded in this open month' })
  @IsOptional()
  @Matches(MONTH_PATTERN, { message: `adjustsMonth: ${MONTH_MESSAGE}` })
  adjustsMonth?: string;
}

export class PaymentQueryDto {
  @ApiPropertyOptional({ example: '2026-11' })
  @IsOptional()
  @Matches(MONTH_PATTERN, { message: `month: ${MONTH_MESSAGE}` })
  month?: string;

  @ApiPropertyOptional({ example: 'APBD-2026' })
  @IsOptional()
  @IsString()
  pledgeCode?: string;

  @ApiPropertyOptional({ example: '2026-07', description: 'Only the corrections of this month (recorded in later months, §9)' })
  @IsOptional()
  @Matches(MONTH_PATTERN, { message: `adjustsMonth: ${MONTH_MESSAGE}` })
  adjustsMonth?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the payments recorded from this payment sheet (GET /payment-uploads `id`)' })
  @IsOptional()
  @IsUUID('all', { message: 'uploadId: id unggahan lembar pembayaran (UUID) tidak valid' })
  uploadId?: string;

  @PageNumber() page: number = 1;
  @ApiPropertyOptional({ default: 100, type: 'integer', minimum: 1, maximum: 1000 }) @IsOptional() @QueryInteger() @IsInt() @Min(1) @Max(1000) pageSize: number = 100;
}

/** A page of payment sheet uploads, newest first. */
export class PaymentUploadQueryDto extends UploadsPageDto {}

export class PaymentStatusQueryDto {
  @ApiProperty({ example: '2026-11' })
  @IsRequiredMonth()
  @Matches(MONTH_PATTERN, { message: `month: ${MONTH_MESSAGE}` })
  month: string;
}

/** Why a payment is deleted (kept in the audit trail with the payment removed). */
export class DeletePaymentDto {
  @ReasonField('penghapusan', 'Tercatat dua kali: SP2D yang sama sudah dicatat')
  reason!: string;
}
