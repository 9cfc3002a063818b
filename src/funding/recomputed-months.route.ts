import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { appendRouteHook } from '../common/http/route-hooks.js';
import { beginRecomputes, recomputesOf, withRecomputedMonths } from './recomputed-months.js';
import type { AllocateMonth } from './use-cases/allocate-month.use-case.js';

/** The route option SaysRecomputedMonths sets, which sayRecomputedMonths looks for. */
const SAYS = 'saysRecomputedMonths';

/**
 * A read that recomputes STALE months first: its object answer gets `recomputedMonths` (`[]` when none) and every
 * successful answer the header `X-Recomputed-Months` (empty when none). Its handlers pass `@RecomputesOf()` to the
 * refreshStale of their read. On a route handler (a Fastify route option: sayRecomputedMonths gives such a route its
 * two hooks).
 */
export const SaysRecomputedMonths = (): MethodDecorator => RouteConfig({ [SAYS]: true });

/**
 * Gives each route marked SaysRecomputedMonths two Fastify hooks of its own: when the request comes, before Nest's
 * guards and pipes run, its recomputes are begun with the refreshes then underway (a recompute that ends while the
 * pipes run is one the read waited for, and must be said: the console's spec caught one missed); when a successful
 * object or array answer is serialized, the months are added to it. A Nest interceptor did the same at ~30 µs of
 * the service's CPU a request, a fifth of a split lookup's (RxJS and its async resources: README, funding
 * figures, session 45). Call before the routes are registered (configureApp).
 */
export function sayRecomputedMonths(fastify: FastifyInstance, allocateMonth: AllocateMonth): void {
  const begin = (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    beginRecomputes(request, reply, allocateMonth.refreshesUnderway());
    done();
  };
  const answer = (request: FastifyRequest, reply: FastifyReply, payload: unknown, done: (err: null, payload: unknown) => void) => {
    const r = reply.statusCode < 400 ? recomputesOf(request) : undefined;
    done(null, r ? withRecomputedMonths(r, payload) : payload);
  };
  fastify.addHook('onRoute', (route: RouteOptions) => {
    // (Fastify's HEAD route of a GET comes here too, with the GET's config and none of its hooks: it gets its own)
    if (!(route.config as { [SAYS]?: boolean } | undefined)?.[SAYS]) return;
    appendRouteHook(route, 'onRequest', begin);
    appendRouteHook(route, 'preSerialization', answer);
  });
}
