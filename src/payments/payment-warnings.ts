/**
 * Warnings of a payment that §8 accepts but the finance officer should hear about (QA: both were
 * accepted silently): nothing is due for the pledge in the month it counts toward (it shows as
 * OVERPAID), and a correction of a month that had no shortfall (it still counts toward its own
 * month). Shared by POST /payments (`warnings` of the answer) and the payment sheet (WARN findings
 * of its rows); read for all payments at once (sql/payment-warnings.sql.ts).
 */
import type { EntityManager } from 'typeorm';
import type { RowIssue } from '../reconciliation/uploads/row-issue.js';
import { rupiah } from '../common/money.js';
import { monthName, monthNumberName } from '../common/month.js';
import { paymentStatusOf, type PaymentStatus } from './payment-status.js';
import { ADJUSTED_MONTHS_DUE_AND_PAID, PLEDGE_MONTHS_NOTHING_DUE } from './sql/payment-warnings.sql.js';

export interface PaymentWarning {
  /** NOTHING_DUE on `month`; NO_SHORTFALL on `adjustsMonth`. */
  code: 'NOTHING_DUE' | 'NO_SHORTFALL';
  field: 'month' | 'adjustsMonth';
  message: string;
}

export interface WarnedPayment {
  pledgeCode: string;
  month: string;
  adjustsMonth: string | null;
}

interface NothingDue {
  pledgeCode: string;
  month: string;
  fiscalYear: number;
  fromMonth: number;
  toMonth: number;
  allocation: 'CURRENT' | 'STALE' | null;
  outside: boolean;
  budget: string | null;
  budgetUsedUp: boolean;
}

const key = (pledgeCode: string, month: string) => `${pledgeCode}\u0000${month}`;

/** The warnings of each payment, in the order given (an empty list for one without). Two statements, whatever the count. */
export async function paymentWarnings(m: EntityManager, payments: readonly WarnedPayment[]): Promise<PaymentWarning[][]> {
  if (!payments.length) return [];
  const nothingDue = new Map<string, NothingDue>(
    ((await m.query(PLEDGE_MONTHS_NOTHING_DUE, [payments.map((p) => p.pledgeCode), payments.map((p) => p.month)])) as NothingDue[]).map((r) => [key(r.pledgeCode, r.month), r]),
  );
  const corrections = payments.filter((p) => p.adjustsMonth);
  const adjusted = new Map<string, { due: number; paid: number }>();
  if (corrections.length) {
    const rows: { pledgeCode: string; month: string; due: string; paid: string }[] = await m.query(ADJUSTED_MONTHS_DUE_AND_PAID, [
      corrections.map((p) => p.pledgeCode),
      corrections.map((p) => p.adjustsMonth),
    ]);
    for (const r of rows) adjusted.set(key(r.pledgeCode, r.month), { due: Number(r.due), paid: Number(r.paid) });
  }
  return payments.map((p) => {
    const warnings: PaymentWarning[] = [];
    const none = nothingDue.get(key(p.pledgeCode, p.month));
    if (none) warnings.push({ code: 'NOTHING_DUE', field: 'month', message: nothingDueMessage(none) });
    const corrected = p.adjustsMonth ? adjusted.get(key(p.pledgeCode, p.adjustsMonth)) : undefined;
    const status = corrected && paymentStatusOf(corrected.due, corrected.paid);
    if (corrected && (status === 'PAID' || status === 'OVERPAID')) {
      warnings.push({ code: 'NO_SHORTFALL', field: 'adjustsMonth', message: noShortfallMessage(p, corrected, status) });
    }
    return warnings;
  });
}

/** The sheet column of each warned field. */
const SHEET_COLUMN = { month: 'BULAN', adjustsMonth: 'PENYESUAIAN_BULAN' } as const;

/** A warning as a sheet row's finding (severity WARN), on the column of its field. */
export function warningIssue(w: PaymentWarning): Omit<RowIssue, 'row'> {
  return { column: SHEET_COLUMN[w.field], severity: 'WARN', code: w.code, message: w.message };
}

const OVERPAID_TAIL = 'pembayaran ini akan tercatat sebagai kelebihan bayar.';

function nothingDueMessage(r: NothingDue): string {
  const month = monthName(r.month);
  if (r.allocation === null && !r.outside) {
    return (
      `Alokasi ${month} belum dihitung, jadi belum diketahui iuran apa yang ditanggung komitmen ${r.pledgeCode} pada bulan itu; ` +
      'bila alokasinya tidak memberi komitmen ini iuran, pembayaran ini akan tercatat sebagai kelebihan bayar. ' +
      'Alokasi dihitung otomatis tanggal 1 pukul 02.00 WIB, atau jalankan alokasi bulan itu.'
    );
  }
  const reason = r.outside
    ? `di luar bulan komitmen: ${pledgeMonths(r)}`
    : r.budgetUsedUp
      ? `pagunya ${rupiah(Number(r.budget))} sudah habis dialokasikan pada bulan-bulan sebelumnya`
      : 'alokasi bulan itu tidak membebankan iuran peserta mana pun kepadanya';
  const stale = r.allocation === 'STALE' && !r.outside ? ' menurut alokasi terakhir (akan dihitung ulang)' : '';
  return `Komitmen ${r.pledgeCode} tidak menanggung iuran apa pun pada ${month}${stale} (${reason}); ${OVERPAID_TAIL}`;
}

/** 'Januari–Juni 2026', or 'Maret 2026' for a pledge of one month. */
function pledgeMonths(r: NothingDue): string {
  const from = monthNumberName(r.fromMonth);
  return r.fromMonth === r.toMonth ? `${from} ${r.fiscalYear}` : `${from}–${monthNumberName(r.toMonth)} ${r.fiscalYear}`;
}

const STATUS_WORDS: Partial<Record<PaymentStatus, string>> = { PAID: 'lunas', OVERPAID: 'kelebihan bayar' };

function noShortfallMessage(p: WarnedPayment, m: { due: number; paid: number }, status: PaymentStatus): string {
  const adjusted = monthName(p.adjustsMonth!);
  return (
    `${adjusted} tidak kurang bayar untuk komitmen ${p.pledgeCode} (iuran ${rupiah(m.due)}, dibayar ${rupiah(m.paid)}: ${STATUS_WORDS[status]}), ` +
    `jadi tidak ada kekurangan yang dikoreksi. Pembayaran ini tetap dihitung pada bulan iurannya sendiri, ${monthName(p.month)}, ` +
    `dan tidak mengubah angka ${adjusted}.`
  );
}
