/** DOMAIN §8: payment status and lateness of a pledge-month (pure function), paid dates in WIB. */
import { describe, expect, it } from '@jest/globals';
import { paidDayInWib } from '../../src/payments/paid-at.js';
import { correctionsIn, duenessOf, isLatePayment, pledgeMonthStatus } from '../../src/payments/payment-status.js';

const pay = (amount: number, paidAt: string) => ({ amount, paidAt });

describe('payment status', () => {
  it('PAID when payments equal what is due', () => {
    expect(pledgeMonthStatus('2026-10', 75600, [pay(37800, '2026-10-01'), pay(37800, '2026-10-09')])).toEqual({ due: 75600, paid: 75600, status: 'PAID', late: false });
  });
  it('UNPAID when nothing is paid and something is due; never late', () => {
    expect(pledgeMonthStatus('2026-10', 37800, [])).toEqual({ due: 37800, paid: 0, status: 'UNPAID', late: false });
  });
  it('UNDERPAID when less is paid', () => {
    expect(pledgeMonthStatus('2026-10', 37800, [pay(37799, '2026-10-02')]).status).toBe('UNDERPAID');
  });
  it('OVERPAID when more is paid, including a payment where nothing is due', () => {
    expect(pledgeMonthStatus('2026-10', 37800, [pay(37801, '2026-10-02')]).status).toBe('OVERPAID');
    expect(pledgeMonthStatus('2026-10', 0, [pay(1000, '2026-10-02')])).toEqual({ due: 0, paid: 1000, status: 'OVERPAID', late: false });
  });
});

describe('lateness', () => {
  it('the 10th itself is on time, the 11th is late', () => {
    expect(pledgeMonthStatus('2026-10', 37800, [pay(37800, '2026-10-10')]).late).toBe(false);
    expect(pledgeMonthStatus('2026-10', 37800, [pay(37800, '2026-10-11')]).late).toBe(true);
  });
  it('any late payment makes the pledge-month late, whatever the status', () => {
    expect(pledgeMonthStatus('2026-10', 37800, [pay(30000, '2026-10-01'), pay(7800, '2026-11-02')])).toEqual({ due: 37800, paid: 37800, status: 'PAID', late: true });
  });
  it('a payment before the month is on time', () => {
    expect(pledgeMonthStatus('2026-10', 37800, [pay(37800, '2026-09-25')]).late).toBe(false);
  });
  it('one rule for a payment and for its month (the statements and workbooks judge each payment by isLatePayment)', () => {
    expect(isLatePayment('2026-10', '2026-10-10')).toBe(false);
    expect(isLatePayment('2026-10', '2026-10-11')).toBe(true);
    expect(isLatePayment('2026-10', '2026-09-30')).toBe(false);
    expect(isLatePayment('2026-10', '2026-11-10')).toBe(true);
  });
  it('a negative correction (money given back for an overpaid closed month) pays no premium, so it is never late', () => {
    expect(isLatePayment('2026-10', '2026-11-02', -22680)).toBe(false);
    expect(isLatePayment('2026-10', '2026-11-02', 22680)).toBe(true);
    const back = { amount: -22680, paidAt: '2026-11-02', adjustsMonth: '2026-09' };
    expect(pledgeMonthStatus('2026-10', 37800, [{ amount: 37800, paidAt: '2026-10-05' }, back])).toEqual({ due: 37800, paid: 15120, status: 'UNDERPAID', late: false });
    expect(correctionsIn('2026-10', [back])).toEqual({ corrections: -22680, correctedMonths: ['2026-09'], lateOnlyByCorrections: false });
  });

  it('a timestamp counts by its day in WIB (UTC+7)', () => {
    expect(paidDayInWib('2026-10-10T16:59:59Z')).toBe('2026-10-10');
    expect(paidDayInWib('2026-10-10T17:00:00Z')).toBe('2026-10-11');
    expect(paidDayInWib('2026-10-10T23:30:00+07:00')).toBe('2026-10-10');
    expect(paidDayInWib('2026-10-10')).toBe('2026-10-10');
    expect(paidDayInWib('2026-02-30')).toBeNull();
    expect(paidDayInWib('10/10/2026')).toBeNull();
  });
});

describe('corrections of earlier months recorded in the month (GET /payments/status)', () => {
  const correction = (amount: number, paidAt: string, adjustsMonth: string) => ({ amount, paidAt, adjustsMonth });
  it('none: 0, no month, not late by them', () => {
    expect(correctionsIn('2026-10', [pay(37800, '2026-10-20')])).toEqual({ corrections: 0, correctedMonths: [], lateOnlyByCorrections: false });
    expect(correctionsIn('2026-10', [])).toEqual({ corrections: 0, correctedMonths: [], lateOnlyByCorrections: false });
  });
  it('their total and the months they correct, each once and in order', () => {
    const payments = [pay(37800, '2026-10-05'), correction(20000, '2026-10-08', '2026-08'), correction(17800, '2026-10-09', '2026-07'), correction(1000, '2026-10-09', '2026-08')];
    expect(correctionsIn('2026-10', payments)).toEqual({ corrections: 38800, correctedMonths: ['2026-07', '2026-08'], lateOnlyByCorrections: false });
  });
  it('late only by corrections when every payment after the 10th is one; an ordinary late payment makes it plainly late', () => {
    expect(correctionsIn('2026-10', [pay(37800, '2026-10-10'), correction(1000, '2026-10-20', '2026-07')]).lateOnlyByCorrections).toBe(true);
    expect(correctionsIn('2026-10', [pay(37800, '2026-10-11'), correction(1000, '2026-10-20', '2026-07')]).lateOnlyByCorrections).toBe(false);
  });
  it('a correction is judged by the month it is recorded in, not the month it corrects', () => {
    const payments = [pay(37800, '2026-10-05'), correction(1000, '2026-10-09', '2026-07')];
    expect(pledgeMonthStatus('2026-10', 37800, payments).late).toBe(false);
    expect(correctionsIn('2026-10', payments).lateOnlyByCorrections).toBe(false);
  });
});

describe('due-ness and suspension risk (§8), on a WIB day', () => {
  it('owed (UNPAID, UNDERPAID) is overdue after the 10th: at risk by month end, then may already be suspended', () => {
    for (const status of ['UNPAID', 'UNDERPAID'] as const) {
      expect(duenessOf('2026-11', status, '2026-11-10')).toEqual({ dueDate: '2026-11-10', overdue: false, suspensionRisk: 'NONE' });
      expect(duenessOf('2026-11', status, '2026-11-11')).toEqual({ dueDate: '2026-11-10', overdue: true, suspensionRisk: 'BY_MONTH_END' });
      expect(duenessOf('2026-11', status, '2026-11-30')).toEqual({ dueDate: '2026-11-10', overdue: true, suspensionRisk: 'BY_MONTH_END' });
      expect(duenessOf('2026-11', status, '2026-12-01')).toEqual({ dueDate: '2026-11-10', overdue: true, suspensionRisk: 'MONTH_ENDED' });
      expect(duenessOf('2026-12', status, '2027-01-02')).toEqual({ dueDate: '2026-12-10', overdue: true, suspensionRisk: 'MONTH_ENDED' });
    }
  });
  it('PAID and OVERPAID never are; a month not begun is not', () => {
    for (const status of ['PAID', 'OVERPAID'] as const) expect(duenessOf('2026-11', status, '2027-03-01')).toEqual({ dueDate: '2026-11-10', overdue: false, suspensionRisk: 'NONE' });
    expect(duenessOf('2027-01', 'UNPAID', '2026-12-06').overdue).toBe(false);
  });
});
