import { HttpStatus } from '@nestjs/common';
import { assertNever, clip, DomainException } from '../common/errors/domain.exception.js';
import { roleLabel } from './role.js';

export enum UsersErrorCode {
  USERNAME_TAKEN = 'USERNAME_TAKEN',
  USER_NOT_FOUND = 'USER_NOT_FOUND',
  USER_UNCHANGED = 'USER_UNCHANGED',
  LAST_ACTIVE_ADMIN = 'LAST_ACTIVE_ADMIN',
}

/** Errors of the user accounts (POST/PATCH /users), with Indonesian messages for the admin. */
export class UsersException extends DomainException<UsersErrorCode> {
  get httpStatus(): number {
    switch (this.code) {
      case UsersErrorCode.USER_UNCHANGED:
        return HttpStatus.BAD_REQUEST;
      case UsersErrorCode.USER_NOT_FOUND:
        return HttpStatus.NOT_FOUND;
      case UsersErrorCode.USERNAME_TAKEN:
      case UsersErrorCode.LAST_ACTIVE_ADMIN:
        return HttpStatus.CONFLICT;
      default:
        return assertNever(this.code);
    }
  }

  static usernameTaken(username: string): UsersException {
    return new UsersException(UsersErrorCode.USERNAME_TAKEN, `Nama pengguna "${clip(username)}" sudah dipakai.`, { field: 'username', username: clip(username) });
  }

  /** Also an id that is no UUID: no user can have it (uuid-param.ts). */
  static notFound(id: string): UsersException {
    return new UsersException(UsersErrorCode.USER_NOT_FOUND, `Pengguna "${clip(id)}" tidak ditemukan.`, { id: clip(id) });
  }

  /** A PATCH without role, active or password. */
  static nothingSent(): UsersException {
    return new UsersException(UsersErrorCode.USER_UNCHANGED, 'Tidak ada yang diubah: kirim role, active atau password.');
  }

  /** A PATCH whose role and active are what the account already has (and no password): recorded nowhere, as an unchanged pledge revision. */
  static unchanged(user: { id: string; username: string; role: string; active: boolean }): UsersException {
    return new UsersException(
      UsersErrorCode.USER_UNCHANGED,
      `Perubahan tidak mengubah pengguna "${user.username}" (peran ${roleLabel(user.role)}, ${user.active ? 'aktif' : 'nonaktif'}), jadi tidak dicatat.`,
      { id: user.id, username: user.username, role: user.role, active: user.active },
    );
  }

  static lastActiveAdmin(username: string): UsersException {
    return new UsersException(
      UsersErrorCode.LAST_ACTIVE_ADMIN,
      `"${username}" adalah satu-satunya Admin aktif: jadikan pengguna lain Admin terlebih dahulu, baru ubah peran atau nonaktifkan pengguna ini.`,
      { username },
    );
  }
}
