/**
 * BPJS bills, PBI-APBN lists, payments and reconciliations for every sample month, with a
 * realistic handful of anomalies of every §7 category, then the oldest month finalized by a
 * second finance officer (maker-checker).
 */
import { firstDay, lastDay } from '../../../src/common/month.js';
import type { DemoContext, DemoStep } from '../demo-context.js';
import type { SampleResident } from '../sample-regency.js';

const TARIFF = 37800;
const UNREGISTERED = ['1703065507820007', '1703061209650003'];

const covered = (r: SampleResident, month: string) => r.tmt <= lastDay(month) && (!r.tat || r.tat >= firstDay(month));
const csv = (rows: (string | number)[][]) => Buffer.from(rows.map((r) => r.join(',')).join('\n') + '\n');
const rupiah = (n: number) => `Rp${n.toLocaleString('id-ID')}`;

/** The bill of `month`: every covered resident, except a few left off, plus one anomaly of each kind. */
function billOf(ctx: DemoContext, month: string, index: number) {
  const active = ctx.residents.filter((r) => covered(r, month));
  const leftOff = new Set(active.slice(-3 - index).map((r) => r.nik)); // NOT_BILLED
  const lines: [string, string, string, number][] = active.filter((r) => !leftOff.has(r.nik)).map((r) => [r.noka, r.nik, r.name, TARIFF]);
  lines[10 + index][3] = 42000; // AMOUNT_MISMATCH: billed the full class III premium
  lines[20 + index][0] = String(Number(lines[20 + index][0]) + 1).padStart(13, '0'); // NOKA_MISMATCH
  lines.push([...lines[5 + index]]); // DUPLICATE_BILLING
  lines.push(['0009990000' + String(100 + index), UNREGISTERED[index % 2], 'Tidak Terdaftar', TARIFF]); // NOT_REGISTERED
  const dead = ctx.residents.find((r) => r.endReason === 'MENINGGAL' && r.tat! < firstDay(month));
  if (dead) lines.push([dead.noka, dead.nik, dead.name, TARIFF]); // BILLED_AFTER_DEATH
  const notYet = ctx.residents.find((r) => r.tmt > lastDay(month));
  if (notYet) lines.push([notYet.noka, notYet.nik, notYet.name, TARIFF]); // NOT_COVERED
  const linesTotal = lines.reduce((s, l) => s + l[3], 0);
  const invoiceTotal = index === 1 ? linesTotal + 4200 : linesTotal; // TOTAL_MISMATCH in the second month
  return { lines, invoiceTotal };
}

async function uploadInputs(ctx: DemoContext, month: string, index: number): Promise<void> {
  const { lines, invoiceTotal } = billOf(ctx, month, index);
  const bill = await ctx.call('KEUANGAN', 'POST', '/api/v1/bills', {
    form: { month, invoiceTotal: String(invoiceTotal), file: { name: `tagihan-bpjs-${month}.csv`, content: csv([['NOKA', 'NIK', 'NAMA', 'IURAN'], ...lines]), contentType: 'text/csv' } },
  });
  const active = ctx.residents.filter((r) => covered(r, month));
  const pbi = [...active.slice(100, 103 + index).map((r) => r.nik), '1703019999990001'];
  const list = await ctx.call('KEUANGAN', 'POST', '/api/v1/pbi-apbn-lists', {
    form: { month, file: { name: `pbi-apbn-${month}.csv`, content: csv([['NIK', 'KETERANGAN'], ...pbi.map((n) => [n, 'PBI JK'])]), contentType: 'text/csv' } },
  });
  ctx.log(`${month}: bill v${bill.version} ${bill.lines} lines ${rupiah(bill.linesTotal)} (invoice ${rupiah(invoiceTotal)}), PBI-APBN list ${list.niks} NIKs`);
}

/** Payments per pledge: most on time and exact, one late, one short, one over, one unpaid. */
async function pay(ctx: DemoContext, month: string, index: number): Promise<void> {
  const due: { key: string; amount: number }[] = await ctx.call('KEUANGAN', 'GET', `/api/v1/splits/summary?month=${month}&groupBy=pledge`);
  const rows: (string | number)[][] = [];
  due.forEach(({ key, amount }, k) => {
    const kind = (k + index) % 6;
    if (kind === 4) return; // UNPAID
    const paid = kind === 2 ? amount - TARIFF : kind === 3 ? amount + 10000 : amount;
    const day = kind === 1 ? '14' : '08';
    if (paid > 0) rows.push([key, month, paid, `${month}-${day}`, `SP2D ${String(100 * (index + 1) + k).padStart(5, '0')}/LS/2026`]);
  });
  if (index === 0) {
    await ctx.call('KEUANGAN', 'POST', '/api/v1/payment-uploads', {
      form: { file: { name: `pembayaran-${month}.csv`, content: csv([['KODE_KOMITMEN', 'BULAN', 'JUMLAH', 'TANGGAL_BAYAR', 'REFERENSI'], ...rows]), contentType: 'text/csv' } },
    });
  } else {
    for (const [pledgeCode, m, amount, paidAt, reference] of rows) {
      await ctx.call('KEUANGAN', 'POST', '/api/v1/payments', { json: { pledgeCode, month: m, amount, paidAt, reference } });
    }
  }
}

export const reconciliationStep: DemoStep = {
  name: 'Tagihan BPJS, daftar PBI APBN, pembayaran dan rekonsiliasi',
  async run(ctx) {
    const runs: { id: string; month: string }[] = [];
    for (const [index, month] of ctx.months.entries()) {
      await uploadInputs(ctx, month, index);
      await pay(ctx, month, index);
      const started = await ctx.call('KEUANGAN', 'POST', '/api/v1/reconciliations', { json: { month } });
      const run = await ctx.call('KEUANGAN', 'GET', `/api/v1/reconciliations/${started.id}`);
      runs.push({ id: run.id, month });
      const findings = Object.entries(run.findings as Record<string, number>)
        .filter(([category, n]) => n > 0 && category !== 'MATCHED')
        .map(([category, n]) => `${category} ${n}`)
        .join(', ');
      const late = run.payments.filter((p: { late: boolean }) => p.late).length;
      ctx.log(
        `${month}: run v${run.version} payable ${rupiah(run.bill.payable)}, overbilled ${rupiah(run.bill.overbilled)}, underbilled ${rupiah(run.bill.underbilled)}; ${findings}; ` +
          `unfunded ${run.unfunded.participants}; payments ${run.payments.map((p: { status: string }) => p.status[0]).join('')} (${late} late)`,
      );
    }
    const oldest = runs[0];
    await ctx.call('KEUANGAN_CHECKER', 'POST', `/api/v1/reconciliations/${oldest.id}/finalize`);
    ctx.log(`${oldest.month} finalized by the second finance officer (keuangan2): the month is closed`);
  },
};
