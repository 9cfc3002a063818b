/**
 * Access tokens this process has already verified, with their subject and expiry. A token is
 * checked by the JWT library the first time it is seen, then recognised by its exact text until it
 * expires: the signature's HMAC and the two JSON parses of every request were about 5 % of the
 * service's CPU on the auditors' NIK lookups. Only tokens that passed are kept, at most MAX_TOKENS
 * (the store is emptied when full, so a flood of valid tokens costs verifications, not memory).
 */
import { isUuid } from '../common/http/uuid-param.js';

/**
 * A signed payload as the JWT library gives it: the signature, `exp` (if any) and `iat` plus the
 * configured lifetime (`maxAge`, auth.module.ts) already checked, every claim still of any type.
 */
export interface TokenPayload {
  sub?: unknown;
  /** The account's token version when it was issued. */
  ver?: unknown;
  /** Expiry, seconds since the epoch (JWT `exp`). */
  exp?: unknown;
  /** Issue time, seconds since the epoch (JWT `iat`). */
  iat?: unknown;
}

export const MAX_TOKENS = 10_000;

/** How far in the future a token's `iat` may lie: clocks of two instances of the service may differ a little. */
export const ISSUED_AT_LEEWAY_SECONDS = 60;

/** What the guard needs of a verified token: whose it is, and under which token version it was issued. */
export interface TokenClaims {
  sub: string;
  version: number;
}

export class VerifiedTokens {
  private readonly known = new Map<string, { claims: TokenClaims; expiresAtMs: number }>();

  constructor(
    /** The library's verification: the payload, or undefined when the token is invalid or expired. */
    private readonly verify: (token: string) => Promise<TokenPayload | undefined>,
    /** The longest a token lives after its `iat` (JWT_TTL_SECONDS, the library's `maxAge`). */
    private readonly lifetimeSeconds: number,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** The token's subject (user id) and version, or undefined when it is invalid, expired or not as the service issues it. */
  async claimsOf(token: string): Promise<TokenClaims | undefined> {
    const known = this.known.get(token);
    if (known && this.now() < known.expiresAtMs) return known.claims;
    if (known) this.known.delete(token);
    const payload = await this.verify(token);
    if (!payload || !issuedByTheService(payload, this.now() / 1000)) return undefined;
    const claims = { sub: payload.sub, version: payload.ver };
    if (this.known.size >= MAX_TOKENS) this.known.clear();
    this.known.set(token, { claims, expiresAtMs: Math.min(payload.exp, payload.iat + this.lifetimeSeconds) * 1000 });
    return claims;
  }
}

/**
 * Claims as auth.service.ts signs them, nothing less (QA: a `sub` that was no UUID answered 500, a
 * token without `exp` was accepted with no end, a missing `ver` was read as 0): `sub` a UUID, `ver`
 * a non-negative integer, `exp` and `iat` numbers, issued no later than now and expiring after it was issued.
 */
function issuedByTheService(p: TokenPayload, nowSeconds: number): p is { sub: string; ver: number; exp: number; iat: number } {
  if (typeof p.sub !== 'string' || !isUuid(p.sub)) return false;
  if (!Number.isSafeInteger(p.ver) || (p.ver as number) < 0) return false;
  if (typeof p.exp !== 'number' || typeof p.iat !== 'number' || !Number.isFinite(p.exp) || !Number.isFinite(p.iat)) return false;
  return p.iat <= nowSeconds + ISSUED_AT_LEEWAY_SECONDS && p.exp > p.iat;
}
