import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { HAS_VISIBLE_TEXT } from '../text.js';

/**
 * The `reason` of a change the audit trail must explain (a registration voided, a payment deleted): required, something
 * visible, at most 500 characters; the messages name it as `reason (alasan <what>)`.
 */
export const ReasonField = (what: string, example: string) =>
  applyDecorators(
    ApiProperty({ example, maxLength: 500 }),
    IsString({ message: `reason (alasan ${what}) harus berupa teks` }),
    Matches(HAS_VISIBLE_TEXT, { message: `reason (alasan ${what}) wajib diisi` }),
    MaxLength(500, { message: `reason (alasan ${what}) paling banyak 500 karakter` }),
  );
