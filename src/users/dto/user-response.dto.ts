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

/** An upload of the user still processing in the background (processing-uploads.ts). */
export class ProcessingUploadDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['ENROLLMENT'], description: 'ENROLLMENT: an enrollment sheet (POST /enrollment-uploads)' }) kind: string;
  @ApiProperty() filename: string;
  @ApiProperty({ type: String, format: 'date-time' }) startedAt: Date;
}

export class UserWarningDto {
  @ApiProperty({ enum: ['UPLOADS_STILL_PROCESSING'] }) code: string;
  @ApiProperty() message: string;
  @ApiProperty({ type: () => [ProcessingUploadDto] }) uploads: ProcessingUploadDto[];
}

/** PATCH /users/:id: the account as changed, with `warnings` (a user deactivated while an upload of theirs is processing). */
export class UserChangeResponseDto extends UserResponseDto {
  @ApiProperty({ type: () => [UserWarningDto] }) warnings: UserWarningDto[];
}
