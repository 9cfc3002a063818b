import { ApiProperty } from '@nestjs/swagger';
import { Role } from '../../users/role.js';

/** The caller as its token names it (GET /auth/me). */
export class CurrentUserResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty({ enum: Role }) role: Role;
}
