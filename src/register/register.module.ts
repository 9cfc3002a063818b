import { Module } from '@nestjs/common';
import { MultipartModule } from '@nestjs/platform-fastify/multipart';
import { UPLOAD_OPTIONS } from '../common/http/upload-options.js';
import { FundingModule } from '../funding/funding.module.js';
import { EnrollmentPromoter } from './enrollment-promoter.js';
import { EnrollmentUploadIssuesController } from './enrollment-upload-issues.controller.js';
import { EnrollmentUploadsController } from './enrollment-uploads.controller.js';
import { ParticipantsController } from './participants.controller.js';
import { ParticipantsService } from './participants.service.js';
import { TemplatesController } from './templates.controller.js';
import { UploadLease } from './upload-lease.js';
import { UploadStore } from './upload-store.js';
import { ExportRegister } from './use-cases/export-register.use-case.js';
import { ImportEnrollmentSheet } from './use-cases/import-enrollment-sheet.use-case.js';
import { VoidRegistration } from './use-cases/void-registration.use-case.js';
import { ClearNoka } from './use-cases/clear-noka.use-case.js';

/** The enrollment register (DOMAIN §2, §4, §12): uploads, participants, template. */
@Module({
  imports: [
    MultipartModule.registerAsync(UPLOAD_OPTIONS),
    FundingModule, // AllocateMonth: STALE months are recomputed before a participant's funding is read
  ],
  controllers: [EnrollmentUploadsController, EnrollmentUploadIssuesController, ParticipantsController, TemplatesController],
  providers: [ImportEnrollmentSheet, EnrollmentPromoter, UploadStore, UploadLease, ParticipantsService, ExportRegister, VoidRegistration, ClearNoka],
  exports: [ImportEnrollmentSheet, ParticipantsService],
})
export class RegisterModule {}
