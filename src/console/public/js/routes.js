/**
 * The console's pages and who may see them. The roles mirror the API's own guards (the controllers under src/):
 * showing a page to a role the API refuses would only produce errors, and hiding one the API allows leaves a role
 * to curl. Admins manage users and tariffs and read everything, but do none of the operators' and finance officers'
 * data entry (separation of duties, README's role table), nor finalize a month (maker-checker, `canFinalize`).
 */
export const ROLE = { ADMIN: 'ADMIN', OPERATOR: 'OPERATOR_DINKES', KEUANGAN: 'KEUANGAN', AUDITOR: 'AUDITOR' };
const ALL = Object.values(ROLE);
const READERS = [ROLE.ADMIN, ROLE.KEUANGAN, ROLE.AUDITOR];
const FINANCE_WRITERS = [ROLE.KEUANGAN];

export const ROUTES = [
  { path: '/dasbor', title: 'Dasbor', nav: true, roles: READERS, load: () => import('./pages/dashboard.js') },
  { path: '/unggah-peserta', title: 'Unggah Peserta', nav: true, roles: [ROLE.OPERATOR], load: () => import('./pages/enrollment.js') },
  { path: '/peserta', title: 'Cari Peserta', nav: true, roles: ALL, load: () => import('./pages/participants.js') },
  { path: '/peserta/:nik', title: 'Riwayat Peserta', roles: ALL, load: () => import('./pages/participant.js') },
  { path: '/komitmen', title: 'Komitmen Dana', navTitle: 'Komitmen', nav: true, roles: READERS, load: () => import('./pages/pledges.js') },
  { path: '/komitmen/baru', title: 'Komitmen Baru', roles: FINANCE_WRITERS, load: () => import('./pages/pledge-new.js') },
  { path: '/komitmen/:code', title: 'Komitmen Dana', roles: READERS, load: () => import('./pages/pledge.js') },
  { path: '/tarif', title: 'Tarif', nav: true, roles: READERS, load: () => import('./pages/tariffs.js') },
  { path: '/tagihan', title: 'Tagihan BPJS & PBI APBN', navTitle: 'Tagihan BPJS', nav: true, roles: READERS, load: () => import('./pages/bpjs-inputs.js') },
  { path: '/pembayaran', title: 'Pembayaran', nav: true, roles: READERS, load: () => import('./pages/payments.js') },
  { path: '/rekonsiliasi', title: 'Rekonsiliasi', nav: true, roles: READERS, load: () => import('./pages/reconciliations.js') },
  { path: '/rekonsiliasi/:id', title: 'Hasil Rekonsiliasi', roles: READERS, load: () => import('./pages/reconciliation.js') },
  { path: '/alokasi', title: 'Alokasi Dana', navTitle: 'Alokasi', nav: true, roles: READERS, load: () => import('./pages/splits.js') },
  { path: '/tidak-terdanai', title: 'Peserta Tidak Terdanai', navTitle: 'Tidak Terdanai', nav: true, roles: READERS, load: () => import('./pages/unfunded.js') },
  { path: '/laporan', title: 'Laporan', nav: true, roles: READERS, load: () => import('./pages/statements.js') },
  { path: '/jejak-audit', title: 'Jejak Audit', nav: true, roles: [ROLE.ADMIN, ROLE.AUDITOR], load: () => import('./pages/audit.js') },
  { path: '/pengguna', title: 'Pengguna', nav: true, roles: [ROLE.ADMIN, ROLE.AUDITOR], load: () => import('./pages/users.js') },
];

/** The first page after login. */
export function homeFor(role) {
  return role === ROLE.OPERATOR ? '/unggah-peserta' : '/dasbor';
}

/** Whether the role may open the page at `path` (links to pages a role may not see are not shown). */
export function canSee(role, path) {
  const match = matchRoute(path.split('?')[0]);
  return Boolean(match && match.route.roles.includes(role));
}

/** Whether the role may write on finance pages (create pledges, upload bills and payments, run reconciliations). */
export function canWriteFinance(role) {
  return FINANCE_WRITERS.includes(role);
}

/** Whether the role may finalize a run: KEUANGAN only, so an admin cannot stand in for the second finance officer. */
export function canFinalize(role) {
  return role === ROLE.KEUANGAN;
}

/** "#/peserta/1703…?x=1" → { path: '/peserta/1703…', query: { x: '1' } }. Pure, unit-tested. */
export function parseHash(hash) {
  const raw = String(hash ?? '').replace(/^#/, '');
  const [pathPart, queryPart = ''] = raw.split('?');
  const path = pathPart.startsWith('/') ? pathPart.replace(/\/+$/, '') || '/' : '/';
  return { path, query: Object.fromEntries(new URLSearchParams(queryPart)) };
}

/** Finds the route for a path; static segments win over parameters. Pure, unit-tested. */
export function matchRoute(path, routes = ROUTES) {
  const parts = path.split('/').filter(Boolean);
  let best = null;
  for (const route of routes) {
    const pattern = route.path.split('/').filter(Boolean);
    if (pattern.length !== parts.length) continue;
    const params = {};
    let score = 0;
    const ok = pattern.every((seg, i) => {
      if (seg.startsWith(':')) {
        try {
          params[seg.slice(1)] = decodeURIComponent(parts[i]);
        } catch {
          return false;
        }
        return true;
      }
      score += 1;
      return seg === parts[i];
    });
    if (ok && (!best || score > best.score)) best = { route, params, score };
  }
  return best ? { route: best.route, params: best.params } : null;
}

/** "/alokasi" + { month: '2026-11', nik: '' } → "#/alokasi?month=2026-11". */
export function hashFor(path, query = {}) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return `#${path}${qs ? `?${qs}` : ''}`;
}
