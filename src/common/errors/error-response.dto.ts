import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';

/** The one JSON error body every refusal has (DomainExceptionFilter's ErrorBody). */
export class ErrorResponseDto {
  @ApiProperty({ type: 'integer', example: 404 })
  statusCode: number;

  /** Indonesian, for the person using the service. */
  @ApiProperty({ example: 'Komitmen pendanaan "APBD-2026" tidak ditemukan.' })
  message: string;

  @ApiProperty({ description: 'The domain error’s code (PLEDGE_NOT_FOUND, MONTH_CLOSED, …) or the refusal’s (VALIDATION_FAILED, NOT_FOUND, …).', example: 'PLEDGE_NOT_FOUND' })
  code: string;

  @ApiPropertyOptional({
    description: 'What the code needs to say more: the fields a validation refused, the id not found, …',
    oneOf: [{ type: 'object' }, { type: 'array', items: {} }],
  })
  details?: unknown;
}

const WHEN: Record<number, string> = {
  400: 'Refused: the body, query or path does not pass its checks (VALIDATION_FAILED and the domain’s own codes).',
  401: 'Not logged in, or the token has expired or was ended (UNAUTHENTICATED).',
  403: 'The role may not do this (FORBIDDEN, or the domain’s code).',
  404: 'The record named in the path or query does not exist.',
  409: 'Conflicts with the state of the data (a closed month, a name taken, a run in progress, …).',
  429: 'Too many failed logins: wait as `Retry-After` says (TOO_MANY_REQUESTS).',
  503: 'The database does not answer.',
};

/** The error body under each status a controller's (or a route's) routes can answer with. */
export function ApiErrorResponses(...statuses: (keyof typeof WHEN)[]) {
  return applyDecorators(...statuses.map((status) => ApiResponse({ status, description: WHEN[status], type: ErrorResponseDto })));
}
