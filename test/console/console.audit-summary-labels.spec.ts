/**
 * The audit page's *Rincian* reads in Indonesian for every action the server writes: each key of an
 * event's summary has a label in the page's FIELD_LABELS, and coded values their names (QA:
 * `allocation.compute` showed "asked: 2027-01; why: …", `schedule.run` "Status: Selesai (draf)",
 * `pledge.upload` "Uji coba: true"). The keys come from the server itself: the request fields of every
 * @Audited route (its DTOs, route parameters and the interceptor's own `file`/`removed`), and the
 * summaries the use cases write with `audit.record`.
 */
import 'reflect-metadata';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { getMetadataStorage } from 'class-validator';
import { AUDITED_KEY } from '../../src/audit/audited.decorator.js';
import { CATEGORIES } from '../../src/reconciliation/reconciliation.types.js';
import { FUNDS, SCOPES, SOURCE_TYPES } from '../../src/funding/domain/pledge-rules.js';
import { toPaymentView } from '../../src/payments/use-cases/record-payment.use-case.js';
import { Role } from '../../src/users/role.js';
import { consoleModule } from './support/console-module.js';

// Nest's and @nestjs/swagger's metadata keys (their packages export no path to these constants)
const ROUTE_ARGS = '__routeArguments__';
const ROUTE_PARAM = { BODY: 3, QUERY: 4, PARAM: 5 };
const MODEL_PROPERTIES = 'swagger/apiModelPropertiesArray';
const API_PARAMETERS = 'swagger/apiParameters';

const sources = (readdirSync('src', { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => ({ file: f, text: readFileSync(join('src', f), 'utf8') }));

/** The property names a DTO class declares (swagger's and class-validator's metadata). */
function dtoKeys(type: unknown): string[] {
  if (typeof type !== 'function' || [Object, String, Number, Boolean].includes(type as never)) return [];
  const swagger: string[] = Reflect.getMetadata(MODEL_PROPERTIES, type.prototype) ?? [];
  const validated = getMetadataStorage().getTargetValidationMetadatas(type, '', true, false).map((m) => m.propertyName);
  return [...swagger.map((k) => k.replace(/^:/, '')), ...validated];
}

/** action → the keys its request summary can hold (route params, query and body fields of the route). */
async function auditedRouteKeys(): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  for (const { file } of sources.filter((s) => s.text.includes('@Audited('))) {
    const module = await import(`../../src/${file.replace(/\.ts$/, '.js')}`); // one at a time (see consoleModule)
    for (const controller of Object.values(module).filter((v): v is new () => object => typeof v === 'function')) {
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        const meta = typeof handler === 'function' ? Reflect.getMetadata(AUDITED_KEY, handler) : undefined;
        if (!meta) continue;
        const keys = out.get(meta.action) ?? new Set<string>();
        const types: unknown[] = Reflect.getMetadata('design:paramtypes', controller.prototype, name) ?? [];
        const args: Record<string, { index: number; data?: string }> = Reflect.getMetadata(ROUTE_ARGS, controller, name) ?? {};
        for (const [key, arg] of Object.entries(args)) {
          const type = Number(key.split(':')[0]);
          if (type === ROUTE_PARAM.PARAM && arg.data) keys.add(arg.data);
          if (type === ROUTE_PARAM.BODY || type === ROUTE_PARAM.QUERY) dtoKeys(types[arg.index]).forEach((k) => keys.add(k));
        }
        const bodies: { in: string; type?: unknown }[] = Reflect.getMetadata(API_PARAMETERS, handler as object) ?? [];
        for (const body of bodies.filter((p) => p.in === 'body')) dtoKeys(body.type).forEach((k) => keys.add(k));
        out.set(meta.action, keys);
      }
    }
  }
  return out;
}

/** The top-level keys of `{ a, b: x, c: f(1, 2) }` (written literally, or as a const of the same file). */
function literalKeys(literal: string): string[] {
  let text = literal;
  while (/\([^()]*\)/.test(text)) text = text.replace(/\([^()]*\)/g, '');
  return text
    .split(',')
    .map((part) => /^\s*(\w+)/.exec(part)?.[1])
    .filter((k): k is string => Boolean(k));
}

/** action → the keys of the summary each `audit.record({ action: '…', summary })` call writes. */
function recordedSummaryKeys(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const { file, text } of sources) {
    for (const m of text.matchAll(/action: '([\w.-]+)',[^]*?summary: (\{[^}]*\}|\w+)/g)) {
      let literal = m[2];
      if (!literal.startsWith('{')) {
        const declared = new RegExp(`const ${literal}(?:: \\w+)? = (\\{[^}]*\\})`).exec(text);
        if (!declared) throw new Error(`${file}: the summary "${literal}" of ${m[1]} is not a literal this test can read`);
        literal = declared[1];
      }
      out.set(m[1], literalKeys(literal.slice(1, -1)));
    }
  }
  return out;
}

describe('console audit trail: every summary key and code in Indonesian', () => {
  let audit: any;
  beforeAll(async () => (audit = await consoleModule('pages/audit.js')));

  it('labels every key of every summary the server writes', async () => {
    const routes = await auditedRouteKeys();
    const recorded = recordedSummaryKeys();
    // every action the page names is found (a route or a use case), and nothing is found the page does not name
    expect(new Set([...routes.keys(), ...recorded.keys()])).toEqual(new Set(Object.keys(audit.ACTION_LABELS)));
    expect(recorded.get('allocation.compute')).toEqual(['month', 'asked', 'why']);
    expect(recorded.get('schedule.run')).toEqual(['month', 'status', 'allocated', 'reconciliation']);
    expect(routes.get('pledge.upload')).toContain('dryRun');
    expect(routes.get('user.update')).toEqual(new Set(['id', 'role', 'active', 'password']));
    const interceptor = ['file', 'name', 'size', 'removed', 'result', 'before', 'revision', 'version', 'status', 'role', 'active', ...Object.keys(toPaymentView({} as never))];
    // a payment sheet's payments (payment.upload's `recorded`, set on its answer under AUDIT_DETAIL)
    interceptor.push('recorded', 'uploadId', 'payments', 'amount', 'listed', 'more', 'note', 'pledgeCode', 'month', 'paidAt', 'reference', 'adjustsMonth', 'row');
    // what a reconciliation run records inside it: the bill's figures, and a run's header (in schedule.run)
    // … and a register export's filter (participant.export), a splits workbook's (split.export), a card taken away (participant.noka.clear)
    const nested = ['removedNoka', 'noka', 'clearedBy', 'clearedAt', 'invoiceTotal', 'linesTotal', 'payable', 'overbilled', 'underbilled', 'id', 'month', 'version', 'status', 'nik', 'villageCode', 'coveredIn', 'name', 'pledgeCode', 'sourceType', 'from', 'to'];
    const unlabelled: string[] = [];
    for (const [action, keys] of [...routes, ...recorded]) for (const key of keys) if (!audit.FIELD_LABELS[key]) unlabelled.push(`${action}: ${key}`);
    for (const key of [...interceptor, ...nested]) if (!audit.FIELD_LABELS[key]) unlabelled.push(`(nested) ${key}`);
    expect(unlabelled).toEqual([]);
  });

  it('names every code a summary can hold', () => {
    const raw: string[] = [];
    const codes: [string, readonly string[]][] = [['role', Object.values(Role)], ['category', CATEGORIES], ['sourceType', SOURCE_TYPES], ['fund', FUNDS], ['scope', SCOPES], ['trigger', ['MANUAL', 'SCHEDULE']], ['payer', ['LOCAL', 'CENTRAL']], ['status', ['RUNNING', 'DONE', 'FAILED', 'FINAL']]];
    for (const [key, values] of codes) for (const value of values) if (audit.summaryText({ [key]: value }).endsWith(`: ${value}`)) raw.push(`${key}=${value}`);
    expect(raw).toEqual([]);
  });

  it('reads the QA walkthrough\'s events in Indonesian', () => {
    const why = 'alokasi sudah tidak berlaku (data berubah sesudah dihitung): dihitung ulang sebelum rekonsiliasi atau alokasi terjadwal bulan Desember 2026';
    expect(audit.summaryText({ month: '2026-12', asked: '2027-01', why }, Infinity, 'allocation.compute')).toBe(`Bulan: Desember 2026; Diminta untuk bulan: Januari 2027; Sebab: ${why}`);
    // a read of a period (a range summary, a quarter's statement) asked for its months, said by name (QA: asked was null)
    const period = 'alokasi sudah tidak berlaku (data berubah sesudah dihitung): dihitung ulang sebelum pembacaan Januari 2026 s.d. Maret 2026';
    expect(audit.summaryText({ month: '2026-02', asked: '2026-01..2026-03', why: period }, Infinity, 'allocation.compute')).toBe(
      `Bulan: Februari 2026; Diminta untuk bulan: Januari 2026 s.d. Maret 2026; Sebab: ${period}`,
    );
    // a failed login's reason, which only the audit trail holds
    expect(audit.summaryText({ clientAddress: '10.0.0.5', reason: 'DEACTIVATED' }, Infinity, 'auth.login_failed')).toBe('Alamat klien: 10.0.0.5; Alasan: Akun dinonaktifkan (kata sandi benar)');
    // a write refused for the role, and a login refused by the rate limit (QA: neither left a trace)
    expect(audit.ACTION_LABELS['access.denied']).toBe('Tindakan ditolak: peran tidak diizinkan');
    expect(audit.ACTION_LABELS['auth.login.throttled']).toBe('Masuk ditolak: terlalu banyak percobaan gagal');
    expect(audit.summaryText({ method: 'POST', path: '/api/v1/payments', role: 'AUDITOR', attempted: 'payment.record' }, Infinity, 'access.denied')).toBe(
      'Metode HTTP: POST; Alamat (rute): /api/v1/payments; Peran: Auditor; Tindakan yang dicoba: payment.record',
    );
    for (const reason of ['UNKNOWN_USER', 'WRONG_PASSWORD', 'DEACTIVATED', 'DEACTIVATED_WRONG_PASSWORD']) {
      expect(audit.summaryText({ reason }, Infinity, 'auth.login_failed')).not.toContain(reason);
    }
    const run = { id: 'r1', month: '2026-11', version: 2, status: 'DONE' };
    // the schedule's step is done, not a draft; the reconciliation it ran is a draft run
    expect(audit.summaryText({ month: '2026-12', status: 'DONE', allocated: true, reconciliation: run }, Infinity, 'schedule.run')).toBe(
      'Bulan: Desember 2026; Status: Selesai; Alokasi dihitung: Ya; Rekonsiliasi: (ID: r1, Bulan: November 2026, Versi: 2, Status: Selesai (draf))',
    );
    expect(audit.summaryText({ month: '2026-11', status: 'DONE' }, Infinity, 'reconciliation.run')).toBe('Bulan: November 2026; Status: Selesai (draf)');
    // a splits workbook's range, its months by name (QA: "Saringan: (from: 2026-07, to: 2026-09)")
    expect(audit.summaryText({ filter: { from: '2026-07', to: '2026-09', sourceType: 'APBD' }, rows: 12, amount: '453600' }, Infinity, 'split.export')).toBe(
      'Saringan: (Dari bulan: Juli 2026, Sampai bulan: September 2026, Jenis sumber: APBD Kabupaten); Jumlah baris: 12; Jumlah: Rp453.600',
    );
    // a finalize names its run by id; the month its answer gave comes first (QA: "Hasil: (Versi: 1, Status: Final)" without it)
    const finalize = { params: { id: 'd674afd8' }, query: {}, body: {}, result: { month: '2026-10', version: 1, status: 'FINAL' } };
    expect(audit.summaryText(finalize, Infinity, 'reconciliation.finalize')).toBe('Bulan: Oktober 2026; ID: d674afd8; Hasil: (Versi: 1, Status: Final)');
    // a query string's boolean (?dryRun=true) reads as one
    expect(audit.summaryText({ params: {}, query: { dryRun: 'true' }, body: {}, file: { name: 'komitmen.xlsx', size: 9000 } }, Infinity, 'pledge.upload')).toBe('Uji coba: Ya; Berkas: (Nama: komitmen.xlsx, Ukuran (bita): 9.000)');
    expect(audit.summaryText({ query: { dryRun: '0' } })).toBe('Uji coba: Tidak');
    // a payment sheet's event names the payments it recorded (QA: only the file's name and size)
    const recorded = { uploadId: 'u1', payments: 45, amount: 4500, listed: [{ id: 'p1', pledgeCode: 'APBD-2026', month: '2026-10', amount: 100, paidAt: '2026-10-06', reference: 'R1', row: 2 }], more: 44, note: '…' };
    expect(audit.summaryText({ recorded }, Infinity, 'payment.upload')).toBe(
      'Pembayaran dicatat: (ID unggahan: u1, Pembayaran: 45, Jumlah: Rp4.500, Tercantum: (ID: p1, Kode komitmen: APBD-2026, Bulan: Oktober 2026, Jumlah: Rp100, Tanggal bayar: 6 Oktober 2026, Referensi: R1, Baris: 2), Lainnya: 44, Catatan: …)',
    );
    expect(audit.summaryText({ body: { component: 'IURAN', payer: 'LOCAL', amount: 37800 } })).toBe('Komponen: IURAN; Pembayar: Dibayar kabupaten; Jumlah: Rp37.800');
  });

  it('says what a change replaced, "old → new", as a pledge revision and a user change keep it (QA: the new budget only)', () => {
    const revise = { params: { code: 'APBD-2026' }, query: {}, body: { budget: 1_100_000_000, reason: 'APBD-P' }, result: { revision: 2 }, before: { budget: 900_000_000 } };
    expect(audit.summaryText(revise, Infinity, 'pledge.revise')).toBe('Kode: APBD-2026; Pagu: Rp900.000.000 → Rp1.100.000.000; Alasan: APBD-P; Hasil: (Revisi: 2)');
    // a value set where there was none; what a scope change dropped without being asked stays under "Sebelumnya"
    const scoped = { params: { code: 'X' }, body: { scope: 'VILLAGES', villageCodes: ['17.03.06.2001'], quota: 10, reason: 'r' }, before: { scope: 'ALL', priority: 90, quota: null } };
    expect(audit.summaryText(scoped, Infinity, 'pledge.revise')).toBe(
      `Kode: X; Cakupan: ${audit.summaryText({ scope: 'ALL' }).slice(9)} → ${audit.summaryText({ scope: 'VILLAGES' }).slice(9)}; Kode desa: 17.03.06.2001; Kuota per bulan: – → 10; Alasan: r; Sebelumnya: (Prioritas: 90)`,
    );
    // a user's flag set alone: the role it kept is not told as replaced
    const user = { params: { id: 'u1' }, body: { active: true }, result: { role: Role.AUDITOR, active: true }, before: { role: Role.AUDITOR, active: false } };
    expect(audit.summaryText(user, Infinity, 'user.update')).toMatch(/^ID: u1; Aktif: Tidak → Ya; Hasil: \(Peran: [^,]+, Aktif: Ya\)$/);
  });
});
