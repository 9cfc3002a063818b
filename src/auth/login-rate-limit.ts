import { HttpException, HttpStatus } from '@nestjs/common';
import rateLimit, { normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { AuditService } from '../audit/audit.service.js';
import type { AppConfig } from '../common/config/app-config.js';
import { appendRouteHook } from '../common/http/route-hooks.js';
import { LOGIN_ROUTE } from './auth-routes.js';

/**
 * Limits failed login attempts per client address and username, so one person's typos lock only them
 * and guessing one account's password from one address is slowed to LOGIN_RATE_LIMIT per window.
 * Only failures count (401 INVALID_CREDENTIALS): an officer who logs in again and again from a shared
 * office address is never locked out by succeeding (QA). Once the failures reach the limit, every
 * attempt is refused, the right password too, until the window ends.
 *
 * `@fastify/rate-limit` keeps the counts (its store, bounded); for `POST /api/v1/auth/login` only, once
 * the body is parsed (the username is part of the key), an attempt is refused when the failures counted
 * plus the attempts still being answered reach the limit, so simultaneous guesses cannot pass it either;
 * a failure is counted before its answer is sent. The refusal goes through the one error filter like
 * any other, and is an audit event, `auth.login.throttled`: the username as typed and the client address,
 * never the password (QA: refused logins left no trace).
 */
export async function useLoginRateLimit(fastify: FastifyInstance, config: AppConfig, audit: AuditService): Promise<void> {
  await fastify.register(rateLimit, { global: false, enableDraftSpec: true });
  const { limit, ttlMs } = config.loginRateLimit;
  const failures = fastify.createRateLimit({ max: limit, timeWindow: ttlMs, keyGenerator: keyOf });
  /** Attempts let through and not yet answered, per key. */
  const pending = new Map<string, number>();

  const limitAttempt = async (req: FastifyRequest, reply: FastifyReply) => {
    const seen = await failures(req, { increment: false });
    if (seen.isAllowed) return;
    const key = keyOf(req);
    const inFlight = pending.get(key) ?? 0;
    if (seen.remaining - inFlight <= 0) {
      // the wait said in words, as Retry-After says it to programs (QA: "beberapa saat lagi" named no time)
      const wait = Math.max(seen.ttl, 1000);
      rateHeaders(reply, limit, 0, wait).header('retry-after', Math.ceil(wait / 1000));
      const username = String((req.body as { username?: unknown } | undefined)?.username ?? '');
      await audit.record({ actor: username.slice(0, 100), action: 'auth.login.throttled', entity: 'user', entityId: null, summary: { clientAddress: req.ip } });
      throw new HttpException(`Terlalu banyak percobaan masuk. Coba lagi dalam ${waitInWords(wait)}.`, HttpStatus.TOO_MANY_REQUESTS);
    }
    pending.set(key, inFlight + 1);
    reply.raw.once('close', () => {
      const left = (pending.get(key) ?? 1) - 1;
      if (left > 0) pending.set(key, left);
      else pending.delete(key);
    });
  };

  const countFailure = async (req: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (reply.statusCode === HttpStatus.TOO_MANY_REQUESTS) return payload;
    const now = await failures(req, { increment: reply.statusCode === HttpStatus.UNAUTHORIZED });
    if (!now.isAllowed) rateHeaders(reply, limit, now.remaining, now.ttl);
    return payload;
  };

  // the login route's own hooks: no other request runs them
  fastify.addHook('onRoute', (route: RouteOptions) => {
    if (route.url !== LOGIN_ROUTE || ![route.method].flat().includes('POST')) return;
    appendRouteHook(route, 'preHandler', limitAttempt);
    appendRouteHook(route, 'onSend', countFailure);
  });
}

/** The client address (an IPv6 /56 as one) and the username as read at login: without spaces around it, in lower case. */
function keyOf(req: FastifyRequest): string {
  return `${normalizeIP(req.ip, 56)}:${String((req.body as { username?: unknown } | undefined)?.username ?? '').trim().toLowerCase()}`;
}

/** The draft-spec headers: the limit, the failures still allowed, and the seconds until the window ends (when one runs). */
function rateHeaders(reply: FastifyReply, limit: number, remaining: number, ttlMs: number): FastifyReply {
  reply.header('ratelimit-limit', limit).header('ratelimit-remaining', remaining);
  return ttlMs > 0 ? reply.header('ratelimit-reset', Math.ceil(ttlMs / 1000)) : reply;
}

/** 53_000 → '53 detik', 3_540_000 → '59 menit': seconds under a minute, else whole minutes rounded up. */
export function waitInWords(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return seconds < 60 ? `${seconds} detik` : `${Math.ceil(seconds / 60)} menit`;
}
