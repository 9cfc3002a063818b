import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { upload } from './support.js';

describe('a register change marks open allocated months stale, closed months stay as they are', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await upload(t, 'ok/basic.xlsx');
    const [run] = await t.dataSource.query(
      "INSERT INTO reconciliation_run (month, version, status, started_by) VALUES ('2026-01', 1, 'FINAL', 'uji') RETURNING id",
    );
    await t.dataSource.query("INSERT INTO closed_month (month, run_id, closed_by) VALUES ('2026-01', $1, 'uji')", [run.id]);
    await t.dataSource.query(
      `INSERT INTO allocation_month (month, fiscal_year, status) VALUES ('2026-01', 2026, 'CURRENT'), ('2026-02', 2026, 'CURRENT')`,
    );
  });
  afterAll(() => t.close());

  const statuses = async () =>
    Object.fromEntries((await t.dataSource.query('SELECT month, status FROM allocation_month ORDER BY month')).map((r: { month: string; status: string }) => [r.month, r.status]));

  it('the same file again changes nothing and leaves allocations current', async () => {
    await upload(t, 'ok/basic.xlsx');
    expect(await statuses()).toEqual({ '2026-01': 'CURRENT', '2026-02': 'CURRENT' });
  });

  it('a changed participant makes the open month stale, not the closed one', async () => {
    await upload(t, 'ok/basic-changed.xlsx');
    expect(await statuses()).toEqual({ '2026-01': 'CURRENT', '2026-02': 'STALE' });
  });
});
