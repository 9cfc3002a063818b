import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { MONTH_PATTERN } from '../../common/month.js';
import { collapsedText } from '../../common/text.js';
import { ReasonField } from '../../common/http/reason-field.js';
import { PageNumber } from '../../common/http/paging.js';
import { IsNikField, QueryInteger } from '../../common/http/validation.js';
import { VILLAGE_CODE_MESSAGE, VILLAGE_CODE_PATTERN } from '../../regions/village-code.js';

export class UploadListQueryDto {
  @PageNumber() page: number = 1;
  @ApiPropertyOptional({ default: 50, type: 'integer', minimum: 1, maximum: 500 }) @IsOptional() @QueryInteger() @IsInt() @Min(1) @Max(500) pageSize: number = 50;
}

/** Which participants: the search's filters, shared with the export (`GET /participants/export.xlsx`). */
export class RegisterFilterDto {
  @ApiPropertyOptional({ description: 'NIK (16 digit) atau awalan NIK' })
  @IsOptional()
  @Matches(/^\d{1,16}$/, { message: 'nik harus berupa 1-16 digit angka' })
  nik?: string;

  @ApiPropertyOptional({ description: 'Kode desa, dengan atau tanpa titik (17.03.06.2001 / 1703062001)' })
  @IsOptional()
  @Matches(VILLAGE_CODE_PATTERN, { message: VILLAGE_CODE_MESSAGE })
  villageCode?: string;

  @ApiPropertyOptional({ description: 'Bulan YYYY-MM: hanya peserta yang tercakup pada bulan itu (DOMAIN §4)' })
  @IsOptional()
  @Matches(MONTH_PATTERN, { message: 'coveredIn harus bulan YYYY-MM dengan tahun 2000–2099' })
  coveredIn?: string;

  @ApiPropertyOptional({ description: 'Awalan nama (tidak membedakan huruf besar/kecil; spasi di tepi dibuang, spasi berturut-turut dibaca satu, seperti nama disimpan; tanda petik lurus atau lengkung sama)' })
  @IsOptional()
  // compared as names are stored (enrollment-row.validator.ts: whitespace collapsed, trimmed)
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? collapsedText(value) : value))
  @IsString()
  @MaxLength(100)
  name?: string;
}

export class ParticipantQueryDto extends RegisterFilterDto {
  @PageNumber() page: number = 1;
  @ApiPropertyOptional({ default: 50, type: 'integer', minimum: 1, maximum: 500 }) @IsOptional() @QueryInteger() @IsInt() @Min(1) @Max(500) pageSize: number = 50;
}

/** `GET /participants/:nik`: a NIK, so that a typo is a 400 naming the field, not "not registered". */
export class ParticipantNikParamDto {
  @ApiProperty({ example: '1703064101900001' })
  @IsNikField()
  nik!: string;
}

/** Why a registration is voided (kept in the NIK's history and the audit trail). */
export class VoidRegistrationDto {
  @ReasonField('pembatalan', 'NIK salah ketik; yang benar 1703064101900002 (diunggah 05/12/2026)')
  reason!: string;
}

/** Why a participant's card is taken away (kept in its history and the audit trail). */
export class ClearNokaDto {
  @ReasonField('penghapusan NOKA', 'Kartu milik NIK 1703060101600042, salah ketik saat pendaftaran')
  reason!: string;
}
