/**
 * A range of months, `from`–`to` inclusive, that the split queries (GET /splits, /splits/export.xlsx,
 * /splits/summary) take instead of `month`: a quarter (triwulan), a semester or a fiscal year for the
 * auditors. Both ends are given (one alone is refused, naming the other), `from` not after `to`, at
 * most 12 months (across a year end too: 2026-07 to 2027-06), and never together with `month`.
 */
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, Matches, ValidateBy, ValidateIf, type ValidationArguments } from 'class-validator';
import { isMonth, MONTH_PATTERN, monthsBetween } from '../../common/month.js';
import { LeftOutMeans, OptionalWhen } from '../../common/http/optional-parameters.js';
import { MONTH_REQUIRED } from '../../common/http/validation.js';
import { MONTH_MESSAGE } from './month.dto.js';

export const MAX_RANGE_MONTHS = 12;

interface Asked {
  month?: unknown;
  from?: unknown;
  to?: unknown;
}

const rangeAsked = (o: object) => (o as Asked).from !== undefined || (o as Asked).to !== undefined;
const objectOf = (args?: ValidationArguments) => (args?.object ?? {}) as Asked;

export const RANGE_AND_MONTH = 'month tidak dapat dipakai bersama from/to: kirim month untuk satu bulan, atau from dan to untuk rentang bulan, tidak keduanya.';

/** On `month`: sent together with `from` or `to`, it is refused (one or the other). */
export const NotWithRange = () =>
  ValidateBy({
    name: 'notWithRange',
    validator: { validate: (value: unknown, args?: ValidationArguments) => value === undefined || !rangeAsked(objectOf(args)), defaultMessage: () => RANGE_AND_MONTH },
  });

/**
 * The summary's `month`: required unless a range is asked. Its checks are named as those it stands for
 * (IsNotEmpty, Matches), so a month left out, sent empty or misformatted is said as before the range
 * existed (`month wajib diisi (…)`, its format), and the parameter stays required to the validation pipe;
 * beside a range it is optional (OptionalWhen): sent empty there it is refused as on GET /splits and its
 * workbook (`month tidak boleh kosong: hapus parameter itu …`), not read as left out.
 */
export const IsRequiredMonthUnlessRange = (): PropertyDecorator => (target, key) => {
  OptionalWhen(rangeAsked)(target, key);
  ValidateBy({
    name: 'isNotEmpty',
    validator: { validate: (value: unknown, args?: ValidationArguments) => rangeAsked(objectOf(args)) || (value !== undefined && value !== null && value !== ''), defaultMessage: () => MONTH_REQUIRED },
  })(target, key);
  ValidateBy({
    name: 'matches',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) => (value === undefined && rangeAsked(objectOf(args))) || (typeof value === 'string' && MONTH_PATTERN.test(value)),
      defaultMessage: () => MONTH_MESSAGE,
    },
  })(target, key);
};

/** On `to`: `from` after `to`, or a range longer than MAX_RANGE_MONTHS (checked when both are months). */
const RangeInOrder = () =>
  ValidateBy({
    name: 'rangeInOrder',
    validator: {
      validate: (to: unknown, args?: ValidationArguments) => {
        const { from } = objectOf(args);
        return typeof from !== 'string' || typeof to !== 'string' || !isMonth(from) || !isMonth(to) || from <= to;
      },
      defaultMessage: (args?: ValidationArguments) => `to (${String(args?.value)}) tidak boleh sebelum bulan awal rentang (${String(objectOf(args).from)}): pilih bulan akhir yang sama dengan bulan awal atau sesudahnya.`,
    },
  });

const RangeAtMostAYear = () =>
  ValidateBy({
    name: 'rangeAtMostAYear',
    validator: {
      validate: (to: unknown, args?: ValidationArguments) => {
        const { from } = objectOf(args);
        return typeof from !== 'string' || typeof to !== 'string' || !isMonth(from) || !isMonth(to) || monthsBetween(from, to).length <= MAX_RANGE_MONTHS;
      },
      defaultMessage: (args?: ValidationArguments) => {
        const from = String(objectOf(args).from);
        const to = String(args?.value);
        return `rentang bulan paling panjang ${MAX_RANGE_MONTHS} bulan: ${from} sampai ${to} adalah ${monthsBetween(from, to).length} bulan. Pilih paling lama satu tahun, misalnya Januari sampai Desember.`;
      },
    },
  });

const LEFT_OUT = 'bila tidak memakai rentang bulan (from dan to dipakai bersama)';

/** `from` and `to` of the split queries (see above); `month` is declared by each query with NotWithRange. */
export class MonthRangeDto {
  @ApiPropertyOptional({ example: '2026-01', description: 'Awal rentang bulan (termasuk), YYYY-MM; bersama `to`, pengganti `month`.' })
  @ValidateIf(rangeAsked)
  @IsNotEmpty({ message: 'from wajib diisi bersama to: rentang bulan perlu bulan awal dan bulan akhir (misalnya 2026-01 sampai 2026-03).' })
  @Matches(MONTH_PATTERN, { message: 'from harus berformat YYYY-MM dengan tahun 2000–2099, misalnya 2026-01' })
  @LeftOutMeans(`${LEFT_OUT}, atau isi bulan awalnya (YYYY-MM, mis. 2026-01)`)
  from?: string;

  @ApiPropertyOptional({ example: '2026-03', description: `Akhir rentang bulan (termasuk), YYYY-MM; bersama \`from\`, paling lama ${MAX_RANGE_MONTHS} bulan.` })
  @ValidateIf(rangeAsked)
  @IsNotEmpty({ message: 'to wajib diisi bersama from: rentang bulan perlu bulan awal dan bulan akhir (misalnya 2026-01 sampai 2026-03).' })
  @Matches(MONTH_PATTERN, { message: 'to harus berformat YYYY-MM dengan tahun 2000–2099, misalnya 2026-03' })
  @RangeInOrder()
  @RangeAtMostAYear()
  @LeftOutMeans(`${LEFT_OUT}, atau isi bulan akhirnya (YYYY-MM, mis. 2026-03)`)
  to?: string;
}

/** The months a query reads: its `month`, its range, or neither (every month). */
export interface MonthPeriod {
  from: string;
  to: string;
}

/** `month` as a period of one month, or `from`–`to`; undefined when neither is asked. */
export function periodOf(q: { month?: string; from?: string; to?: string }): MonthPeriod | undefined {
  if (q.month !== undefined) return { from: q.month, to: q.month };
  if (q.from !== undefined && q.to !== undefined) return { from: q.from, to: q.to };
  return undefined;
}
