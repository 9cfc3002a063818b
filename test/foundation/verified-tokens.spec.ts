import { describe, expect, it } from '@jest/globals';
import { MAX_TOKENS, type TokenPayload, VerifiedTokens } from '../../src/auth/verified-tokens.js';

/** A verifier that knows tokens `ok-<sub>` (expiring at `exp`) and counts its calls; the clock is set by hand. */
function setUp(exp: number | null = 1_000) {
  const calls: string[] = [];
  let nowMs = 0;
  const verify = async (token: string): Promise<TokenPayload | undefined> => {
    calls.push(token);
    return token.startsWith('ok-') && nowMs < (exp ?? Infinity) * 1000 ? { sub: token.slice(3), exp: exp ?? undefined } : undefined;
  };
  const tokens = new VerifiedTokens(verify, () => nowMs);
  return { tokens, calls, at: (ms: number) => (nowMs = ms) };
}

describe('VerifiedTokens: a token is verified once, then recognised until it expires', () => {
  it('verifies a token the first time only', async () => {
    const { tokens, calls } = setUp();
    expect(await tokens.claimsOf('ok-user-1')).toEqual({ sub: 'user-1', version: 0 });
    expect(await tokens.claimsOf('ok-user-1')).toEqual({ sub: 'user-1', version: 0 });
    expect(calls).toEqual(['ok-user-1']);
  });

  it('verifies it again once it has expired, and refuses it then', async () => {
    const { tokens, calls, at } = setUp(1_000);
    expect(await tokens.claimsOf('ok-user-1')).toEqual({ sub: 'user-1', version: 0 });
    at(999_999);
    expect(await tokens.claimsOf('ok-user-1')).toEqual({ sub: 'user-1', version: 0 });
    at(1_000_000);
    expect(await tokens.claimsOf('ok-user-1')).toBeUndefined();
    expect(calls).toEqual(['ok-user-1', 'ok-user-1']);
  });

  it('keeps no invalid token: each attempt is verified', async () => {
    const { tokens, calls } = setUp();
    expect(await tokens.claimsOf('forged')).toBeUndefined();
    expect(await tokens.claimsOf('forged')).toBeUndefined();
    expect(calls).toEqual(['forged', 'forged']);
  });

  it('gives the version the token was issued under (0 for tokens issued before versions existed)', async () => {
    const tokens = new VerifiedTokens(async (token) => ({ sub: 'user-1', exp: 1_000, ...(token === 'v3' ? { ver: 3 } : {}) }), () => 0);
    expect(await tokens.claimsOf('v3')).toEqual({ sub: 'user-1', version: 3 });
    expect(await tokens.claimsOf('old')).toEqual({ sub: 'user-1', version: 0 });
  });

  it('keeps no token without an expiry', async () => {
    const { tokens, calls } = setUp(null);
    await tokens.claimsOf('ok-user-1');
    await tokens.claimsOf('ok-user-1');
    expect(calls).toHaveLength(2);
  });

  it(`holds at most ${MAX_TOKENS} tokens: when full it starts again`, async () => {
    const { tokens, calls } = setUp();
    for (let i = 0; i <= MAX_TOKENS; i++) await tokens.claimsOf(`ok-${i}`);
    calls.length = 0;
    await tokens.claimsOf(`ok-${MAX_TOKENS}`); // kept: stored after the store was emptied
    await tokens.claimsOf('ok-0'); // emptied out
    expect(calls).toEqual(['ok-0']);
  });
});
