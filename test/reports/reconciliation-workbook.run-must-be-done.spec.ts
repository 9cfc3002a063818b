/** The workbook exists only for a finished run (DONE or FINAL); other runs and ids are ordinary JSON errors. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertReportFixture } from './support/report-fixture.js';

describe('reconciliation workbook: which runs', () => {
  let t: TestApp;
  let runId: string;
  beforeAll(async () => {
    t = await createTestApp();
    runId = await insertReportFixture(t.dataSource, 'RUNNING');
  });
  afterAll(() => t.close());

  it('409 for a run still running, 404 for an unknown run, 400 for a malformed id, 403 for operators', async () => {
    const agent = await t.as(Role.KEUANGAN);
    const running = await agent.get(`/api/v1/reconciliations/${runId}/workbook.xlsx`).expect(409);
    expect(running.body).toMatchObject({ code: 'RUN_NOT_READY' });
    expect(running.body.message).toContain('RUNNING');
    const missing = await agent.get('/api/v1/reconciliations/00000000-0000-4000-8000-000000000000/workbook.xlsx').expect(404);
    expect(missing.body.code).toBe('RUN_NOT_FOUND');
    expect((await agent.get('/api/v1/reconciliations/bukan-uuid/workbook.xlsx').expect(404)).body).toMatchObject({ code: 'RUN_NOT_FOUND', message: 'Rekonsiliasi "bukan-uuid" tidak ditemukan.' });
    await (await t.as(Role.OPERATOR_DINKES)).get(`/api/v1/reconciliations/${runId}/workbook.xlsx`).expect(403);
  });
});
