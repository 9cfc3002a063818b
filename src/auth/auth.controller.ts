import { Body, Controller, Get, HttpCode, HttpStatus, Ip, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ALL_ROLES } from '../users/role.js';
import { Public, Roles } from './access.decorators.js';
import { AUTH_PATH, LOGIN_PATH } from './auth-routes.js';
import { AuthService } from './auth.service.js';
import { type AuthenticatedUser, CurrentUser } from './authenticated-user.js';
import { AccessTokenDto, LoginDto } from './dto/login.dto.js';
import { NoQueryDto } from '../common/http/validation.js';
import { ApiErrorResponses } from '../common/errors/error-response.dto.js';
import { CurrentUserResponseDto } from './dto/current-user-response.dto.js';

@ApiTags('auth')
@Controller(AUTH_PATH)
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /** Rate-limited per client address and username (login-rate-limit.ts). */
  @Post(LOGIN_PATH)
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: AccessTokenDto })
  @ApiErrorResponses(400, 401, 429)
  login(@Body() body: LoginDto, @Ip() ip: string, @Query() _query: NoQueryDto): Promise<AccessTokenDto> {
    return this.auth.login(body.username, body.password, ip);
  }

  /**
   * Ends every session of the caller: each of their tokens answers 401 from now on, on every device.
   * Recorded by the service (`auth.logout`), as a login is: no route interceptor.
   */
  @Post('logout')
  @Roles(...ALL_ROLES)
  @ApiBearerAuth()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Every session of the caller ended.' })
  @ApiErrorResponses(400, 401)
  logout(@CurrentUser() user: AuthenticatedUser, @Query() _query: NoQueryDto): Promise<void> {
    return this.auth.logout(user);
  }

  @Get('me')
  @Roles(...ALL_ROLES)
  @ApiBearerAuth()
  @ApiOkResponse({ type: CurrentUserResponseDto })
  @ApiErrorResponses(400, 401)
  me(@CurrentUser() user: AuthenticatedUser, @Query() _query: NoQueryDto): AuthenticatedUser {
    return user;
  }
}
