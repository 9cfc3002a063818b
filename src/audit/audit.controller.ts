import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorators.js';
import { Role } from '../users/role.js';
import { AuditService } from './audit.service.js';
import { AuditQueryDto } from './dto/audit-query.dto.js';
import { NoQueryDto } from '../common/http/validation.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1/audit-events')
@Roles(Role.ADMIN, Role.AUDITOR)
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  list(@Query() query: AuditQueryDto) {
    return this.audit.list(query);
  }

  /** Whether the hash chain is intact; names the first broken event otherwise. */
  @Get('verify')
  verify(@Query() _query: NoQueryDto) {
    return this.audit.verify();
  }
}
