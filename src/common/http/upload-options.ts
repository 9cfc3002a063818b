import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { applyDecorators, type CallHandler, type ExecutionContext, type NestInterceptor, UnsupportedMediaTypeException, UseFilters, UseInterceptors } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { diskStorage, FileInterceptor, type MultipartModuleAsyncOptions } from '@nestjs/platform-fastify/multipart';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DeclaredFormFields, type UploadForm } from './upload-form.js';
import { UploadTooLargeFilter } from './upload-too-large.filter.js';

/** An uploaded file as the routes see it: stored on disk at `path` (the disk storage below always sets it). */
export interface StoredUpload {
  path: string;
  originalname: string;
  size: number;
}

/**
 * Options of every upload route (`MultipartModule.registerAsync(UPLOAD_OPTIONS)` in each module
 * with one): the file goes to `<dataDir>/uploads` on disk, one file of at most UPLOAD_MAX_MB and a
 * few text fields per request; the route deletes it after reading (uploaded-file.ts).
 */
export const UPLOAD_OPTIONS: MultipartModuleAsyncOptions = {
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => {
    const destination = join(config.dataDir, 'uploads');
    mkdirSync(destination, { recursive: true });
    return { storage: diskStorage({ destination }), limits: { fileSize: config.uploadMaxBytes, files: 1, fields: 10 } };
  },
};

/** What an upload route says to a body of another kind. */
export const MULTIPART_EXPECTED =
  'Rute ini menerima berkas sebagai multipart/form-data (Content-Type: multipart/form-data), dengan berkasnya pada kolom "file" (.xlsx atau .csv) dan isian lain sebagai kolom formulir; isi JSON tidak dibaca.';

/**
 * A body sent to an upload route as something else than a form (JSON, say) is 415 telling how to
 * send the file, before its fields are read: QA's JSON to POST /bills was told about invoiceTotal
 * ("bukan angka"), not that the route reads a form. A request with no body at all is left to the
 * route (FILE_REQUIRED).
 */
class MultipartOnly implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler) {
    const type = context.switchToHttp().getRequest<FastifyRequest>().headers['content-type'];
    if (type !== undefined && !/^multipart\/form-data\b/i.test(type)) throw new UnsupportedMediaTypeException(MULTIPART_EXPECTED);
    return next.handle();
  }
}

/**
 * An upload route's file, on its `file` field (read it with `@UploadedFile()`), and the text fields
 * its form declares (`fields`, its `@Body()` DTO; none by default): every upload route uses this, so a
 * file over UPLOAD_MAX_MB is refused the same way everywhere (413 FILE_TOO_LARGE), a body that is not
 * a form too (415, MultipartOnly), and a form field the route does not declare (400, DeclaredFormFields).
 */
export const UploadFile = (form: UploadForm = {}) =>
  applyDecorators(UseFilters(UploadTooLargeFilter), UseInterceptors(MultipartOnly, FileInterceptor('file'), new DeclaredFormFields(form)));
