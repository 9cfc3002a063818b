/**
 * Access tokens this process has already verified, with their subject and expiry. A token is
 * checked by the JWT library the first time it is seen, then recognised by its exact text until it
 * expires: the signature's HMAC and the two JSON parses of every request were about 5 % of the
 * service's CPU on the auditors' NIK lookups. Only tokens that passed are kept, at most MAX_TOKENS
 * (the store is emptied when full, so a flood of valid tokens costs verifications, not memory).
 */
export interface TokenPayload {
  sub: string;
  /** Expiry, seconds since the epoch (JWT `exp`). */
  exp?: number;
}

export const MAX_TOKENS = 10_000;

export class VerifiedTokens {
  private readonly known = new Map<string, { sub: string; expiresAtMs: number }>();

  constructor(
    /** The library's verification: the payload, or undefined when the token is invalid or expired. */
    private readonly verify: (token: string) => Promise<TokenPayload | undefined>,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** The token's subject (user id), or undefined when it is invalid or expired. */
  async subjectOf(token: string): Promise<string | undefined> {
    const known = this.known.get(token);
    if (known && this.now() < known.expiresAtMs) return known.sub;
    if (known) this.known.delete(token);
    const payload = await this.verify(token);
    if (!payload?.sub) return undefined;
    if (typeof payload.exp === 'number') {
      if (this.known.size >= MAX_TOKENS) this.known.clear();
      this.known.set(token, { sub: payload.sub, expiresAtMs: payload.exp * 1000 });
    }
    return payload.sub;
  }
}
