import { describe, expect, it } from '@jest/globals';
import { redact } from '../../src/audit/audit.interceptor.js';

describe('audit summaries never hold a password, token or secret', () => {
  it('replaces such fields at any depth, in objects and arrays, and keeps the rest', () => {
    expect(
      redact({
        username: 'sri',
        password: 'rahasia-123456',
        settings: { apiToken: 'abc', clientSecret: 'def', keep: 1 },
        accounts: [{ name: 'x', newPassword: 'ghi' }],
        note: null,
      }),
    ).toEqual({
      username: 'sri',
      password: '[disembunyikan]',
      settings: { apiToken: '[disembunyikan]', clientSecret: '[disembunyikan]', keep: 1 },
      accounts: [{ name: 'x', newPassword: '[disembunyikan]' }],
      note: null,
    });
  });

  it('leaves bodies that are not objects as they are', () => {
    expect(redact(undefined)).toBeUndefined();
    expect(redact('teks')).toBe('teks');
  });
});
