/**
 * The projection's warnings, from its months and the pledges' ledger alone (projection-summary.ts): when a pagu ends
 * is said only when months of the pledge are left after it (QA: a six-month pledge whose pagu ran out in June was
 * warned), and a shortfall starting in the month already under way is not told "before that month" (QA).
 */
import { describe, expect, it } from '@jest/globals';
import { PledgeLedger, summarise, type ProjectedMonth, type YearPledge } from '../../src/funding/projections/projection-summary.js';

const T = 37_800;
const month = (m: string, unfunded = 0): ProjectedMonth => ({ month: m, basis: 'PROJECTED', participants: 1, obligation: T, funded: T - unfunded, unfunded: { participants: unfunded ? 1 : 0, amount: unfunded } });
const pledge = (code: string, toMonth: number, budget: number | null): YearPledge => ({ code, source_type: 'TJSLP', funder: 'PT Uji', priority: 20, to_month: toMonth, budget: budget === null ? null : String(budget) });

/** A ledger in which `spent` pledges used their whole pagu in `month`. */
function ledgerOf(pledges: YearPledge[], spent: [string, string][]): PledgeLedger {
  const ledger = new PledgeLedger(pledges);
  for (const [code, m] of spent) {
    ledger.add(code, Number(pledges.find((p) => p.code === code)!.budget));
    ledger.closeMonth(m);
  }
  return ledger;
}

describe('projection warnings', () => {
  it('a pagu spent in the pledge’s own last month is not warned; one spent before it is, naming its last month', () => {
    const ledger = ledgerOf([pledge('TJSLP-A', 6, 6 * T), pledge('TJSLP-B', 8, 3 * T)], [['TJSLP-A', '2027-06'], ['TJSLP-B', '2027-03']]);
    const { warnings } = summarise(2027, new Date('2026-12-05T03:00:00Z'), '2026-12', [month('2027-01')], ledger);
    expect(warnings).toEqual([
      {
        code: 'BUDGET_USED_UP',
        message: 'Pagu TJSLP-B (Rp113.400) habis pada Maret 2027: sesudah bulan itu sampai Agustus 2027 komitmen ini tidak membayar lagi.',
        month: '2027-03',
        pledgeCode: 'TJSLP-B',
      },
    ]);
  });

  it('a shortfall from a month not begun asks for a change before it; from the month under way, at once', () => {
    const months = [month('2026-11'), month('2026-12', 2_400)];
    const ledger = ledgerOf([pledge('APBD-2026', 12, null)], []);
    const later = summarise(2026, new Date('2026-11-20T03:00:00Z'), '2026-11', months, ledger).warnings[0].message;
    const now = summarise(2026, new Date('2026-12-06T03:00:00Z'), '2026-12', months, ledger).warnings[0].message;
    expect(later).toBe('Dengan peserta terdaftar saat ini, komitmen tahun anggaran 2026 tidak menutup Rp2.400 (1 peserta-bulan), mulai Desember 2026. Tambah atau revisi komitmen (pagu, kuota, bulan, prioritas) sebelum bulan itu.');
    expect(now).toBe('Dengan peserta terdaftar saat ini, komitmen tahun anggaran 2026 tidak menutup Rp2.400 (1 peserta-bulan), mulai Desember 2026. Tambah atau revisi komitmen (pagu, kuota, bulan, prioritas) segera: bulan itu sudah berjalan.');
  });

  it('a year its pledges cover has no warning', () => {
    const res = summarise(2027, new Date('2026-12-05T03:00:00Z'), '2026-12', [month('2027-01'), month('2027-02')], ledgerOf([pledge('APBD-2027', 12, null)], []));
    expect(res).toMatchObject({ firstShortMonth: null, warnings: [], total: { obligation: 2 * T, funded: 2 * T, unfunded: { participantMonths: 0, amount: 0 } } });
  });
});
