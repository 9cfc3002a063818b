import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppConfig } from '../config/app-config.js';
import { HTTP_CODES, HTTP_MESSAGES } from '../errors/domain-exception.filter.js';

/**
 * The whole-request limit (Fastify's `requestTimeout`, Node's own 408 through clientErrorHandler):
 * a minute plus the largest upload at 100 KB/s (0.8 Mbit/s), 11.5 minutes at the default
 * UPLOAD_MAX_MB of 60, so that a 50 MB upload on a slow district line is not cut. Without it, a
 * body dripped a byte at a time held its connection for ever.
 */
export function requestTimeoutMs(config: AppConfig): number {
  return 60_000 + Math.ceil(config.uploadMaxBytes / 100);
}

/**
 * A request whose body stops arriving (shorter than its Content-Length, a client gone quiet) is
 * answered 408 REQUEST_TIMEOUT after `idleSeconds` without a byte (REQUEST_IDLE_SECONDS, 30 s), and
 * its connection closed; it used to hang for minutes. A body still arriving, however slowly, is
 * left alone (the whole-request limit above bounds it), and so is a request whose body is all there
 * while the service works on it.
 */
export function answerStalledBodies(idleSeconds: number): (req: IncomingMessage, res: ServerResponse) => void {
  const idleMs = idleSeconds * 1000;
  return (req, res) => {
    if (req.complete) return;
    let bytes = req.socket.bytesRead;
    let lastProgress = Date.now();
    const timer = setInterval(() => {
      if (req.complete || res.headersSent || res.destroyed) return clearInterval(timer);
      if (req.socket.bytesRead !== bytes) {
        bytes = req.socket.bytesRead;
        lastProgress = Date.now();
      } else if (Date.now() - lastProgress >= idleMs) {
        clearInterval(timer);
        const body = JSON.stringify({ statusCode: 408, message: HTTP_MESSAGES[408], code: HTTP_CODES[408] });
        res.writeHead(408, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body), Connection: 'close' }).end(body);
      }
    }, Math.min(1000, idleMs / 4)).unref();
    res.once('close', () => clearInterval(timer));
  };
}
