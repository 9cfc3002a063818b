import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyReply } from 'fastify';

/**
 * What a read's answer says of the STALE months recomputed for it (AllocateMonth.refreshStale): the field
 * `recomputedMonths` of an object answer and the header `X-Recomputed-Months` of every answer (a bare array, as
 * GET /payments/status gives, cannot carry a field without breaking its contract). The interceptor
 * (recomputed-months.interceptor.ts) keeps, per request, the months refreshStale reported; refreshStale adds to them
 * wherever the read calls it, the route's service or use case, so no controller repeats it.
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

const current = new AsyncLocalStorage<RequestRecomputes>();

/** Runs `work` (a route's handler) with `r` as its request's recomputes. */
export function withRecomputes<T>(r: RequestRecomputes, work: () => T): T {
  return current.run(r, work);
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
 * Adds `months`, recomputed for the read of the current request, to its answer (a call outside a request, or on a
 * route without the interceptor, does nothing). The header is set at once: a workbook's route streams its answer
 * itself, after the recompute.
 */
export function noteRecomputedMonths(months: readonly string[]): void {
  const r = current.getStore();
  if (!r) return;
  for (const m of months) r.months.add(m);
  setRecomputedHeader(r);
}

/** The current request's read reads no funding (the operator's): no `recomputedMonths`, no header. */
export function readsNoFunding(): void {
  const r = current.getStore();
  if (r) r.silent = true;
}
