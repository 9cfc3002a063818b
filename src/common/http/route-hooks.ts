import type { RouteOptions } from 'fastify';

type RouteHookName = 'onRequest' | 'preHandler' | 'preSerialization' | 'onSend';
/** One hook of a route's `name` list (Fastify takes a hook or a list of them there). */
type RouteHook<K extends RouteHookName> = NonNullable<RouteOptions[K]> extends infer H ? (H extends readonly (infer E)[] ? E : H) : never;

/**
 * Adds `hook` after the route's own `name` hooks, from an `onRoute` hook: the route alone runs it, where
 * `fastify.addHook` would run it on every request (the login limit, the recomputed months).
 */
export function appendRouteHook<K extends RouteHookName>(route: RouteOptions, name: K, hook: RouteHook<K>): void {
  (route as Record<K, unknown>)[name] = [...[route[name] ?? []].flat(), hook];
}
