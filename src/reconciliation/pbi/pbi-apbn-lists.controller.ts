import { Body, Controller, Get, Inject, Param, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { READERS, Roles } from '../../auth/access.decorators.js';
import { CurrentUser, type AuthenticatedUser } from '../../auth/authenticated-user.js';
import { Audited } from '../../audit/audited.decorator.js';
import { Role } from '../../users/role.js';
import { BpjsInputs } from '../bpjs-inputs.service.js';
import { BillQueryDto, UploadPbiListDto } from '../dto/bpjs-input.dto.js';
import { type StoredUpload, withUploadedFile } from '../uploads/uploaded-file.js';
import { UUID_PARAM } from '../uuid.pipe.js';
import { UploadPbiApbnList } from './upload-pbi-apbn-list.use-case.js';

@ApiTags('bpjs')
@ApiBearerAuth()
@Controller('api/v1/pbi-apbn-lists')
export class PbiApbnListsController {
  constructor(
    @Inject(UploadPbiApbnList) private readonly uploadList: UploadPbiApbnList,
    @Inject(BpjsInputs) private readonly inputs: BpjsInputs,
  ) {}

  /** A new version of the month's central PBI-APBN NIK list (for DOUBLE_COVERAGE). */
  @Post()
  @Roles(Role.KEUANGAN, Role.ADMIN)
  @Audited('pbi-apbn-list.upload', 'pbi_apbn_list')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadPbiListDto })
  @UseInterceptors(FileInterceptor('file'))
  upload(@Body() body: UploadPbiListDto, @UploadedFile() file: StoredUpload | undefined, @CurrentUser() user: AuthenticatedUser) {
    return withUploadedFile(file, (f) => this.uploadList.execute({ month: body.month, path: f.path, filename: f.originalname, actor: user.username }));
  }

  @Get()
  @Roles(...READERS)
  list(@Query() query: BillQueryDto) {
    return this.inputs.pbiLists(query.month);
  }

  @Get(':id')
  @Roles(...READERS)
  get(@Param('id', UUID_PARAM) id: string) {
    return this.inputs.pbiList(id);
  }
}
