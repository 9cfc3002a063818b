import { HttpStatus } from '@nestjs/common';
import { assertNever, DomainException } from '../common/errors/domain.exception.js';

export enum AuthErrorCode {
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
}

/**
 * Refusals of the login route. A missing or expired token stays the guard's 401 UNAUTHENTICATED;
 * a wrong username or password is INVALID_CREDENTIALS (also 401), and only it counts toward the
 * login rate limit (login-rate-limit.ts).
 */
export class AuthException extends DomainException<AuthErrorCode> {
  get httpStatus(): number {
    switch (this.code) {
      case AuthErrorCode.INVALID_CREDENTIALS:
        return HttpStatus.UNAUTHORIZED;
      default:
        return assertNever(this.code);
    }
  }

  /** The same words whether the username exists or not, so the answer does not reveal which ones do. */
  static invalidCredentials(): AuthException {
    return new AuthException(AuthErrorCode.INVALID_CREDENTIALS, 'Nama pengguna atau kata sandi salah.');
  }
}
