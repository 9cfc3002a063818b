import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainException } from './domain.exception.js';
import { uploadMessage } from './upload-messages.js';
import { BODY_TOO_LARGE } from '../http/json-body.js';

/**
 * The one JSON error shape of API.md: `{ statusCode, message, details? }`, plus `code`: the domain
 * error's, or for the framework's refusals one of HTTP_CODES (and INVALID_JSON, VALIDATION_FAILED,
 * INVALID_UPLOAD_FORM), so a client can always branch on `code`.
 */
export interface ErrorBody {
  statusCode: number;
  message: string;
  code: string;
  details?: unknown;
}

/** The Indonesian words for a status whose own message is the framework's (and for refusals of the connection: request-hook.ts). */
export const HTTP_MESSAGES: Record<number, string> = {
  400: 'Permintaan tidak valid.',
  401: 'Silakan masuk terlebih dahulu.',
  403: 'Anda tidak memiliki akses untuk tindakan ini.',
  404: 'Alamat tidak ditemukan.',
  405: 'Metode permintaan ini tidak berlaku untuk alamat ini.',
  408: 'Permintaan tidak selesai dikirim pada waktunya.',
  413: 'Data yang dikirim terlalu besar.',
  414: 'Alamat terlalu panjang.',
  415: 'Jenis isi permintaan tidak didukung: kirim JSON dalam UTF-8 (Content-Type: application/json), atau berkas sebagai multipart/form-data.',
  416: 'Rentang berkas yang diminta tidak tersedia.',
  429: 'Terlalu banyak percobaan. Tunggu beberapa saat, lalu coba lagi.',
  // Node counts the request line with the headers (16 KB together): a long address is refused so too
  431: 'Alamat (URL) atau header permintaan terlalu panjang: keduanya bersama paling banyak 16 KB. Persingkat alamatnya (nilai parameter yang panjang) atau headernya.',
};

/** The codes of refusals that are not domain errors, by status. */
export const HTTP_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  408: 'REQUEST_TIMEOUT',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  416: 'RANGE_NOT_SATISFIABLE',
  429: 'TOO_MANY_REQUESTS',
  431: 'HEADERS_TOO_LARGE',
  500: 'INTERNAL_ERROR',
  503: 'SERVICE_UNAVAILABLE',
};

/** A refusal that is not a domain error: its status's code unless a more precise one is given. */
function refusal(statusCode: number, message: string, code = HTTP_CODES[statusCode] ?? `HTTP_${statusCode}`, details?: unknown): ErrorBody {
  return details === undefined ? { statusCode, message, code } : { statusCode, message, code, details };
}

/** English texts of Nest's built-in exceptions, pipes (ParseUUIDPipe...) and uploads: replaced by HTTP_MESSAGES. */
const FRAMEWORK_MESSAGE =
  /^(Cannot|Forbidden|Unauthorized|Not Found|Too Many|Bad Request|Validation failed|File too large|Unexpected field|Field |Multipart|Payload Too Large|Unsupported Media Type|Method Not Allowed|Not Acceptable|Conflict|Gone|Internal Server Error|Service Unavailable|Range Not Satisfiable|Request Timeout)/;

@Catch()
export class DomainExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    // The client went away (an upload cancelled mid-way: the form's stream fails with "aborted"):
    // there is no one to answer, and nothing went wrong on the server's side.
    if (reply.raw.destroyed) return;
    const body = this.toBody(exception);
    if (body.statusCode >= 500) this.logger.error(exception);
    if (reply.sent || reply.raw.headersSent) return void reply.raw.end();
    // a 401 names the scheme that would be accepted (RFC 9110 §11.6.1, RFC 6750 §3; QA: some clients wait for it)
    if (body.statusCode === HttpStatus.UNAUTHORIZED) void reply.header('WWW-Authenticate', 'Bearer realm="jamkesda"');
    void reply.status(body.statusCode).header('Content-Type', 'application/json; charset=utf-8').send(body);
  }

  toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainException) {
      return { statusCode: exception.httpStatus, message: exception.message, code: exception.code, details: exception.details };
    }
    // Fastify's own refusals (body parsing, content type, URL): Nest wraps them in an HttpException
    // with the original as `cause` and an English message; answer in the same words as every other error.
    const fastifyCode = exception instanceof HttpException ? fastifyErrorCode(exception.cause) : undefined;
    if (fastifyCode === 'FST_ERR_CTP_INVALID_JSON_BODY') return refusal(400, 'Isi permintaan bukan JSON yang valid.', 'INVALID_JSON');
    if (fastifyCode === 'FST_ERR_CTP_BODY_TOO_LARGE') return refusal(413, BODY_TOO_LARGE);
    const upload = exception instanceof HttpException && exception.getStatus() === 400 ? uploadMessage(exception.message) : undefined;
    if (upload) return refusal(400, upload, 'INVALID_UPLOAD_FORM');
    if (exception instanceof HttpException && fastifyCode && exception.getStatus() in HTTP_MESSAGES) {
      return refusal(exception.getStatus(), HTTP_MESSAGES[exception.getStatus()]);
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const res = exception.getResponse();
      if (typeof res === 'object' && res && 'details' in res) {
        return refusal(statusCode, String((res as unknown as { message: unknown }).message), 'VALIDATION_FAILED', (res as { details: unknown }).details);
      }
      const own = typeof res === 'object' && res ? (res as { message?: unknown }).message : res;
      const message = typeof own === 'string' && /[a-z]/.test(own) && !FRAMEWORK_MESSAGE.test(own)
        ? own
        : (HTTP_MESSAGES[statusCode] ?? exception.message);
      return refusal(statusCode, message);
    }
    return refusal(HttpStatus.INTERNAL_SERVER_ERROR, 'Terjadi kesalahan pada server. Silakan coba lagi atau hubungi admin.');
  }
}

/** The code (`FST_ERR_…`) of an error Fastify raised, e.g. FST_ERR_CTP_BODY_TOO_LARGE; undefined for any other. */
function fastifyErrorCode(cause: unknown): string | undefined {
  const code = (cause as { code?: unknown } | null)?.code;
  return cause instanceof Error && typeof code === 'string' && code.startsWith('FST_') ? code : undefined;
}
