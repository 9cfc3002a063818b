import { Controller, HttpCode, Post, Query, UploadedFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/access.decorators.js';
import { type AuthenticatedUser, CurrentUser } from '../../auth/authenticated-user.js';
import { Audited } from '../../audit/audited.decorator.js';
import { type StoredUpload, UploadFile } from '../../common/http/upload-options.js';
import { Role } from '../../users/role.js';
import { PledgeUploadQueryDto } from '../dto/pledge-upload-query.dto.js';
import { FundingErrorCode, FundingException } from '../funding.exception.js';
import { ImportPledgeSheet } from './import-pledge-sheet.use-case.js';

@ApiTags('funding')
@ApiBearerAuth()
@Controller('api/v1/pledge-uploads')
export class PledgeUploadsController {
  constructor(private readonly importSheet: ImportPledgeSheet) {}

  /** A pledge sheet (templates/pledges.xlsx, or .csv): one row per pledge; `?dryRun=true` only checks. */
  @Post()
  @HttpCode(201)
  @Roles(Role.KEUANGAN, Role.ADMIN)
  @Audited('pledge.upload', 'pledge_upload')
  @UploadFile()
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  upload(@UploadedFile() file: StoredUpload | undefined, @Query() query: PledgeUploadQueryDto, @CurrentUser() user: AuthenticatedUser) {
    if (!file) throw new FundingException(FundingErrorCode.UPLOAD_INVALID, 'Lampirkan berkas komitmen (.xlsx atau .csv) pada kolom "file".');
    return this.importSheet.execute({ path: file.path, filename: file.originalname, actor: user.username, dryRun: query.isDryRun });
  }
}
