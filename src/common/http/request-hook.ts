import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';
import { HTTP_CODES, HTTP_MESSAGES } from '../errors/domain-exception.filter.js';
import { type RawHook, requestLogger } from './request-logger.js';
import { unencodedUrl, URL_NOT_ENCODED } from './unencoded-url.js';

/**
 * What every answer gets, whatever it is (a handler's, a 404, a refusal of Fastify's router):
 * - `Cache-Control: no-store`: API answers carry residents' NIKs and names, so no browser (a shared
 *   office PC's disk cache included) or proxy keeps a copy. Set for every path, so that no spelling
 *   of one (`/%61pi/…`, an absolute URL) escapes it; the console's and the API docs' static files
 *   set their own.
 * - helmet's security headers, its policy parsed once;
 * - the request id and log line (request-logger.ts).
 * Headers go on the raw response: Fastify merges them into whatever it sends, errors included.
 */
export function requestHook(logLevel: string): RawHook {
  const log = requestLogger(logLevel);
  return (req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    (API_DOCS.test(req.url ?? '') ? secureDocs : secure)(req, res, () => log(req, res, next));
  };
}

/** helmet's headers with the policy for `styleSrc`, parsed once. */
const helmetWith = (styleSrc: string[]) =>
  helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc, imgSrc: ["'self'", 'data:'], objectSrc: ["'none'"], frameAncestors: ["'none'"],
        // The service speaks plain HTTP (TLS, when used, ends at a proxy). helmet's default
        // upgrade-insecure-requests makes a browser on http://<intranet-ip>:3000 fetch the console's
        // scripts over https, which fails; the console's URLs are relative, so HTTPS sites lose nothing.
        upgradeInsecureRequests: null,
      },
    },
  });
const secure = helmetWith(["'self'"]);
/** Swagger UI (/api/docs) sets styles inline: refused, its page logged CSP violations and lost its top bar's layout (QA). Scripts stay 'self'. */
const secureDocs = helmetWith(["'self'", "'unsafe-inline'"]);
const API_DOCS = /^\/api\/docs(?:[/?#]|$)/i;

/** The headers helmet sets (the same on every answer), as `Name: value` lines. */
const SECURITY_HEADERS: string[] = (() => {
  const lines: string[] = [];
  const collect = { setHeader: (name: string, value: string) => lines.push(`${name}: ${value}`), removeHeader: () => undefined };
  secure({} as IncomingMessage, collect as unknown as ServerResponse, () => undefined);
  return lines;
})();

/**
 * The whole answer to a request the HTTP parser refused before there was a request (a broken
 * request line, an address with characters not percent-encoded, a request line and headers over
 * 16 KB together, headers that never finished arriving), written on the socket:
 * the one error format, in Indonesian, with the headers every answer carries.
 */
export function connectionRefusal(error: { code?: string; rawPacket?: unknown }): string {
  const { code } = error;
  const [status, reason] =
    code === 'HPE_HEADER_OVERFLOW' ? [431, 'Request Header Fields Too Large']
    : code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'Request Timeout']
    : [400, 'Bad Request'];
  const unencoded = code === 'HPE_INVALID_URL' ? unencodedUrl(Buffer.isBuffer(error.rawPacket) ? error.rawPacket : undefined) : undefined;
  const body = JSON.stringify(
    unencoded ? { statusCode: status, message: unencoded.message, code: URL_NOT_ENCODED, details: unencoded.details }
    : { statusCode: status, message: HTTP_MESSAGES[status], code: HTTP_CODES[status] },
  );
  const headers = ['Content-Type: application/json; charset=utf-8', `Content-Length: ${Buffer.byteLength(body)}`, 'Cache-Control: no-store', `x-request-id: ${randomUUID()}`, ...SECURITY_HEADERS, 'Connection: close'];
  return `HTTP/1.1 ${status} ${reason}\r\n${headers.join('\r\n')}\r\n\r\n${body}`;
}
