import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from '../../src/common/config/app-config.js';

const SECRET = 'x'.repeat(32);

/** The problems `loadConfig` reports for `env`, or [] when it accepts it. */
function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    return err.problems;
  }
}

describe('configuration: each bad or missing value is rejected with a message naming it', () => {
  it.each([
    ['JWT_SECRET missing', {}, /^JWT_SECRET is required and must be at least 32 characters/],
    ['JWT_SECRET too short', { JWT_SECRET: 'short-secret' }, /^JWT_SECRET is required and must be at least 32 characters/],
    ['PORT not a number', { JWT_SECRET: SECRET, PORT: 'http' }, /^PORT must be a whole number from 1 to 65535 \(got "http"\)/],
    ['PORT out of range', { JWT_SECRET: SECRET, PORT: '70000' }, /^PORT must be a whole number from 1 to 65535 \(got "70000"\)/],
    ['PORT zero', { JWT_SECRET: SECRET, PORT: '0' }, /^PORT must be a whole number/],
    ['PORT negative', { JWT_SECRET: SECRET, PORT: '-1' }, /^PORT must be a whole number/],
    ['PORT fractional', { JWT_SECRET: SECRET, PORT: '80.5' }, /^PORT must be a whole number/],
    ['DATABASE_URL not PostgreSQL', { JWT_SECRET: SECRET, DATABASE_URL: 'mysql://u:p@h/db' }, /^DATABASE_URL must be a PostgreSQL URL/],
    ['DATABASE_URL not a URL', { JWT_SECRET: SECRET, DATABASE_URL: 'localhost:5432' }, /^DATABASE_URL must be a PostgreSQL URL/],
    ['ADMIN_PASSWORD without ADMIN_USERNAME', { JWT_SECRET: SECRET, ADMIN_PASSWORD: 'panjang-sekali-123' }, /^ADMIN_PASSWORD is set without ADMIN_USERNAME: set both on the first start/],
    ['ADMIN_PASSWORD too short', { JWT_SECRET: SECRET, ADMIN_USERNAME: 'admin', ADMIN_PASSWORD: 'pendek' }, /^ADMIN_PASSWORD must be at least 12 characters/],
    ['ADMIN_PASSWORD of spaces alone', { JWT_SECRET: SECRET, ADMIN_USERNAME: 'admin', ADMIN_PASSWORD: ' '.repeat(12) }, /^ADMIN_PASSWORD must not be spaces alone/],
    ['ADMIN_USERNAME with bad characters', { JWT_SECRET: SECRET, ADMIN_USERNAME: 'Admin Utama', ADMIN_PASSWORD: 'panjang-sekali-123' }, /^ADMIN_USERNAME must be 3-40 characters/],
    ['LOG_LEVEL unknown', { JWT_SECRET: SECRET, LOG_LEVEL: 'verbose' }, /^LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent \(got "verbose"\)/],
    ['SCHEDULER_ENABLED not a boolean', { JWT_SECRET: SECRET, SCHEDULER_ENABLED: 'maybe' }, /^SCHEDULER_ENABLED must be true\/false, 1\/0 or yes\/no \(got "maybe"\)$/],
    ['JWT_TTL_SECONDS below a minute', { JWT_SECRET: SECRET, JWT_TTL_SECONDS: '10' }, /^JWT_TTL_SECONDS must be a whole number from 60/],
    ['LOGIN_RATE_LIMIT zero', { JWT_SECRET: SECRET, LOGIN_RATE_LIMIT: '0' }, /^LOGIN_RATE_LIMIT must be a whole number from 1/],
    ['LOGIN_RATE_WINDOW_SECONDS not a number', { JWT_SECRET: SECRET, LOGIN_RATE_WINDOW_SECONDS: '1m' }, /^LOGIN_RATE_WINDOW_SECONDS must be a whole number/],
    ['UPLOAD_MAX_MB too large', { JWT_SECRET: SECRET, UPLOAD_MAX_MB: '5000' }, /^UPLOAD_MAX_MB must be a whole number from 1 to 2048/],
    ['UPLOAD_MAX_ROWS not a number', { JWT_SECRET: SECRET, UPLOAD_MAX_ROWS: 'many' }, /^UPLOAD_MAX_ROWS must be a whole number/],
    ['UPLOAD_BACKGROUND_KB negative', { JWT_SECRET: SECRET, UPLOAD_BACKGROUND_KB: '-5' }, /^UPLOAD_BACKGROUND_KB must be a whole number/],
    ['TRUST_PROXY a name it does not know', { JWT_SECRET: SECRET, TRUST_PROXY: 'proxy.example' }, /^TRUST_PROXY must be true, false, or comma-separated proxy addresses or CIDRs \(or loopback, linklocal, uniquelocal\) \(got "proxy\.example"\)$/],
    ['TRUST_PROXY yes (booleans are true/false here)', { JWT_SECRET: SECRET, TRUST_PROXY: 'yes' }, /^TRUST_PROXY must be/],
    ['TRUST_PROXY a hop count (Fastify 5.12 trusts no one by count)', { JWT_SECRET: SECRET, TRUST_PROXY: '2' }, /^TRUST_PROXY must name the proxies \(their addresses or CIDRs\), not count them: Fastify does not trust by hop count \(got "2"\)$/],
    ['TRUST_PROXY zero hops', { JWT_SECRET: SECRET, TRUST_PROXY: '0' }, /^TRUST_PROXY must name the proxies/],
    ['TRUST_PROXY a bad address', { JWT_SECRET: SECRET, TRUST_PROXY: '10.0.0.300' }, /^TRUST_PROXY must be/],
    ['TRUST_PROXY a CIDR past 32 bits', { JWT_SECRET: SECRET, TRUST_PROXY: '10.0.0.0/33' }, /^TRUST_PROXY must be/],
    ['TRUST_PROXY a /0 range', { JWT_SECRET: SECRET, TRUST_PROXY: '10.0.0.0/0' }, /^TRUST_PROXY must be/],
    ['TRUST_PROXY a netmask with a gap', { JWT_SECRET: SECRET, TRUST_PROXY: '10.0.0.0/255.0.255.0' }, /^TRUST_PROXY must be/],
    ['TRUST_PROXY an empty item', { JWT_SECRET: SECRET, TRUST_PROXY: '10.0.0.5,' }, /^TRUST_PROXY must be/],
  ])('%s', (_name, env, expected) => {
    const found = problems(env as Record<string, string>);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(expected);
  });

  describe('DATABASE_URL: a badly formed URL is refused at start-up, never echoing the password (QA: retried ~27 s, then a stack trace)', () => {
    const url = (password: string, rest = '@db:5432/jamkesda') => `postgres://jamkesda:${password}${rest}`;
    it.each([
      ['a password with "/" (base64)', url('Ab/cD+eF=='), /an "@" comes after a "\/" or "\?"/],
      ['a password with "/" before digits (read as a port)', url('12/xy'), /an "@" comes after/],
      ['a password with "?"', url('ab?cd'), /an "@" comes after/],
      ['a password with "#" (read as host ss)', url('pa#ss'), /contains "#"/],
      ['a "#" in the database name', 'postgres://jamkesda:rahasia@db:5432/jamkesda#1', /contains "#"/],
      ['a password with "%zz"', url('ab%zzcd'), /a "%" is not followed by two hexadecimal digits/],
      ['a password ending in "%"', url('abcd%'), /a "%" is not followed by two hexadecimal digits/],
      ['a percent-escape that is not UTF-8', url('ab%e0cd'), /not UTF-8 text/],
      ['no host', 'postgres://jamkesda:rahasia@/jamkesda', /names no host/],
      ['no host, a port only', 'postgres://jamkesda:rahasia@:5432/jamkesda', /names no host/],
      ['no host, its host parameter empty', 'postgres://jamkesda:rahasia@/jamkesda?host=', /names no host \(…@db:5432\/…, or a Unix socket's directory: …@\/jamkesda\?host=\/var\/run\/postgresql\)/],
      ['a port that is not a number', 'postgres://jamkesda:rahasia@db:abc/jamkesda', /cannot be read as a URL/],
      ['a port out of range', 'postgres://jamkesda:rahasia@db:99999/jamkesda', /cannot be read as a URL/],
      ['no database', 'postgres://jamkesda:rahasia@db:5432', /names no database/],
      ['no database after the slash', 'postgres://jamkesda:rahasia@db:5432/', /names no database/],
    ])('%s', (_name, databaseUrl, reason) => {
      const found = problems({ JWT_SECRET: SECRET, DATABASE_URL: databaseUrl });
      expect(found).toHaveLength(1);
      expect(found[0]).toMatch(/^DATABASE_URL is not a usable PostgreSQL URL \(postgres:\/\/user:pass@host:5432\/db\): /);
      expect(found[0]).toMatch(reason);
      expect(found[0]).toMatch(/special characters in the password \(or user name\) must be percent-encoded, e\.g\. "\/" as %2F, "#" as %23/);
      const password = /^postgres:\/\/[^:]*:(.*)@/.exec(databaseUrl)?.[1] ?? '';
      expect(found[0]).not.toContain(password);
      expect(found[0]).not.toContain(databaseUrl);
    });

    it.each([
      ['the README example', 'postgres://jamkesda:secret@db.example:5432/jamkesda'],
      ['postgresql:// and no port', 'postgresql://jamkesda:secret@db/jamkesda'],
      ['no password (trust)', 'postgres://root@127.0.0.1:5432/jamkesda'],
      ['no user at all', 'postgres://db.example/jamkesda'],
      ['a password with "+" and "="', 'postgres://jamkesda:Ab+cD=eF==@db:5432/jamkesda'],
      ['a password with ":"', 'postgres://jamkesda:ab:cd@db:5432/jamkesda'],
      ['special characters percent-encoded', 'postgres://jamkesda:Ab%2FcD%23e%40f%3Fg%25h@db:5432/jamkesda'],
      ['query parameters', 'postgres://jamkesda:secret@db:5432/jamkesda?sslmode=require&application_name=rekon'],
      ['an IPv6 host', 'postgres://jamkesda:secret@[::1]:5432/jamkesda'],
      ["a Unix socket's directory as its host parameter", 'postgres://jamkesda:secret@/jamkesda?host=/var/run/postgresql'],
      ["a Unix socket's directory, no user (the system user's)", 'postgres:///jamkesda?host=/var/run/postgresql'],
      ["a Unix socket's directory percent-encoded as the host", 'postgres://jamkesda@%2Fvar%2Frun%2Fpostgresql/jamkesda'],
    ])('accepts %s', (_name, databaseUrl) => {
      expect(problems({ JWT_SECRET: SECRET, DATABASE_URL: databaseUrl })).toEqual([]);
    });
  });

  it('reports every problem at once, in one message listing each', () => {
    const env = { PORT: 'x', DATABASE_URL: 'mysql://h/db', ADMIN_USERNAME: 'Admin Utama', LOG_LEVEL: 'loud', SCHEDULER_ENABLED: 'maybe' };
    let error: unknown;
    try {
      loadConfig(env);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { problems: found, message } = error as ConfigError;
    expect(found.map((p) => p.split(' ')[0])).toEqual(['DATABASE_URL', 'JWT_SECRET', 'ADMIN_USERNAME', 'LOG_LEVEL', 'PORT', 'SCHEDULER_ENABLED']);
    expect(message.split('\n')).toHaveLength(1 + found.length);
    expect(message).toMatch(/^Invalid configuration:\n {2}- /);
  });
});
