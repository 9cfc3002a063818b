/**
 * Access tokens this process has already verified, with their subject and expiry. A token is
 * checked by the JWT library the first time it is seen, then recognised by its exact text until it
 * expires: the signature's HMAC and the two JSON parses of every request were about 5 % of the
 * service's CPU on the auditors' NIK lookups. Only tokens that passed are kept, at most MAX_TOKENS
 * (the store is emptied when full, so a flood of valid tokens costs verifications, not memory).
 */
export interface TokenPayload {
  sub: string;
  /** The account's token version when it was issued (none before versions existed: 0). */
  ver?: number;
  /** Expiry, seconds since the epoch (JWT `exp`). */
  exp?: number;
}

export const MAX_TOKENS = 10_000;

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
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** The token's subject (user id) and version, or undefined when it is invalid or expired. */
  async claimsOf(token: string): Promise<TokenClaims | undefined> {
    const known = this.known.get(token);
    if (known && this.now() < known.expiresAtMs) return known.claims;
    if (known) this.known.delete(token);
    const payload = await this.verify(token);
    if (!payload?.sub) return undefined;
    const claims = { sub: payload.sub, version: typeof payload.ver === 'number' ? payload.ver : 0 };
    if (typeof payload.exp === 'number') {
      if (this.known.size >= MAX_TOKENS) this.known.clear();
      this.known.set(token, { claims, expiresAtMs: payload.exp * 1000 });
    }
    return claims;
  }
}
