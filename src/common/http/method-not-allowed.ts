import FindMyWay from 'find-my-way';
import type { FastifyInstance } from 'fastify';
import { HTTP_CODES } from '../errors/domain-exception.filter.js';

/** The methods a path answers, in the order an `Allow` header lists them. */
const METHOD_ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/**
 * A path the service serves, called with a method it does not serve, answers 405 with `Allow` naming
 * the methods it does, in the one error format (QA: `DELETE /api/v1/pledges` answered 404 "Alamat tidak
 * ditemukan", as if the path did not exist). An unknown path stays 404. The routes are mirrored, as they
 * are registered, into a second router matched as Fastify's matches (any case; `rewriteUrl` already
 * dropped a trailing slash); it is asked only when Fastify's found nothing, so served requests pay nothing.
 * A path that a route serves as written names that route's methods only.
 * Register before any route and after the hooks every answer goes through (headers, request id).
 */
export function answerWrongMethods(fastify: FastifyInstance): void {
  const router = FindMyWay({ caseSensitive: false });
  const methods = new Set<string>();
  fastify.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      methods.add(method);
      if (!router.hasRoute(method as FindMyWay.HTTPMethod, route.url)) router.on(method as FindMyWay.HTTPMethod, route.url, () => undefined, { fixed: !/[:*]/.test(route.url) });
    }
  });
  fastify.addHook('onRequest', (req, reply, done) => {
    if (!req.is404) return done();
    const path = req.url.split('?', 1)[0];
    const found = [...methods].filter((m) => m !== req.method).map((m) => ({ m, route: router.find(m as FindMyWay.HTTPMethod, path) })).filter((f) => f.route);
    // a path served as written (GET /payments/status) names only its own methods, not those of a route with a
    // parameter it also fits (DELETE /payments/:id, which answers "Pembayaran "status" tidak ditemukan": QA)
    const fixed = found.filter((f) => (f.route!.store as { fixed: boolean }).fixed);
    const allowed = (fixed.length ? fixed : found).map((f) => f.m).sort((a, b) => rank(a) - rank(b));
    if (!allowed.length) return done();
    const message = `Metode ${req.method} tidak berlaku untuk alamat ini. Gunakan ${allowed.join(', ')}.`;
    void reply.code(405).header('Allow', allowed.join(', ')).send({ statusCode: 405, message, code: HTTP_CODES[405], details: { method: req.method, allowed } });
  });
}

function rank(method: string): number {
  const i = METHOD_ORDER.indexOf(method);
  return i < 0 ? METHOD_ORDER.length : i;
}
