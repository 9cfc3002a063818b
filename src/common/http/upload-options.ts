import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { diskStorage, type MultipartModuleAsyncOptions } from '@nestjs/platform-fastify/multipart';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

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
