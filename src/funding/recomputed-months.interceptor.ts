import { applyDecorators, type CallHandler, type ExecutionContext, Injectable, type NestInterceptor, UseInterceptors } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { map, type Observable } from 'rxjs';
import { beginRecomputes, withRecomputedMonths } from './recomputed-months.js';
import { AllocateMonth } from './use-cases/allocate-month.use-case.js';

/** Gives a read's answer the months recomputed for it (recomputed-months.ts): the header always, the field on an object. */
@Injectable()
export class RecomputedMonthsInterceptor implements NestInterceptor {
  constructor(private readonly allocateMonth: AllocateMonth) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const r = beginRecomputes(http.getRequest<object>(), http.getResponse<FastifyReply>(), this.allocateMonth.refreshesUnderway());
    return next.handle().pipe(map((answer) => withRecomputedMonths(r, answer)));
  }
}

/**
 * A read that recomputes STALE months first: its object answer gets `recomputedMonths` (`[]` when none) and every
 * answer the header `X-Recomputed-Months` (empty when none). Its handlers pass `@RecomputesOf()` to the refreshStale
 * of their read. The interceptor takes the refreshes underway before the route's pipes run: doing it in the handler
 * (tried for GET /splits, ~20 µs a request less) took them later, and a recompute that ended in between went unsaid.
 */
export const SaysRecomputedMonths = () => applyDecorators(UseInterceptors(RecomputedMonthsInterceptor));
