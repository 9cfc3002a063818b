/** A statement is signed: it shows the allocation as the pledges stand now, re-allocating STALE months first (as split queries do). */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { insertParticipants, testNik } from '../funding/support/register.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { download, formula, readWorkbook, rowOf } from './support/xlsx.js';

describe('statements after a pledge revision', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t?.close());

  it('re-allocate the STALE month before reading it', async () => {
    const keuangan = await t.as(Role.KEUANGAN);
    await insertParticipants(t.dataSource, [1, 2, 3].map((i) => ({ nik: testNik(i), tmt: '2025-01-01' })));
    const pledge = { code: 'APBD-2026', sourceType: 'APBD', funder: 'Pemkab', fiscalYear: 2026, scope: 'ALL', budget: 37_800 };
    await keuangan.post('/api/v1/pledges').send(pledge).expect(201);
    await keuangan.post('/api/v1/allocations').send({ month: '2026-03' }).expect(201); // January uses the whole budget
    await keuangan.patch('/api/v1/pledges/APBD-2026').send({ budget: 10 * 37_800, reason: 'APBD-P: pagu ditambah' }).expect(200);

    const wb = await readWorkbook((await download((await t.as(Role.AUDITOR)).get('/api/v1/statements/pledges/APBD-2026.xlsx?year=2026'))).body);
    const summary = wb.getWorksheet('Ringkasan')!;
    // three participants a month, January to March: 9 of the 10 obligations the revised budget pays (April on: not allocated yet)
    expect(['Januari 2026', 'Februari 2026', 'Maret 2026'].map((m) => rowOf(summary, m).getCell(3).value)).toEqual([3 * 37_800, 3 * 37_800, 3 * 37_800]);
    expect(formula(rowOf(summary, 'Sisa komitmen').getCell(3)).result).toBe(37_800);
    const [march] = await t.dataSource.query(`SELECT status FROM allocation_month WHERE month = '2026-03'`);
    expect(march.status).toBe('CURRENT');
  });
});
