import { ApiProperty } from '@nestjs/swagger';
import { Role } from '../role.js';

/** A user account (never its password). */
export class UserResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty({ enum: Role }) role: Role;
  /** False once deactivated: its tokens are refused. */
  @ApiProperty() active: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}
