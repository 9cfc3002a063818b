import { describe, expect, it } from '@jest/globals';
import { describeDatabase } from '../../scripts/cli.js';

describe('the CLIs name the database they work on without printing its password', () => {
  it('masks the password of a PostgreSQL URL', () => {
    const line = describeDatabase({ databaseUrl: 'postgres://jamkesda:s3cr3t@db.example:5432/jamkesda', dataDir: '/data' });
    expect(line).toBe('PostgreSQL postgres://jamkesda:***@db.example:5432/jamkesda');
  });

  it('names the embedded database by its folder', () => {
    expect(describeDatabase({ databaseUrl: undefined, dataDir: '/var/lib/jamkesda' })).toBe('embedded database in /var/lib/jamkesda');
  });
});
