import { BadRequestException } from '@nestjs/common';
import type { FieldProblem } from '../common/errors/field-problem.js';
import { createValidationPipe } from '../common/http/validation.js';
import { RecordPaymentDto } from './dto/payment.dto.js';
import { paidDayInWib } from './paid-at.js';

/**
 * The fields of a payment whose DTO checks passed, each left out when it failed; `adjustsMonth` is
 * null when none was sent, and `paidAt` is its WIB day.
 */
export interface SoundPaymentFields {
  pledgeCode?: string;
  month?: string;
  adjustsMonth?: string | null;
  paidAt?: string;
}

const pipe = createValidationPipe();

/**
 * The body of POST /api/v1/payments, checked as every body is (createValidationPipe: same rules,
 * same messages). When a field fails, the answer stays 400 `VALIDATION_FAILED` with its `details`
 * array, and `termsOf` adds what it finds in the sound fields (fiscal year, a day still to come,
 * a correction of an open month...), one entry per field: one submit tells every problem (QA).
 */
export async function readPaymentBody(body: unknown, termsOf: (sound: SoundPaymentFields) => Promise<FieldProblem[]>): Promise<RecordPaymentDto> {
  try {
    return (await pipe.transform(body, { type: 'body', metatype: RecordPaymentDto })) as RecordPaymentDto;
  } catch (error) {
    const response = error instanceof BadRequestException ? (error.getResponse() as { message: string; details?: unknown }) : null;
    if (!response || !Array.isArray(response.details) || !body || typeof body !== 'object' || Array.isArray(body)) throw error;
    const details = response.details as FieldProblem[];
    const terms = await termsOf(soundFields(body as Record<string, unknown>, new Set(details.map((d) => d.field))));
    if (!terms.length) throw error;
    throw new BadRequestException({ message: response.message, details: [...details, ...terms] });
  }
}

function soundFields(body: Record<string, unknown>, failed: ReadonlySet<string>): SoundPaymentFields {
  const sound = (field: keyof SoundPaymentFields) => !failed.has(field);
  return {
    pledgeCode: sound('pledgeCode') ? (body.pledgeCode as string) : undefined,
    month: sound('month') ? (body.month as string) : undefined,
    adjustsMonth: sound('adjustsMonth') ? ((body.adjustsMonth as string | undefined) ?? null) : undefined,
    paidAt: sound('paidAt') ? (paidDayInWib(body.paidAt as string) ?? undefined) : undefined,
  };
}
