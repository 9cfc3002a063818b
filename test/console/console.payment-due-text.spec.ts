/**
 * The console's words for a month's due-ness (payment-status.js, pure): from GET /payments/status `dueDate`,
 * `overdue` and `suspensionRisk`, "Jatuh tempo 10 Desember 2026" or "Lewat jatuh tempo 10 November 2026" beside a status
 * still owed, and one warning line naming the overdue pledges with the suspension risk (§8; QA: November, December
 * and January 2027 all read the same red "Belum dibayar" on 6 December 2026).
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { consoleModule } from './support/console-module.js';

const row = (pledgeCode: string, status: string, month: string, overdue = false, suspensionRisk = 'NONE') => ({
  pledgeCode,
  due: 37800,
  paid: status === 'UNPAID' ? 0 : status === 'UNDERPAID' ? 10000 : status === 'PAID' ? 37800 : 40000,
  status,
  late: false,
  dueDate: `${month}-10`,
  overdue,
  suspensionRisk,
});

describe('console: due-ness of a pledge-month', () => {
  let status: any;
  beforeAll(async () => {
    status = await consoleModule('payment-status.js');
  });

  it('says a month still owed is not yet due (with its date) or past due; paid, overpaid and a run row say nothing', () => {
    expect(status.dueText(row('A', 'UNPAID', '2026-12'))).toBe('Jatuh tempo 10 Desember 2026');
    expect(status.dueText(row('A', 'UNPAID', '2027-01'))).toBe('Jatuh tempo 10 Januari 2027');
    expect(status.dueText(row('A', 'UNDERPAID', '2026-11', true, 'MONTH_ENDED'))).toBe('Lewat jatuh tempo 10 November 2026');
    expect(status.dueText(row('A', 'PAID', '2026-11'))).toBeNull();
    expect(status.dueText(row('A', 'OVERPAID', '2026-11'))).toBeNull();
    expect(status.dueText({ pledgeCode: 'A', due: 1, paid: 0, status: 'UNPAID', late: false })).toBeNull();
  });

  it('a month paid in part before its due date reads "Dibayar sebagian", after it "Kurang bayar", as the statements say', () => {
    expect(status.statusWord(row('A', 'UNDERPAID', '2026-12'))).toBe('Dibayar sebagian');
    expect(status.statusWord(row('A', 'UNDERPAID', '2026-11', true))).toBe('Kurang bayar');
    expect(status.statusWord(row('A', 'UNPAID', '2026-12'))).toBe('Belum dibayar');
    expect(status.statusWord({ pledgeCode: 'A', due: 1, paid: 0, status: 'UNDERPAID', late: false })).toBe('Kurang bayar');
  });

  it('one warning line naming the overdue pledges: at risk by month end, then possibly suspended already', () => {
    const within = [row('APBD-2026', 'UNPAID', '2026-11', true, 'BY_MONTH_END'), row('PAID-2026', 'PAID', '2026-11'), row('TJSLP-KOPI-2026', 'UNDERPAID', '2026-11', true, 'BY_MONTH_END')];
    expect(status.overdueWarningText('2026-11', within)).toBe(
      'Iuran November 2026 untuk komitmen APBD-2026 dan TJSLP-KOPI-2026 belum lunas dan sudah lewat jatuh tempo 10 November 2026: bila belum lunas pada akhir bulan, ' +
        'BPJS Kesehatan dapat menonaktifkan kepesertaan peserta yang didanai komitmen tersebut (Perpres 82/2018). Segera bayar atau catat pembayarannya.',
    );
    const ended = [row('A', 'UNPAID', '2026-11', true, 'MONTH_ENDED'), row('B', 'UNPAID', '2026-11', true, 'MONTH_ENDED'), row('C', 'UNDERPAID', '2026-11', true, 'MONTH_ENDED')];
    expect(status.overdueWarningText('2026-11', ended)).toBe(
      'Iuran November 2026 untuk komitmen A, B dan C belum lunas sampai akhir bulan (jatuh tempo 10 November 2026): BPJS Kesehatan mungkin sudah menonaktifkan ' +
        'kepesertaan peserta yang didanai komitmen tersebut (Perpres 82/2018). Segera bayar atau catat pembayarannya, lalu pastikan status kepesertaan mereka ke BPJS Kesehatan.',
    );
    // a finalized month takes no payment of its own: what is owed goes in as a correction in an open month (QA)
    expect(status.overdueWarningText('2026-11', ended, [], { closed: true })).toBe(
      'Iuran November 2026 untuk komitmen A, B dan C belum lunas sampai akhir bulan (jatuh tempo 10 November 2026): BPJS Kesehatan mungkin sudah menonaktifkan ' +
        'kepesertaan peserta yang didanai komitmen tersebut (Perpres 82/2018). November 2026 sudah difinalisasi: bayarkan kekurangannya dan catat sebagai koreksi ' +
        'di bulan yang masih terbuka (Koreksi untuk bulan: November 2026), lalu pastikan status kepesertaan mereka ke BPJS Kesehatan.',
    );
    // a month frozen by a later finalized month is closed the same, and says by which (QA: a frozen October was told to pay)
    const october = [row('A', 'UNDERPAID', '2026-10', true, 'MONTH_ENDED')];
    expect(status.overdueWarningText('2026-10', october, [], { closed: true, finalized: false, frozenBy: '2026-11' })).toContain(
      'Oktober 2026 sudah dibekukan (November 2026 difinalisasi): bayarkan kekurangannya dan catat sebagai koreksi di bulan yang masih terbuka (Koreksi untuk bulan: Oktober 2026)',
    );
    expect(status.frozenNotice('2026-10', null)).toBeNull();
  });

  it('a role that records no payment (auditor, admin) is told the facts, not to pay or record (QA)', () => {
    const within = [row('APBD-2026', 'UNPAID', '2026-11', true, 'BY_MONTH_END')];
    const read = status.overdueWarningText('2026-11', within, [], { writes: false });
    expect(read).toBe(
      'Iuran November 2026 untuk komitmen APBD-2026 belum lunas dan sudah lewat jatuh tempo 10 November 2026: bila belum lunas pada akhir bulan, ' +
        'BPJS Kesehatan dapat menonaktifkan kepesertaan peserta yang didanai komitmen tersebut (Perpres 82/2018).',
    );
    const ended = [row('A', 'UNPAID', '2026-11', true, 'MONTH_ENDED')];
    expect(status.overdueWarningText('2026-11', ended, [], { writes: false })).not.toMatch(/bayar|catat|pastikan/i);
    expect(status.overdueWarningText('2026-11', ended, [], { writes: false, closed: true })).toMatch(
      /\(Perpres 82\/2018\)\. November 2026 sudah difinalisasi: kekurangannya dicatat sebagai koreksi di bulan yang masih terbuka\.$/,
    );
  });

  it("a run's rows take today's due-ness where paid is unchanged: a finalized month's shortfall reads Lewat jatuh tempo as on Pembayaran (QA)", () => {
    const run = [
      { pledgeCode: 'APBD-2026', due: 37800, paid: 10000, status: 'UNDERPAID', late: false },
      { pledgeCode: 'PROV-2026', due: 15120, paid: 0, status: 'UNPAID', late: false },
    ];
    const today = [{ ...row('APBD-2026', 'UNDERPAID', '2026-10', true, 'MONTH_ENDED'), ownStatus: 'UNDERPAID', ownPaid: 10000 }, row('PROV-2026', 'UNPAID', '2026-10', true, 'MONTH_ENDED')];
    today[1].paid = 5000; // paid changed since the run: its row is left as the run had it
    const merged = status.withOwnPayments('2026-10', run, today);
    expect(merged.map(status.dueText)).toEqual(['Lewat jatuh tempo 10 Oktober 2026', null]);
    expect(merged[0]).toMatchObject({ dueDate: '2026-10-10', overdue: true, suspensionRisk: 'MONTH_ENDED', ownStatus: 'UNDERPAID' });
    expect(merged[1]).toBe(run[1]);
  });

  it('no line for a month not yet due, a run without due-ness, or a shortfall covered by corrections recorded later', () => {
    expect(status.overdueWarningText('2026-12', [row('A', 'UNPAID', '2026-12')])).toBeNull();
    expect(status.overdueWarningText('2027-01', [row('A', 'UNPAID', '2027-01')])).toBeNull();
    expect(status.overdueWarningText('2026-11', null)).toBeNull();
    const overdue = [row('A', 'UNPAID', '2026-11', true, 'MONTH_ENDED'), row('B', 'UNPAID', '2026-11', true, 'MONTH_ENDED')];
    // A's Rp37.800 corrected in full, B's in part: B only is named
    const corrections = [
      { pledgeCode: 'A', amount: 37800 },
      { pledgeCode: 'B', amount: 1000 },
    ];
    expect(status.overdueWarningText('2026-11', overdue, corrections)).toMatch(/^Iuran November 2026 untuk komitmen B belum lunas/);
    expect(status.overdueWarningText('2026-11', overdue.slice(0, 1), corrections.slice(0, 1))).toBeNull();
  });

  it('under the paid amount: corrections of other months, money given back for overpaid ones, and a net of several months (QA: -Rp32.680 said nothing)', () => {
    expect(status.correctionsText({ corrections: 15120, correctedMonths: ['2026-11'] })).toBe('termasuk koreksi November 2026 Rp15.120');
    expect(status.correctionsText({ corrections: -32680, correctedMonths: ['2026-10'] })).toBe('termasuk pengembalian kelebihan bayar Oktober 2026 Rp32.680');
    expect(status.correctionsText({ corrections: -32680, correctedMonths: ['2026-10', '2026-11'] })).toBe('termasuk pengembalian kelebihan bayar Oktober–November 2026 Rp32.680 (jumlah bersih)');
    expect(status.correctionsText({ corrections: 0, correctedMonths: ['2026-10', '2026-11'] })).toBe('termasuk koreksi Oktober–November 2026 yang jumlah bersihnya Rp0');
    expect(status.correctionsText({ corrections: 0, correctedMonths: [] })).toBeNull();
    expect(status.correctionsText({ paid: 37800 })).toBeNull(); // a run's row
  });

  /**
   * QA (year end): January 2027, where the only payments were corrections of 2026 months, read "Dibayar Rp77.565.600,
   * Selisih −Rp37.151.100" in the table's Total, as if the month were 70 % paid. Its own payments and the corrections
   * of closed months are totalled apart, as the workbook's Pembayaran does, and a pledge paid only by a correction
   * keeps its §8 Lebih bayar with the workbook's words under it.
   */
  it("totals the month's own payments apart from corrections of closed months, and says a correction-only row so", () => {
    const arrear = { pledgeCode: 'APBD-2026', due: 0, paid: 76696200, status: 'OVERPAID', ownPaid: 0, ownStatus: 'PAID', corrections: 76696200, correctedMonths: ['2026-06'] };
    const desa = { pledgeCode: 'DESA-2026', due: 0, paid: 869400, status: 'OVERPAID', ownPaid: 0, ownStatus: 'PAID', corrections: 869400, correctedMonths: ['2026-12'] };
    const apbd = { pledgeCode: 'APBD-2027', due: 114716700, paid: 0, status: 'UNPAID', ownPaid: 0, ownStatus: 'UNPAID', corrections: 0, correctedMonths: [] };
    expect(status.paymentTotals([arrear, desa, apbd])).toEqual({
      due: 114716700,
      paid: 77565600,
      own: 0,
      corrections: 77565600,
      balance: -114716700,
      correctedMonths: ['2026-06', '2026-12'],
    });
    expect(status.correctionOnlyText(arrear)).toBe('Tidak ada iuran bulan ini; hanya koreksi Juni 2026 Rp76.696.200');
    expect(status.correctionOnlyText({ ...arrear, due: 37800, paid: 160000, ownPaid: 37800, corrections: 122200 })).toBe('Lunas (ditambah koreksi Juni 2026 Rp122.200)');
    expect(status.correctionOnlyText(apbd)).toBeNull();
    expect(status.correctionOnlyText({ pledgeCode: 'A', due: 37800, paid: 40000, status: 'OVERPAID' })).toBeNull(); // a run's row
    // a run's rows without corrections: the month's own, as before
    expect(status.paymentTotals([{ due: 37800, paid: 40000 }])).toMatchObject({ own: 40000, corrections: 0, balance: 2200 });
  });

  /**
   * QA (November 2026): a village paid November in full (Rp869.400) and, in November, a correction for July (Rp37.800).
   * Pembayaran's row read both "Lebih bayar" (its badge) and "Lunas (ditambah koreksi …)" (under it), and the rows'
   * Selisih did not add up to "Total bulan ini" (−Rp437.680 against −Rp475.480): the badge says the own status, the
   * hint the correction, and a row's Selisih leaves the corrections out as the total does.
   */
  it("a month paid in full with a correction for July: the badge says Lunas, the Selisih rows add up to the month's total", () => {
    const desa = { pledgeCode: 'DESA-1703112009-2026', due: 869400, paid: 907200, status: 'OVERPAID', ownPaid: 869400, ownStatus: 'PAID', corrections: 37800, correctedMonths: ['2026-07'] };
    const apbd = { pledgeCode: 'APBD-2026', due: 1000000, paid: 562320, status: 'UNDERPAID', ownPaid: 562320, ownStatus: 'UNDERPAID', corrections: 0, correctedMonths: [] };
    expect(status.correctionOnlyParts(desa)).toEqual({ head: 'Lunas', tail: 'ditambah koreksi Juli 2026 Rp37.800', nothingDue: false, tone: 'ok' });
    expect(status.correctionOnlyText(desa)).toBe('Lunas (ditambah koreksi Juli 2026 Rp37.800)');
    expect([desa, apbd].map(status.ownBalance)).toEqual([0, -437680]);
    expect(status.paymentTotals([desa, apbd]).balance).toBe(status.ownBalance(desa) + status.ownBalance(apbd));
    expect(status.ownBalance({ due: 37800, paid: 40000 })).toBe(2200); // a run's row: the month's own
  });

  it("a final run's row takes today's lateOnlyByCorrections where paid and late are unchanged, as Pembayaran says it (QA: the Dasbor's plain \"Dibayar terlambat\")", () => {
    const run = [{ pledgeCode: 'DESA-2026', due: 869400, paid: 907200, status: 'OVERPAID', late: true }];
    const today = [{ ...run[0], lateOnlyByCorrections: true, ownPaid: 869400, ownStatus: 'PAID', corrections: 37800, correctedMonths: ['2026-07'] }];
    expect(status.withOwnPayments('2026-11', run, today)[0]).toMatchObject({ late: true, lateOnlyByCorrections: true, ownStatus: 'PAID' });
    expect(status.withOwnPayments('2026-11', run, [{ ...today[0], paid: 869400 }])[0]).toBe(run[0]); // paid changed since the run
  });
});
