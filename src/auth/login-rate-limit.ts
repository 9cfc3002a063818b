import { HttpException, HttpStatus } from '@nestjs/common';
import rateLimit, { normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppConfig } from '../common/config/app-config.js';
import { LOGIN_ROUTE } from './auth-routes.js';

/**
 * Limits login attempts per client address and username, so one person's typos lock only them
 * and guessing one account's password from one address is slowed to LOGIN_RATE_LIMIT per window.
 * `@fastify/rate-limit` counts, for `POST /api/v1/auth/login` only, once the body is parsed (the
 * username is part of the key); the refusal goes through the one error filter like any other.
 */
export async function useLoginRateLimit(fastify: FastifyInstance, config: AppConfig): Promise<void> {
  await fastify.register(rateLimit, { global: false, enableDraftSpec: true });
  const limit = fastify.rateLimit({
    max: config.loginRateLimit.limit,
    timeWindow: config.loginRateLimit.ttlMs,
    keyGenerator: (req: FastifyRequest) => `${normalizeIP(req.ip, 56)}:${String((req.body as { username?: unknown } | undefined)?.username ?? '').toLowerCase()}`,
    // the wait said in words, as Retry-After says it to programs (QA: "beberapa saat lagi" named no time)
    errorResponseBuilder: (_req, { ttl }) => new HttpException(`Terlalu banyak percobaan masuk. Coba lagi dalam ${waitInWords(ttl)}.`, HttpStatus.TOO_MANY_REQUESTS),
  });
  fastify.addHook('preHandler', async function (req, reply) {
    if (req.method === 'POST' && req.routeOptions.url === LOGIN_ROUTE) await limit.call(this, req, reply);
  });
}

/** 53_000 → '53 detik', 3_540_000 → '59 menit': seconds under a minute, else whole minutes rounded up. */
export function waitInWords(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return seconds < 60 ? `${seconds} detik` : `${Math.ceil(seconds / 60)} menit`;
}
