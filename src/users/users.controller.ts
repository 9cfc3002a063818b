import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorators.js';
import { Audited } from '../audit/audited.decorator.js';
import { CreateUserDto, UpdateUserDto } from './dto/create-user.dto.js';
import { Role } from './role.js';
import { UsersService } from './users.service.js';
import { UUID_PARAM } from '../common/http/uuid-param.js';

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/v1/users')
@Roles(Role.ADMIN)
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @Audited('user.create', 'user')
  create(@Body() body: CreateUserDto) {
    return this.users.create(body.username, body.password, body.role);
  }

  /** The auditor reads the accounts too (who holds which role, who is deactivated); changing them stays ADMIN's. */
  @Get()
  @Roles(Role.ADMIN, Role.AUDITOR)
  list() {
    return this.users.list();
  }

  @Patch(':id')
  @Audited('user.update', 'user')
  update(@Param('id', UUID_PARAM) id: string, @Body() body: UpdateUserDto) {
    return this.users.update(id, body);
  }
}
