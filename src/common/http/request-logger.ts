import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pino, type DestinationStream, type Logger } from 'pino';

type RequestWithId = IncomingMessage & { id?: string; originalUrl?: string };

/**
 * The caller's `x-request-id` when it is a short, safe id (at most 64 of `A-Z a-z 0-9 . _ -`), which
 * is echoed and logged as it is; anything else (8,000 characters, spaces, quotes, non-ASCII) is
 * replaced by a new UUID.
 */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The id of a request: the caller's `x-request-id` if safe, else a new UUID. */
export function requestIdOf(header: string | string[] | undefined): string {
  return typeof header === 'string' && SAFE_REQUEST_ID.test(header) ? header : randomUUID();
}

/** Runs on the raw request and response (request-hook.ts); `next(error)` refuses the request. */
export type RawHook = (req: IncomingMessage, res: ServerResponse, next: (error?: Error) => void) => void;

/**
 * One JSON log line per request when it ends (`/health` excepted), with a request id that is
 * echoed in `x-request-id`:
 * `{"level":30,"time":…,"reqId":"…","req":{"method":"GET","url":"/api/v1/…"},"res":{"statusCode":200},"responseTime":3,"msg":"request completed"}`
 * (level 50, `request failed`, from status 500 on).
 *
 * Not pino-http: it builds a child logger per request by serializing (and redacting) the whole
 * request, at every level, `silent` included: 60–100 µs of the service's CPU per `GET /health` on
 * the 2-core bench machine, 10–20 % of it (README, funding figures). Here nothing is built unless
 * the line is written, and no header is written at all (so none needs redacting).
 */
export function requestLogger(level: string, destination?: DestinationStream): RawHook {
  const logger: Logger = pino({ level }, destination);
  // pino's own answer, not a second reading of `level`: below `error` (silent, fatal) no line is ever written.
  const logs = logger.isLevelEnabled('error');
  return (req: RequestWithId, res: ServerResponse, next: () => void) => {
    const id = requestIdOf(req.headers['x-request-id']);
    req.id = id;
    res.setHeader('x-request-id', id);
    if (logs && req.url !== '/health') {
      const start = performance.now();
      const done = () => {
        res.off('finish', done).off('close', done);
        const line = { reqId: id, req: { method: req.method, url: req.originalUrl ?? req.url }, res: { statusCode: res.statusCode }, responseTime: Math.round(performance.now() - start) };
        // closed before the answer was sent: the client went away (its status was never sent either)
        if (!res.writableFinished) return logger.info({ ...line, res: undefined }, 'request aborted by the client');
        const failed = res.statusCode >= 500;
        logger[failed ? 'error' : 'info'](line, failed ? 'request failed' : 'request completed');
      };
      res.on('finish', done).on('close', done);
    }
    next();
  };
}
