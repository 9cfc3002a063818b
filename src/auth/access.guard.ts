import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { AuditService } from '../audit/audit.service.js';
import { AUDITED_KEY, type AuditedMeta } from '../audit/audited.decorator.js';
import { APP_CONFIG, type AppConfig } from '../common/config/app-config.js';
import { Role } from '../users/role.js';
import { UsersService } from '../users/users.service.js';
import { PUBLIC_KEY, REFUSAL_KEY, ROLES_KEY } from './access.decorators.js';
import type { AuthenticatedRequest, AuthenticatedUser } from './authenticated-user.js';
import { type TokenPayload, VerifiedTokens } from './verified-tokens.js';

/** Methods that only read: a refusal of one of them cannot be said to be a write's. */
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The 403's message. The auditor reads everything and writes nothing (DOMAIN §1): a write is refused
 * because the role only reads, which is said, rather than the bare refusal every other role is given,
 * or the route's own reason (`@RefusalReason`, e.g. finalizing is a second finance officer's).
 */
export function refusalOf(role: Role, method: string, routeReason?: string): string {
  if (role === Role.AUDITOR && !READ_METHODS.has(method.toUpperCase())) return 'Peran Auditor hanya dapat membaca data; tindakan ini tidak diizinkan.';
  return routeReason ?? 'Peran Anda tidak diizinkan melakukan tindakan ini.';
}

/**
 * Global guard, deny by default: a route passes only if it is `@Public()` or the bearer token's
 * role is one of its `@Roles(...)`. A route that declares neither is refused for everyone.
 * The token only names the user: role and active flag are read from the database on each request.
 * A write refused for the caller's role is an audit event (`access.denied`: method, path, role, never
 * the body; QA: an auditor's 13 refused writes left no trace); a refused read or a 401 is not.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly tokens: VerifiedTokens;

  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.tokens = new VerifiedTokens((token) => this.jwt.verifyAsync<TokenPayload>(token).catch(() => undefined), config.jwtTtlSeconds);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles?.length) throw new ForbiddenException('Rute ini belum diberi hak akses.');

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const user = await this.authenticate(request);
    request.user = user;
    if (!roles.includes(user.role)) {
      if (!READ_METHODS.has(request.method.toUpperCase())) await this.recordDenied(request, user, this.reflector.get<AuditedMeta | undefined>(AUDITED_KEY, context.getHandler()));
      throw new ForbiddenException(refusalOf(user.role, request.method, this.reflector.getAllAndOverride<string | undefined>(REFUSAL_KEY, targets)));
    }
    return true;
  }

  /** The refused write as the trail keeps it: the route's entity, the id its path names, and no body. */
  private recordDenied(request: AuthenticatedRequest, user: AuthenticatedUser, meta: AuditedMeta | undefined): Promise<void> {
    const params = (request.params ?? {}) as Record<string, string | undefined>;
    const entityId = params.id ?? params.code ?? params.nik ?? null;
    const path = request.url.split('?')[0];
    return this.audit.record({
      actor: user.username,
      action: 'access.denied',
      entity: meta?.entity ?? 'route',
      entityId,
      summary: { method: request.method.toUpperCase(), path, role: user.role, attempted: meta?.action ?? null },
    });
  }

  private async authenticate(request: AuthenticatedRequest): Promise<AuthenticatedUser> {
    // The scheme's name is case-insensitive (RFC 7235 §2.1): `bearer <token>` is a bearer token too.
    const token = /^bearer +(\S+) *$/i.exec(request.headers.authorization ?? '')?.[1];
    if (!token) throw new UnauthorizedException('Silakan masuk terlebih dahulu.');
    const claims = await this.tokens.claimsOf(token);
    // The user as stored now, not as the token says: deactivation and role changes apply at once,
    // and a password change ends the sessions of the old password (their tokens carry an older version).
    const user = claims ? await this.users.findActive(claims.sub) : null;
    if (!user || user.tokenVersion !== claims!.version) throw new UnauthorizedException('Sesi tidak valid atau telah berakhir. Silakan masuk kembali.');
    return { id: user.id, username: user.username, role: user.role };
  }
}
