import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { QueryInteger } from './validation.js';

/**
 * The highest `page` of any paged list. Far past any real list (100,000 pages of up to 1,000 rows),
 * and low enough that its offset stays a safe integer for PostgreSQL: a page of 1e20 was a 500
 * ("bigint out of range").
 */
export const MAX_PAGE = 100_000;

/**
 * A list's `page` query parameter: 1 to MAX_PAGE, 1 when left out (the property's own initializer
 * holds the same default). Decorators apply in the order listed, as written bottom-up above a property.
 */
export const PageNumber = () =>
  applyDecorators(Max(MAX_PAGE), Min(1), IsInt(), QueryInteger(), IsOptional(), ApiPropertyOptional({ default: 1, type: 'integer', minimum: 1, maximum: MAX_PAGE }));

const PAGE_SIZE_RULE = 'pageSize harus bilangan bulat 1 sampai 1000';

/**
 * A list's `pageSize` query parameter: 1 to 1000 rows a page, every failure told as that one rule,
 * `defaultSize` when left out (the property's own initializer holds the same default).
 * Decorators apply in the order listed, as written bottom-up above a property.
 */
export const PageSizeUpTo1000 = (defaultSize: number) =>
  applyDecorators(
    Max(1000, { message: PAGE_SIZE_RULE }),
    Min(1, { message: PAGE_SIZE_RULE }),
    IsInt({ message: PAGE_SIZE_RULE }),
    QueryInteger(),
    IsOptional(),
    ApiPropertyOptional({ default: defaultSize, type: 'integer', minimum: 1, maximum: 1000 }),
  );
