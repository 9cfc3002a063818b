import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { applyDecorators, UseFilters, UseInterceptors } from '@nestjs/common';
import { diskStorage, FileInterceptor, type MultipartModuleAsyncOptions } from '@nestjs/platform-fastify/multipart';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
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

/**
 * An upload route's file, on its `file` field (read it with `@UploadedFile()`): every upload route
 * uses this, so a file over UPLOAD_MAX_MB is refused the same way everywhere (413 FILE_TOO_LARGE).
 */
export const UploadFile = () => applyDecorators(UseFilters(UploadTooLargeFilter), UseInterceptors(FileInterceptor('file')));
