import { describe, expect, it } from '@jest/globals';
import { ISSUED_AT_LEEWAY_SECONDS, MAX_TOKENS, type TokenPayload, VerifiedTokens } from '../../src/auth/verified-tokens.js';

const LIFETIME = 3_600;
const userId = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

/** A verifier that knows tokens `ok-<i>` (user `userId(i)`, issued at 0, expiring at `exp`) and counts its calls; the clock is set by hand. */
function setUp(exp = 1_000) {
  const calls: string[] = [];
  let nowMs = 0;
  const verify = async (token: string): Promise<TokenPayload | undefined> => {
    calls.push(token);
    return token.startsWith('ok-') && nowMs < exp * 1000 ? { sub: userId(Number(token.slice(3))), ver: 0, iat: 0, exp } : undefined;
  };
  const tokens = new VerifiedTokens(verify, LIFETIME, () => nowMs);
  return { tokens, calls, at: (ms: number) => (nowMs = ms) };
}

/** A verifier that passes every token with `payload` (as the library would, its signature right). */
const passing = (payload: TokenPayload, nowMs = 0) => new VerifiedTokens(async () => payload, LIFETIME, () => nowMs);

describe('VerifiedTokens: a token is verified once, then recognised until it expires', () => {
  it('verifies a token the first time only', async () => {
    const { tokens, calls } = setUp();
    expect(await tokens.claimsOf('ok-1')).toEqual({ sub: userId(1), version: 0 });
    expect(await tokens.claimsOf('ok-1')).toEqual({ sub: userId(1), version: 0 });
    expect(calls).toEqual(['ok-1']);
  });

  it('verifies it again once it has expired, and refuses it then', async () => {
    const { tokens, calls, at } = setUp(1_000);
    expect(await tokens.claimsOf('ok-1')).toEqual({ sub: userId(1), version: 0 });
    at(999_999);
    expect(await tokens.claimsOf('ok-1')).toEqual({ sub: userId(1), version: 0 });
    at(1_000_000);
    expect(await tokens.claimsOf('ok-1')).toBeUndefined();
    expect(calls).toEqual(['ok-1', 'ok-1']);
  });

  it('keeps a token no longer than its lifetime after `iat`, whatever its `exp` says', async () => {
    const { tokens, calls, at } = setUp(10 * LIFETIME);
    await tokens.claimsOf('ok-1');
    at(LIFETIME * 1000 - 1);
    await tokens.claimsOf('ok-1');
    expect(calls).toHaveLength(1);
    at(LIFETIME * 1000);
    await tokens.claimsOf('ok-1');
    expect(calls).toHaveLength(2);
  });

  it('keeps no invalid token: each attempt is verified', async () => {
    const { tokens, calls } = setUp();
    expect(await tokens.claimsOf('forged')).toBeUndefined();
    expect(await tokens.claimsOf('forged')).toBeUndefined();
    expect(calls).toEqual(['forged', 'forged']);
  });

  it('gives the version the token was issued under', async () => {
    expect(await passing({ sub: userId(1), ver: 3, iat: 0, exp: 1_000 }).claimsOf('v3')).toEqual({ sub: userId(1), version: 3 });
  });

  it.each<[string, TokenPayload]>([
    ['a subject that is no UUID', { sub: 'not-a-uuid', ver: 0, iat: 0, exp: 1_000 }],
    ['a subject that is an array', { sub: [userId(1)], ver: 0, iat: 0, exp: 1_000 }],
    ['no subject', { ver: 0, iat: 0, exp: 1_000 }],
    ['no version (tokens issued before versions existed)', { sub: userId(1), iat: 0, exp: 1_000 }],
    ['a null version', { sub: userId(1), ver: null, iat: 0, exp: 1_000 }],
    ['a negative version', { sub: userId(1), ver: -1, iat: 0, exp: 1_000 }],
    ['a fractional version', { sub: userId(1), ver: 1.5, iat: 0, exp: 1_000 }],
    ['a version written as text', { sub: userId(1), ver: '0', iat: 0, exp: 1_000 }],
    ['no expiry', { sub: userId(1), ver: 0, iat: 0 }],
    ['an expiry written as text', { sub: userId(1), ver: 0, iat: 0, exp: '1000' }],
    ['no issue time', { sub: userId(1), ver: 0, exp: 1_000 }],
    ['an issue time after its expiry', { sub: userId(1), ver: 0, iat: 1_000, exp: 999 }],
    ['an issue time in the future', { sub: userId(1), ver: 0, iat: ISSUED_AT_LEEWAY_SECONDS + 1, exp: LIFETIME }],
  ])('refuses, and keeps no token with %s', async (_, payload) => {
    let calls = 0;
    const tokens = new VerifiedTokens(async () => (calls++, payload), LIFETIME, () => 0);
    expect(await tokens.claimsOf('t')).toBeUndefined();
    expect(await tokens.claimsOf('t')).toBeUndefined();
    expect(calls).toBe(2);
  });

  it(`accepts an issue time up to ${ISSUED_AT_LEEWAY_SECONDS} s ahead (another instance's clock)`, async () => {
    expect(await passing({ sub: userId(1), ver: 0, iat: ISSUED_AT_LEEWAY_SECONDS, exp: LIFETIME }).claimsOf('t')).toEqual({ sub: userId(1), version: 0 });
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
