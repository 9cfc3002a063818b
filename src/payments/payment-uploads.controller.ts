import { Controller, Inject, Post, UploadedFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorators.js';
import { CurrentUser, type AuthenticatedUser } from '../auth/authenticated-user.js';
import { Audited } from '../audit/audited.decorator.js';
import { type StoredUpload, UploadFile } from '../common/http/upload-options.js';
import { withUploadedFile } from '../reconciliation/uploads/uploaded-file.js';
import { Role } from '../users/role.js';
import { UploadPayments } from './use-cases/upload-payments.use-case.js';

@ApiTags('payments')
@ApiBearerAuth()
@Controller('api/v1/payment-uploads')
export class PaymentUploadsController {
  constructor(@Inject(UploadPayments) private readonly uploadPayments: UploadPayments) {}

  /** Payments from a sheet: KODE_KOMITMEN, BULAN, JUMLAH, TANGGAL_BAYAR, REFERENSI (+ optional PENYESUAIAN_BULAN). */
  @Post()
  @Roles(Role.KEUANGAN, Role.ADMIN)
  @Audited('payment.upload', 'payment')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @UploadFile()
  upload(@UploadedFile() file: StoredUpload | undefined, @CurrentUser() user: AuthenticatedUser) {
    return withUploadedFile(file, (f) => this.uploadPayments.execute({ path: f.path, filename: f.originalname, actor: user.username }));
  }
}
