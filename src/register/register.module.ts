import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { diskStorage } from 'multer';
import { APP_CONFIG, type AppConfig } from '../common/config/app-config.js';
import { EnrollmentPromoter } from './enrollment-promoter.js';
import { EnrollmentUploadsController } from './enrollment-uploads.controller.js';
import { ParticipantsController } from './participants.controller.js';
import { ParticipantsService } from './participants.service.js';
import { TemplatesController } from './templates.controller.js';
import { UploadStore } from './upload-store.js';
import { ImportEnrollmentSheet } from './use-cases/import-enrollment-sheet.use-case.js';

/** The enrollment register (DOMAIN §2, §4, §12): uploads, participants, template. */
@Module({
  imports: [
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const destination = join(config.dataDir, 'uploads');
        mkdirSync(destination, { recursive: true });
        return { storage: diskStorage({ destination }), limits: { fileSize: config.uploadMaxBytes, files: 1, fields: 10 } };
      },
    }),
  ],
  controllers: [EnrollmentUploadsController, ParticipantsController, TemplatesController],
  providers: [ImportEnrollmentSheet, EnrollmentPromoter, UploadStore, ParticipantsService],
  exports: [ImportEnrollmentSheet, ParticipantsService],
})
export class RegisterModule {}
