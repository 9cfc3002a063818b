import { beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { consoleModule } from './support/console-module.js';

describe('console router and role pages', () => {
  let r: any;
  beforeAll(async () => (r = await consoleModule('routes.js')));

  it('parses hashes with queries', () => {
    expect(r.parseHash('#/alokasi?month=2026-10&nik=1703061205800002')).toEqual({ path: '/alokasi', query: { month: '2026-10', nik: '1703061205800002' } });
    expect(r.parseHash('')).toEqual({ path: '/', query: {} });
    expect(r.parseHash('#/peserta/')).toEqual({ path: '/peserta', query: {} });
    expect(r.hashFor('/alokasi', { month: '2026-10', nik: '', page: 1 })).toBe('#/alokasi?month=2026-10&page=1');
  });

  it('matches parameters, and prefers fixed segments over parameters', () => {
    expect(r.matchRoute('/komitmen/baru').route.path).toBe('/komitmen/baru');
    const pledge = r.matchRoute('/komitmen/DESA-1703062001-2026');
    expect(pledge.route.path).toBe('/komitmen/:code');
    expect(pledge.params).toEqual({ code: 'DESA-1703062001-2026' });
    expect(r.matchRoute('/komitmen/A%2FB').params).toEqual({ code: 'A/B' });
    expect(r.matchRoute('/tidak-ada')).toBeNull();
  });

  it('gives every page to known roles only, finance writes to KEUANGAN alone, finalizing to KEUANGAN only', () => {
    for (const route of r.ROUTES) {
      expect(route.roles.length).toBeGreaterThan(0);
      for (const role of route.roles) expect(Object.values(Role)).toContain(role);
    }
    const pagesOf = (role: Role) => r.ROUTES.filter((x: any) => x.nav && x.roles.includes(role)).map((x: any) => x.path);
    expect(pagesOf(Role.OPERATOR_DINKES)).toEqual(['/unggah-peserta', '/peserta']);
    expect(pagesOf(Role.AUDITOR)).toContain('/tagihan'); // read-only: the bill versions and PBI-APBN lists uploaded (QA)
    expect(pagesOf(Role.AUDITOR)).toContain('/pembayaran'); // read-only: status, payments, corrections, sheets uploaded
    // the admin enters no data of the operators and finance officers (separation of duties): reads the finance pages only
    expect(pagesOf(Role.ADMIN)).not.toContain('/unggah-peserta');
    for (const path of ['/tagihan', '/pembayaran']) expect(pagesOf(Role.ADMIN)).toContain(path);
    expect(r.canSee(Role.ADMIN, '/komitmen/baru')).toBe(false);
    expect(pagesOf(Role.ADMIN)).toContain('/pengguna');
    expect(pagesOf(Role.KEUANGAN)).not.toContain('/pengguna');
    expect(pagesOf(Role.AUDITOR)).toContain('/pengguna'); // read-only list (GET /users)
    for (const role of [Role.ADMIN, Role.KEUANGAN, Role.AUDITOR]) expect(pagesOf(role)).toContain('/tidak-terdanai'); // GET /allocations/:month(/unfunded): READERS
    expect(pagesOf(Role.OPERATOR_DINKES)).not.toContain('/tidak-terdanai');
    for (const role of [Role.ADMIN, Role.KEUANGAN, Role.AUDITOR]) expect(pagesOf(role)).toContain('/tarif'); // written by ADMIN only
    expect(r.canWriteFinance(Role.KEUANGAN)).toBe(true);
    expect([Role.ADMIN, Role.AUDITOR, Role.OPERATOR_DINKES].some((role) => r.canWriteFinance(role))).toBe(false);
    // POST /reconciliations/:id/finalize is KEUANGAN's alone (maker-checker)
    expect(r.canFinalize(Role.KEUANGAN)).toBe(true);
    expect([Role.ADMIN, Role.AUDITOR, Role.OPERATOR_DINKES].some((role) => r.canFinalize(role))).toBe(false);
    expect(r.homeFor(Role.ADMIN)).toBe('/dasbor');
    expect(r.homeFor(Role.OPERATOR_DINKES)).toBe('/unggah-peserta');
    expect(r.homeFor(Role.AUDITOR)).toBe('/dasbor');
  });

  it('offers links only to pages the role may open', () => {
    expect(r.canSee(Role.OPERATOR_DINKES, '/peserta/1703061205800001')).toBe(true);
    expect(r.canSee(Role.OPERATOR_DINKES, '/komitmen/APBD-2026')).toBe(false);
    expect(r.canSee(Role.OPERATOR_DINKES, '/alokasi?nik=1')).toBe(false);
    expect(r.canSee(Role.AUDITOR, '/alokasi?nik=1')).toBe(true);
    expect(r.canSee(Role.AUDITOR, '/komitmen/baru')).toBe(false);
  });
});
