import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorators.js';
import { Audited } from '../audit/audited.decorator.js';
import { CreateUserDto, UpdateUserDto } from './dto/create-user.dto.js';
import { Role } from './role.js';
import { UsersService } from './users.service.js';
import { uuidParam } from '../common/http/uuid-param.js';
import { UsersException } from './users.exception.js';

/** A malformed id is answered as an unknown one: the entity's 404 (uuid-param.ts). */
const USER_ID = uuidParam(UsersException.notFound);
import { NoQueryDto } from '../common/http/validation.js';
import { ApiErrorResponses } from '../common/errors/error-response.dto.js';
import { UserChangeResponseDto, UserResponseDto } from './dto/user-response.dto.js';

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/v1/users')
@Roles(Role.ADMIN)
@ApiErrorResponses(400, 401, 403, 404, 409)
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @Audited('user.create', 'user')
  @ApiCreatedResponse({ type: UserResponseDto })
  create(@Body() body: CreateUserDto, @Query() _query: NoQueryDto) {
    return this.users.create(body.username, body.password, body.role);
  }

  /** The auditor reads the accounts too (who holds which role, who is deactivated); changing them stays ADMIN's. */
  @Get()
  @Roles(Role.ADMIN, Role.AUDITOR)
  @ApiOkResponse({ type: [UserResponseDto] })
  list(@Query() _query: NoQueryDto) {
    return this.users.list();
  }

  @Patch(':id')
  @Audited('user.update', 'user')
  @ApiOkResponse({ type: UserChangeResponseDto })
  update(@Param('id', USER_ID) id: string, @Body() body: UpdateUserDto, @Query() _query: NoQueryDto) {
    return this.users.update(id, body);
  }
}
