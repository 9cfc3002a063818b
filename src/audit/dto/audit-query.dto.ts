import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDate, IsInt, IsOptional, IsString, Max, MaxDate, Min, MinDate } from 'class-validator';
import { PageNumber } from '../../common/http/paging.js';
import { calendarDay } from '../../common/spreadsheet/cell-dates.js';
import { QueryInteger } from '../../common/http/validation.js';

/**
 * The years 2000–2099 of the API's dates, in WIB as the days given are read (`from=2000-01-01` is
 * its first moment in Jakarta, 17:00 UTC the day before). Years PostgreSQL's timestamptz refuses
 * (0000, negative) would otherwise come back as a 500.
 */
const EARLIEST = new Date('2000-01-01T00:00:00.000+07:00');
const LATEST = new Date('2099-12-31T23:59:59.999+07:00');
const RANGE = (field: string) => ({ message: `${field} harus antara tahun 2000 dan 2099` });

/** A date and time without a zone (`2026-12-04T18:15:00`, or with a space for the T). */
const WITHOUT_ZONE = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)$/;

/** An ISO 8601 date and time with its zone (`Z`, `+07:00`, `+0700`); a year of six digits and a sign too (left to the range check). */
const WITH_ZONE = /^(?:\d{4}|[+-]\d{6})-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * A time whose zone offset lost its `+` (`2026-11-15T00:00:00 07:00`): a `+` typed into an address
 * unencoded is read as a space (as in a form), and the refusal's own example has one. Read as `+`.
 */
const PLUS_AS_SPACE = /^(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?) (\d{2}:?\d{2})$/;

/**
 * `from`/`to` as a moment. A plain day (`2026-12-03`) is a whole day in WIB: `from` its first moment,
 * `to` its last (as a UTC midnight it left out the day asked for). A time without a zone is WIB too, as
 * the days are (JavaScript reads it in the server's zone, UTC on the server: QA). A day that is not in
 * the calendar (`2026-02-30`, which JavaScript would roll into March) is not a date.
 */
const moment = (edge: 'first' | 'last') => ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  // (Years before 1000 are left to the range check, which names the years allowed.)
  if (day && Number(day[1]) >= 1000 && !calendarDay(Number(day[1]), Number(day[2]), Number(day[3]))) return new Date(NaN);
  if (day && value.length === 10) return new Date(`${value}T${edge === 'first' ? '00:00:00.000' : '23:59:59.999'}+07:00`);
  const zoneless = WITHOUT_ZONE.exec(value);
  if (zoneless) return new Date(`${zoneless[1]}T${zoneless[2]}+07:00`);
  const zoned = value.replace(PLUS_AS_SPACE, '$1+$2');
  // anything else JavaScript would guess at (`06/12/2026` as 12 June, `2026` as 1 January, `2026-12-5` as UTC
  // midnight): not a date (QA: an auditor's DD/MM/YYYY read the American way, with no error)
  return WITH_ZONE.test(zoned) ? new Date(zoned) : new Date(NaN);
};

export class AuditQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() actor?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() entity?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() entityId?: string;
  @ApiPropertyOptional({ description: 'ISO timestamp (without a zone: WIB), or a day (YYYY-MM-DD: from its start in WIB)' }) @IsOptional() @Transform(moment('first')) @IsDate() @MinDate(EARLIEST, RANGE('from')) @MaxDate(LATEST, RANGE('from')) from?: Date;
  @ApiPropertyOptional({ description: 'ISO timestamp (without a zone: WIB), or a day (YYYY-MM-DD: to its end in WIB)' }) @IsOptional() @Transform(moment('last')) @IsDate() @MinDate(EARLIEST, RANGE('to')) @MaxDate(LATEST, RANGE('to')) to?: Date;
  @PageNumber() page: number = 1;
  @ApiPropertyOptional({ default: 50, type: 'integer', minimum: 1, maximum: 500 }) @IsOptional() @QueryInteger() @IsInt() @Min(1) @Max(500) pageSize: number = 50;
}
