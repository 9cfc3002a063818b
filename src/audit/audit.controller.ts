import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorators.js';
import { Role } from '../users/role.js';
import { AuditService } from './audit.service.js';
import { AuditQueryDto } from './dto/audit-query.dto.js';
import { NoQueryDto } from '../common/http/validation.js';
import { ApiErrorResponses } from '../common/errors/error-response.dto.js';
import { AuditEventPageDto } from './dto/audit-event-response.dto.js';
import { AuditVerifyResponseDto } from './dto/audit-verify-response.dto.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1/audit-events')
@Roles(Role.ADMIN, Role.AUDITOR)
@ApiErrorResponses(400, 401, 403)
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOkResponse({ type: AuditEventPageDto })
  list(@Query() query: AuditQueryDto) {
    return this.audit.list(query);
  }

  /** Whether the hash chain is intact; names the first broken event otherwise. */
  @Get('verify')
  @ApiOkResponse({ type: AuditVerifyResponseDto })
  verify(@Query() _query: NoQueryDto) {
    return this.audit.verify();
  }
}
