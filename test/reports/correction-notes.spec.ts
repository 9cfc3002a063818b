import { describe, expect, it } from '@jest/globals';
import { correctionNotesByMonth } from '../../src/reports/statements/correction-notes.js';
import type { PaymentRow } from '../../src/reports/data/report-queries.js';

/**
 * The Koreksi notes of a statement's month rows (DOMAIN §8/§9). A village with two pledges of its own (Dana Desa and
 * ADD) has a balance after corrections per pledge: each names its pledge, or two "Masih kurang" lines read as one.
 */
const payment = (pledgeCode: string, month: string, amount: number, reference: string, adjustsMonth: string | null = null): PaymentRow => ({
  pledgeCode,
  month,
  amount,
  paidAt: `${month}-05`,
  reference,
  adjustsMonth,
});

describe('correctionNotesByMonth', () => {
  const recorded = [payment('DESA-DD', '2026-11', 10000, 'SP2D 1', '2026-10'), payment('DESA-ADD', '2026-11', 5000, 'SP2D 2', '2026-10')];
  // October: nothing of its own paid (the payments above were recorded in November); DD owes Rp37.800, ADD Rp5.000
  const dues: Record<string, number> = { 'DESA-DD': 37800, 'DESA-ADD': 5000 };
  const dueOf = (code: string) => dues[code];

  it('names the pledge of each balance when asked (a village of several pledges)', () => {
    expect(correctionNotesByMonth(recorded, recorded, dueOf, true).get('2026-10')).toEqual([
      'Dikoreksi dengan pembayaran Rp10.000 (SP2D 1) yang dicatat pada November 2026',
      'Dikoreksi dengan pembayaran Rp5.000 (SP2D 2) yang dicatat pada November 2026',
      'DESA-DD: Masih kurang Rp27.800 sesudah koreksi',
      'DESA-ADD: Lunas setelah koreksi',
    ]);
  });

  it('says the balance alone for one pledge, and nothing of it without balances', () => {
    const one = recorded.slice(0, 1);
    expect(correctionNotesByMonth(one, one, dueOf).get('2026-10')).toEqual([
      'Dikoreksi dengan pembayaran Rp10.000 (SP2D 1) yang dicatat pada November 2026',
      'Masih kurang Rp27.800 sesudah koreksi',
    ]);
    expect(correctionNotesByMonth(one, one).get('2026-10')).toEqual(['Dikoreksi dengan pembayaran Rp10.000 (SP2D 1) yang dicatat pada November 2026']);
    expect(correctionNotesByMonth(one, one).get('2026-11')).toEqual(['Pembayaran Rp10.000 (SP2D 1) adalah koreksi untuk Oktober 2026, dihitung pada bulan itu']);
  });
});
