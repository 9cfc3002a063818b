import { join } from 'node:path';
import type { MulterModuleAsyncOptions } from '@nestjs/platform-express';
import { diskStorage } from 'multer';
import { APP_CONFIG, type AppConfig } from '../../common/config/app-config.js';

/** Uploaded files go to `<dataDir>/uploads` on disk, limited to UPLOAD_MAX_MB; they are deleted after reading. */
export const UPLOAD_OPTIONS: MulterModuleAsyncOptions = {
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => ({
    storage: diskStorage({ destination: join(config.dataDir, 'uploads') }),
    limits: { fileSize: config.uploadMaxBytes, files: 1 },
  }),
};
