import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

/**
 * What a read's answer says of the STALE months recomputed for it (AllocateMonth.refreshStale): the field
 * `recomputedMonths` of an object answer and the header `X-Recomputed-Months` of every answer (a bare array, as
 * GET /payments/status gives, cannot carry a field without breaking its contract). The route's hooks
 * (recomputed-months.route.ts) keep, per request, the months refreshStale reported: the route's handler takes
 * them with `@RecomputesOf()` and hands them to its service, whose refreshStale adds to them. Passed, not kept in an
 * AsyncLocalStorage: on Node 20 that turns on async hooks for every promise of the process, and cost the auditors'
 * NIK lookups about a third more CPU a request (session 42, measured).
 */
export const RECOMPUTED_MONTHS_HEADER = 'X-Recomputed-Months';

/** One refreshStale of a process: the months it recomputed (or found STALE) so far, and whether it is over. */
export interface RefreshRun {
  months: Set<string>;
  finished: boolean;
}

export interface RequestRecomputes {
  months: Set<string>;
  reply: FastifyReply;
  /**
   * The refreshStale runs of the process running or queued when the request came. Those over by the time it answers
   * count as waited for: a read that found nothing STALE because one of them was rewriting its months waited for it,
   * on the allocation lock or (PGlite) on the one connection, without calling refreshStale itself.
   */
  arrivedDuring: readonly RefreshRun[];
  /** The read reads no funding (the operator's participant read): its answer says nothing of recomputes. */
  silent: boolean;
}

const RECOMPUTES = Symbol('recomputes');

/** Keeps `r` on its request, for the handler's `@RecomputesOf()`. */
function keepOnRequest(request: object, r: RequestRecomputes): void {
  (request as { [RECOMPUTES]?: RequestRecomputes })[RECOMPUTES] = r;
}

/** The recomputes begun for `request` (undefined on a route not marked SaysRecomputedMonths). */
export function recomputesOf(request: object): RequestRecomputes | undefined {
  return (request as { [RECOMPUTES]?: RequestRecomputes })[RECOMPUTES];
}

/** A handler's parameter: its request's recomputes (undefined on a route not marked SaysRecomputedMonths). */
export const RecomputesOf = createParamDecorator((_: unknown, context: ExecutionContext): RequestRecomputes | undefined => recomputesOf(context.switchToHttp().getRequest<object>()));

/**
 * A request's recomputes, kept on it for its handler's `@RecomputesOf()`. `arrivedDuring`: the refreshStale runs of
 * the process running or queued now (AllocateMonth.refreshesUnderway).
 */
export function beginRecomputes(request: object, reply: FastifyReply, arrivedDuring: readonly RefreshRun[]): RequestRecomputes {
  const r: RequestRecomputes = { months: new Set(), reply, arrivedDuring, silent: false };
  keepOnRequest(request, r);
  return r;
}

/** `answer` as the request of `r` answers it: the header set, and `recomputedMonths` added to an object. */
export function withRecomputedMonths<T>(r: RequestRecomputes, answer: T): T | (T & { recomputedMonths: string[] }) {
  if (r.silent) return answer;
  setRecomputedHeader(r);
  const isObject = answer !== null && typeof answer === 'object' && Object.getPrototypeOf(answer) === Object.prototype;
  return isObject ? { ...answer, recomputedMonths: recomputedFor(r) } : answer;
}

/** The months recomputed for the request, sorted. */
export function recomputedFor(r: RequestRecomputes): string[] {
  const months = new Set(r.months);
  for (const run of r.arrivedDuring) if (run.finished) for (const m of run.months) months.add(m);
  return [...months].sort();
}

/** Sets the header (`2026-03,2026-04`, empty when none) while the answer's headers are not yet sent. */
export function setRecomputedHeader(r: RequestRecomputes): void {
  if (!r.silent && !r.reply.sent && !r.reply.raw.headersSent) void r.reply.header(RECOMPUTED_MONTHS_HEADER, recomputedFor(r).join(','));
}

/**
 * Adds `months`, recomputed for the read of request `r`, to its answer (none: a call outside a request, or on a route
 * not marked SaysRecomputedMonths, does nothing). The header is set at once: a workbook's route streams its answer itself,
 * after the recompute.
 */
export function noteRecomputedMonths(r: RequestRecomputes | undefined, months: readonly string[]): void {
  if (!r) return;
  for (const m of months) r.months.add(m);
  setRecomputedHeader(r);
}

/** Request `r`'s read reads no funding (the operator's): no `recomputedMonths`, no header. */
export function readsNoFunding(r: RequestRecomputes | undefined): void {
  if (r) r.silent = true;
}
