import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AuditService } from '../audit/audit.service.js';
import { PasswordHasher } from '../users/password-hasher.js';
import { UsersService } from '../users/users.service.js';
import { AuthException } from './auth.exception.js';
import type { AuthenticatedUser } from './authenticated-user.js';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    private readonly passwords: PasswordHasher,
  ) {}

  private dummy?: Promise<string>;

  private dummyHash(): Promise<string> {
    return (this.dummy ??= this.passwords.hash('tidak-ada-pengguna-ini'));
  }

  /** `clientAddress`: the caller's address, kept with the event (QA: a failed login named an attacker-chosen username and nothing else). */
  async login(username: string, password: string, clientAddress: string): Promise<{ accessToken: string }> {
    // spaces around it are a typing slip (QA: " admin " failed while "ADMIN" worked); a username holds none
    const user = await this.users.findWithHash(username.trim().toLowerCase());
    // Hash even when there is no such user, so the answer time does not reveal which usernames exist.
    const ok = await this.passwords.verify(user?.passwordHash ?? (await this.dummyHash()), password);
    if (!user?.active || !ok) {
      // why, for the audit trail only: the caller gets the same 401 whatever it was (no user enumeration)
      const reason = loginFailure(Boolean(user), user?.active ?? false, ok);
      await this.audit.record({ actor: username.slice(0, 100), action: 'auth.login_failed', entity: 'user', entityId: user?.id ?? null, summary: { clientAddress, reason } });
      throw AuthException.invalidCredentials();
    }
    await this.audit.record({ actor: user.username, action: 'auth.login', entity: 'user', entityId: user.id, summary: { clientAddress } });
    const accessToken = await this.jwt.signAsync({ sub: user.id, username: user.username, role: user.role, ver: user.tokenVersion });
    return { accessToken };
  }

  /**
   * Ends every session of the caller (all their tokens, on every device): the console's *Keluar*.
   * Before, it only forgot the token in the browser, and a copy of it worked until it expired (QA).
   */
  async logout(user: AuthenticatedUser): Promise<void> {
    await this.users.endSessions(user.id);
    await this.audit.record({ actor: user.username, action: 'auth.logout', entity: 'user', entityId: user.id, summary: {} });
  }
}

/**
 * Why a login failed, as `auth.login_failed` records it (QA: the event held the address alone, and an
 * auditor could not tell a guessed username from a typo or a deactivated officer still trying).
 * An attempt refused by the rate limit (429) never reaches the check: login-rate-limit.ts records it as `auth.login.throttled`.
 */
export type LoginFailure = 'UNKNOWN_USER' | 'WRONG_PASSWORD' | 'DEACTIVATED' | 'DEACTIVATED_WRONG_PASSWORD';

function loginFailure(exists: boolean, active: boolean, passwordOk: boolean): LoginFailure {
  if (!exists) return 'UNKNOWN_USER';
  if (!active) return passwordOk ? 'DEACTIVATED' : 'DEACTIVATED_WRONG_PASSWORD';
  return 'WRONG_PASSWORD';
}
