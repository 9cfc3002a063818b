import { expect } from '@jest/globals';
import { Role } from '../../../src/users/role.js';
import type { TestApp } from '../../support/test-app.js';

export interface FindingItem {
  category: string;
  nik: string | null;
  noka: string | null;
  name: string | null;
  rowNumber: number | null;
  billedAmount: number | null;
  expectedAmount: number | null;
  action: string;
}

/** Starts a reconciliation of `month` over HTTP (as `role`) and returns the run with all its findings. */
export async function reconcile(t: TestApp, month: string, role: Role = Role.KEUANGAN) {
  const api = await t.as(role);
  const started = await api.post('/api/v1/reconciliations').send({ month });
  expect(started.status).toBe(201);
  const run = (await api.get(`/api/v1/reconciliations/${started.body.id}`).expect(200)).body;
  const findings: FindingItem[] = (await api.get(`/api/v1/reconciliations/${started.body.id}/findings?pageSize=1000`).expect(200)).body.items;
  return { started: started.body, run, findings };
}

/** The findings counts with zeros left out, for compact assertions. */
export function nonZero(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
}
