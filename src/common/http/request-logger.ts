import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';

/** One JSON log line per request, with a request id that is echoed in `x-request-id`. */
export function requestLogger(level: string): RequestHandler {
  return pinoHttp({
    level,
    genReqId: (req, res) => {
      const id = String(req.headers['x-request-id'] ?? '').slice(0, 100) || randomUUID();
      res.setHeader('x-request-id', id);
      return id;
    },
    redact: ['req.headers.authorization', 'req.headers.cookie'],
    autoLogging: { ignore: (req) => req.url === '/health' },
  }) as RequestHandler;
}
