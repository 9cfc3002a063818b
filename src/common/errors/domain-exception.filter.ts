import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DomainException } from './domain.exception.js';
import { multerMessage } from './multer-messages.js';

/** The one JSON error shape of API.md: `{ statusCode, message, details? }`, plus `code` for domain errors. */
export interface ErrorBody {
  statusCode: number;
  message: string;
  code?: string;
  details?: unknown;
}

const HTTP_MESSAGES: Record<number, string> = {
  400: 'Permintaan tidak valid.',
  401: 'Silakan masuk terlebih dahulu.',
  403: 'Anda tidak memiliki akses untuk tindakan ini.',
  404: 'Alamat tidak ditemukan.',
  413: 'Data yang dikirim terlalu besar.',
  415: 'Jenis isi permintaan tidak didukung: kirim JSON dalam UTF-8 (Content-Type: application/json), atau berkas sebagai multipart/form-data.',
  429: 'Terlalu banyak percobaan. Coba lagi beberapa saat lagi.',
};

/** English texts of Nest's built-in exceptions, pipes (ParseUUIDPipe...) and multer: replaced by HTTP_MESSAGES. */
const FRAMEWORK_MESSAGE =
  /^(Cannot|Forbidden|Unauthorized|Not Found|Too Many|Bad Request|Validation failed|File too large|Unexpected field|Field |Multipart|Payload Too Large|Unsupported Media Type|Method Not Allowed|Not Acceptable|Conflict|Gone|Internal Server Error|Service Unavailable)/;

@Catch()
export class DomainExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) this.logger.error(exception);
    if (response.headersSent) return void response.end();
    response.status(body.statusCode).json(body);
  }

  toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainException) {
      return { statusCode: exception.httpStatus, message: exception.message, code: exception.code, details: exception.details };
    }
    // Body-parser / express errors: Nest wraps them in an HttpException with the original as `cause`
    // and an English message; answer in the same words as every other error.
    const raw = exception instanceof HttpException && exception.cause ? exception.cause : exception;
    const type = (raw as { type?: string } | null)?.type;
    if (type === 'entity.too.large') return { statusCode: 413, message: HTTP_MESSAGES[413] };
    if (type === 'entity.parse.failed') return { statusCode: 400, message: 'Isi permintaan bukan JSON yang valid.' };
    const multer = multerMessage(raw);
    if (multer && exception instanceof HttpException && exception.getStatus() === 400) return { statusCode: 400, message: multer };
    if (exception instanceof HttpException && isExpressError(exception.cause) && exception.getStatus() in HTTP_MESSAGES) {
      return { statusCode: exception.getStatus(), message: HTTP_MESSAGES[exception.getStatus()] };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const res = exception.getResponse();
      if (typeof res === 'object' && res && 'details' in res) {
        return { statusCode, message: String((res as unknown as { message: unknown }).message), details: (res as { details: unknown }).details };
      }
      const own = typeof res === 'object' && res ? (res as { message?: unknown }).message : res;
      const message = typeof own === 'string' && /[a-z]/.test(own) && !FRAMEWORK_MESSAGE.test(own)
        ? own
        : (HTTP_MESSAGES[statusCode] ?? exception.message);
      return { statusCode, message };
    }
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, message: 'Terjadi kesalahan pada server. Silakan coba lagi atau hubungi admin.' };
  }
}

/** An error raised by express or body-parser (http-errors, or the SyntaxError/URIError Nest maps to 400). */
function isExpressError(cause: unknown): boolean {
  return cause instanceof SyntaxError || cause instanceof URIError || typeof (cause as { expose?: unknown } | null)?.expose === 'boolean';
}
