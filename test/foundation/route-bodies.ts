/**
 * A body each POST and PATCH route of the app takes, shared by the specs that enumerate routes and
 * change one thing at a time (a field's kind, a query parameter). `PLEDGE` is the code a spec's own
 * pledge is created under, for PATCH /pledges/:code and payments.
 */
import { Role } from '../../src/users/role.js';

export const PLEDGE = 'DESA-UJI-TIPE';

/**
 * A body each route takes (but for its side effects), so that a field checked only beside others
 * (a DESA pledge's fund, say) is checked: each case replaces one field with a value of another kind.
 */
export const VALID: Record<string, object> = {
  'POST /api/v1/auth/login': { username: 'uji', password: 'rahasia-uji-123' },
  'POST /api/v1/users': { username: 'uji.tipe', password: 'rahasia-uji-123', role: Role.AUDITOR },
  'PATCH /api/v1/users/:id': { active: true, role: Role.AUDITOR, password: 'rahasia-uji-123' },
  'POST /api/v1/allocations': { month: '2026-10' },
  'POST /api/v1/reconciliations': { month: '2026-10' },
  'POST /api/v1/tariffs': { component: 'UJI', payer: 'LOCAL', amount: 1000, validFrom: '2027-01-01', validTo: null, legalBasis: 'Uji' },
  'POST /api/v1/payments': { pledgeCode: PLEDGE, month: '2026-10', amount: 1000, paidAt: '2026-11-08', reference: 'SP2D UJI', adjustsMonth: null },
  'POST /api/v1/pledges': {
    code: 'UJI-BARU', sourceType: 'DESA', fund: 'ADD', funder: 'Desa Uji', fiscalYear: 2026, fromMonth: 1, toMonth: 12, scope: 'ALL',
    villageCodes: [], niks: [], sharePercent: 100, quota: null, budget: null, priority: 90, legalBasis: null,
  },
  'PATCH /api/v1/pledges/:code': { reason: 'Uji jenis nilai', funder: 'Desa Uji' },
  'POST /api/v1/pledges/:code/withdraw': { reason: 'Uji jenis nilai' },
  'POST /api/v1/pledges/:code/reinstate': { reason: 'Uji jenis nilai' },
  'POST /api/v1/participants/:nik/void': { reason: 'Uji jenis nilai' },
};
