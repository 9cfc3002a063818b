import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { count, upload } from './support.js';

describe('upload limits (configured small here instead of real 60 MB files)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp({ uploadMaxBytes: 10_000, uploadMaxRows: 20 })));
  afterAll(() => t.close());

  it('refuses a file over the size limit with 413 and the limit in Indonesian', async () => {
    const res = await upload(t, 'ok/concurrent-a.csv', 413); // 17.7 KB
    expect(res.body).toMatchObject({ statusCode: 413, code: 'FILE_TOO_LARGE' });
    expect(res.body.message).toMatch(/melebihi batas ukuran/);
    expect(await count(t, 'enrollment_upload')).toBe(0);
  });

  it('refuses a file over the row limit as a whole', async () => {
    const res = await upload(t, 'not-ok/too-many-rows.csv', 413);
    expect(res.body).toMatchObject({ code: 'TOO_MANY_ROWS', details: { limit: 20 } });
    expect(res.body.message).toMatch(/lebih dari 20 baris/);
    expect(await count(t, 'participant')).toBe(0);
    expect(await count(t, 'enrollment_staging')).toBe(0);
  });
});
