import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsEnum, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { HAS_VISIBLE_TEXT } from '../../common/text.js';
import { Role } from '../role.js';

export class CreateUserDto {
  @ApiProperty({ example: 'siti.keuangan' })
  @IsString()
  @Matches(/^[a-z0-9._-]{3,40}$/, { message: 'username: 3-40 karakter huruf kecil, angka, titik, garis bawah atau tanda hubung' })
  username: string;

  @ApiProperty({ minLength: 12 })
  @IsString()
  @MinLength(12, { message: 'password minimal 12 karakter' })
  @Matches(HAS_VISIBLE_TEXT, { message: 'password tidak boleh hanya spasi' })
  @MaxLength(200)
  password: string;

  @ApiProperty({ enum: Role })
  @IsEnum(Role, { message: `role harus salah satu dari: ${Object.values(Role).join(', ')}` })
  role: Role;
}

/** Absent means "leave as it is"; null is checked like any other value (and refused), not skipped. */
const GIVEN = ValidateIf((_, value) => value !== undefined);

export class UpdateUserDto {
  @ApiProperty({ enum: Role, required: false })
  @GIVEN
  @IsEnum(Role, { message: `role harus salah satu dari: ${Object.values(Role).join(', ')}` })
  role?: Role;

  @ApiProperty({ required: false })
  @GIVEN
  @IsBoolean()
  active?: boolean;

  @ApiProperty({ required: false, minLength: 12 })
  @GIVEN
  @IsString()
  @MinLength(12, { message: 'password minimal 12 karakter' })
  @Matches(HAS_VISIBLE_TEXT, { message: 'password tidak boleh hanya spasi' })
  @MaxLength(200)
  password?: string;
}
