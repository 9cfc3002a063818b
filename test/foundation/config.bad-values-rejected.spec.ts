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
    ['ADMIN_USERNAME without ADMIN_PASSWORD', { JWT_SECRET: SECRET, ADMIN_USERNAME: 'admin' }, /^ADMIN_USERNAME and ADMIN_PASSWORD must be set together/],
    ['ADMIN_PASSWORD without ADMIN_USERNAME', { JWT_SECRET: SECRET, ADMIN_PASSWORD: 'panjang-sekali-123' }, /^ADMIN_USERNAME and ADMIN_PASSWORD must be set together/],
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
  ])('%s', (_name, env, expected) => {
    const found = problems(env as Record<string, string>);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(expected);
  });

  it('reports every problem at once, in one message listing each', () => {
    const env = { PORT: 'x', DATABASE_URL: 'mysql://h/db', ADMIN_USERNAME: 'admin', LOG_LEVEL: 'loud', SCHEDULER_ENABLED: 'maybe' };
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
