import { applyDecorators, type CallHandler, type ExecutionContext, Injectable, type NestInterceptor, UseInterceptors } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { map, type Observable } from 'rxjs';
import { keepOnRequest, recomputedFor, type RequestRecomputes, setRecomputedHeader } from './recomputed-months.js';
import { AllocateMonth } from './use-cases/allocate-month.use-case.js';

/** Gives a read's answer the months recomputed for it (recomputed-months.ts): the header always, the field on an object. */
@Injectable()
export class RecomputedMonthsInterceptor implements NestInterceptor {
  constructor(private readonly allocateMonth: AllocateMonth) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const r: RequestRecomputes = {
      months: new Set(),
      reply: http.getResponse<FastifyReply>(),
      arrivedDuring: this.allocateMonth.refreshesUnderway(),
      silent: false,
    };
    keepOnRequest(http.getRequest<object>(), r);
    return next.handle().pipe(
      map((answer) => {
        if (r.silent) return answer;
        setRecomputedHeader(r);
        const isObject = answer !== null && typeof answer === 'object' && Object.getPrototypeOf(answer) === Object.prototype;
        return isObject ? { ...answer, recomputedMonths: recomputedFor(r) } : answer;
      }),
    );
  }
}

/**
 * A read that recomputes STALE months first: its object answer gets `recomputedMonths` (`[]` when none) and every
 * answer the header `X-Recomputed-Months` (empty when none). Its handlers pass `@RecomputesOf()` to the refreshStale
 * of their read.
 */
export const SaysRecomputedMonths = () => applyDecorators(UseInterceptors(RecomputedMonthsInterceptor));
