/** Months by the calendar of Asia/Jakarta (UTC+7), whatever the machine's zone: the edges of a month and a year. */
import { describe, expect, it } from '@jest/globals';
import { dayInWib, monthInWib, nextMonthInWib } from '../../src/common/clock/clock.js';

describe('months in WIB', () => {
  it('a moment belongs to the WIB month: 31 January 17:00 UTC is already February in Jakarta', () => {
    expect(monthInWib(new Date('2026-01-31T16:59:59Z'))).toBe('2026-01');
    expect(monthInWib(new Date('2026-01-31T17:00:00Z'))).toBe('2026-02');
    expect(dayInWib(new Date('2026-01-31T17:00:00Z'))).toBe('2026-02-01');
  });

  it('next month crosses the year in WIB', () => {
    expect(nextMonthInWib(new Date('2026-11-30T16:59:59Z'))).toBe('2026-12');
    expect(nextMonthInWib(new Date('2026-11-30T17:00:00Z'))).toBe('2027-01');
    expect(nextMonthInWib(new Date('2026-12-31T17:00:00Z'))).toBe('2027-02');
  });

  it("the suite runs in WIB whatever the caller's TZ (jest.config.js pins it, so `npx jest` and IDE runners match `npm test`)", () => {
    expect(process.env.TZ).toBe('Asia/Jakarta');
    expect(new Date(2026, 0, 1).getTimezoneOffset()).toBe(-420);
    expect(new Date(2026, 0, 1).toISOString()).toBe('2025-12-31T17:00:00.000Z');
  });
});
