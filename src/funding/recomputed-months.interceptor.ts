import { applyDecorators, type CallHandler, type ExecutionContext, Injectable, type NestInterceptor, UseInterceptors } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { map, type Observable } from 'rxjs';
import { recomputedFor, type RequestRecomputes, setRecomputedHeader, withRecomputes } from './recomputed-months.js';
import { AllocateMonth } from './use-cases/allocate-month.use-case.js';

/** Gives a read's answer the months recomputed for it (recomputed-months.ts): the header always, the field on an object. */
@Injectable()
export class RecomputedMonthsInterceptor implements NestInterceptor {
  constructor(private readonly allocateMonth: AllocateMonth) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const r: RequestRecomputes = {
      months: new Set(),
      reply: context.switchToHttp().getResponse<FastifyReply>(),
      arrivedDuring: this.allocateMonth.refreshesUnderway(),
      silent: false,
    };
    // the handler runs in `r`'s context (Nest binds it when handle() is called)
    return withRecomputes(r, () => next.handle()).pipe(
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
 * answer the header `X-Recomputed-Months` (empty when none).
 */
export const SaysRecomputedMonths = () => applyDecorators(UseInterceptors(RecomputedMonthsInterceptor));
