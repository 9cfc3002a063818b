import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { AppConfig } from '../common/config/app-config.js';

/**
 * Limits login attempts per client address and username, so one person's typos lock only them
 * and guessing one account's password from one address is slowed to LOGIN_RATE_LIMIT per window.
 */
export function loginRateLimit(config: AppConfig): RequestHandler {
  return rateLimit({
    windowMs: config.loginRateLimit.ttlMs,
    limit: config.loginRateLimit.limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => `${ipKeyGenerator(req.ip ?? '')}:${String(req.body?.username ?? '').toLowerCase()}`,
    handler: (_req, res) =>
      res.status(429).json({ statusCode: 429, message: 'Terlalu banyak percobaan masuk. Coba lagi beberapa saat lagi.' }),
  });
}
