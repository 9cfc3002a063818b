import type { DemoContext, DemoStep } from '../demo-context.js';
import { uploadDemoPledgeSheet, villageGovernment } from '../demo-pledge-sheet.js';

const YEAR = 2026;

/** The villages with the most sample residents, most populous first. */
function busiestVillages(ctx: DemoContext, count: number): string[] {
  const tally = new Map<string, number>();
  for (const r of ctx.residents) tally.set(r.villageCode, (tally.get(r.villageCode) ?? 0) + 1);
  return [...tally.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, count).map(([code]) => code);
}

function samplePledges(ctx: DemoContext) {
  const [v1, v2, v3, v4, v5, v6, v7, v8] = busiestVillages(ctx, 8);
  const named = ctx.residents.filter((r) => !r.tat).slice(0, 25).map((r) => r.nik);
  const base = { fiscalYear: YEAR };
  return [
    { ...base, code: `APBD-${YEAR}`, sourceType: 'APBD', funder: 'Pemerintah Kabupaten Bengkulu Utara', scope: 'ALL', budget: 900_000_000, legalBasis: 'Perda APBD 2026; DPA Dinas Kesehatan 5.1.02.02.02.0003/0004' },
    { ...base, code: `APBD_PROV-${YEAR}`, sourceType: 'APBD_PROV', funder: 'Pemerintah Provinsi Bengkulu', scope: 'ALL', sharePercent: 40, quota: 1200, priority: 30, legalBasis: 'Pergub Bengkulu tentang kuota Jamkesda 2026' },
    { ...base, code: `DESA-${v1.replace(/\./g, '')}-${YEAR}`, sourceType: 'DESA', fund: 'ADD', funder: villageGovernment(v1), scope: 'VILLAGES', villageCodes: [v1], legalBasis: 'APBDes 2026' },
    { ...base, code: `DESA-${v2.replace(/\./g, '')}-${YEAR}`, sourceType: 'DESA', fund: 'PADES', funder: villageGovernment(v2), scope: 'VILLAGES', villageCodes: [v2], quota: 10, legalBasis: 'APBDes 2026' },
    // Dana Desa: accepted, but carries the SE Kemendesa 4/PRI.00/I/2024 warning everywhere
    { ...base, code: `DESA-${v3.replace(/\./g, '')}-${YEAR}`, sourceType: 'DESA', fund: 'DANA_DESA', funder: villageGovernment(v3), scope: 'VILLAGES', villageCodes: [v3.replace(/\./g, '')], legalBasis: 'APBDes 2026' },
    { ...base, code: `DESA-${v4.replace(/\./g, '')}-${YEAR}`, sourceType: 'DESA', fund: 'ADD', funder: villageGovernment(v4), scope: 'VILLAGES', villageCodes: [v4], fromMonth: 7, budget: 2_000_000, legalBasis: 'APBDes Perubahan 2026' },
    { ...base, code: `TJSLP-ALNO-${YEAR}`, sourceType: 'TJSLP', funder: 'PT Agricinal (TJSLP)', scope: 'VILLAGES', villageCodes: [v5, v6], quota: 40, legalBasis: 'PKS No. 400/TJSLP/01/2026' },
    { ...base, code: `TJSLP-SAWIT-${YEAR}`, sourceType: 'TJSLP', funder: 'PT Sawit Bengkulu Lestari (TJSLP)', scope: 'VILLAGES', villageCodes: [v7, v8], budget: 15_000_000, legalBasis: 'PKS No. 401/TJSLP/02/2026' },
    { ...base, code: `TJSLP-BANK-${YEAR}`, sourceType: 'TJSLP', funder: 'Bank Bengkulu (CSR)', scope: 'RESIDENTS', niks: named, legalBasis: 'PKS No. 402/TJSLP/03/2026' },
  ];
}

export const fundingStep: DemoStep = {
  name: 'Komitmen pendanaan 2026 dan alokasi bulanan',
  async run(ctx) {
    const existing = new Set(((await ctx.call('KEUANGAN', 'GET', `/api/v1/pledges?fiscalYear=${YEAR}`)) as { code: string }[]).map((p) => p.code));
    for (const pledge of samplePledges(ctx)) {
      if (existing.has(pledge.code)) continue;
      const saved = await ctx.call('KEUANGAN', 'POST', '/api/v1/pledges', { json: pledge });
      for (const w of saved.warnings ?? []) ctx.log(`peringatan ${w.pledgeCode}: ${w.code}`);
    }
    // two more pledges through a pledge sheet, for the two next busiest villages, so the Komitmen page lists a sheet
    await uploadDemoPledgeSheet(ctx, YEAR, busiestVillages(ctx, 10).slice(8), existing);
    await ctx.call('KEUANGAN', 'PATCH', `/api/v1/pledges/APBD-${YEAR}`, { json: { budget: 1_100_000_000, reason: 'APBD-P 2026: tambahan pagu iuran PBPU Pemda' } });
    ctx.log(`${samplePledges(ctx).length} pledges for ${YEAR} entered one by one, and the sheet's (APBD pagu revised by APBD-P)`);
    for (const month of ctx.months) {
      const s = await ctx.call('KEUANGAN', 'POST', '/api/v1/allocations', { json: { month } });
      const funded = s.funded.reduce((sum: number, f: { amount: number }) => sum + f.amount, 0);
      ctx.log(`${month}: ${s.participants} participants, obligation Rp${s.obligation.toLocaleString('id-ID')}, funded Rp${funded.toLocaleString('id-ID')}, unfunded ${s.unfunded.participants} (Rp${s.unfunded.amount.toLocaleString('id-ID')}), ${s.warnings.length} warning(s)`);
    }
  },
};
