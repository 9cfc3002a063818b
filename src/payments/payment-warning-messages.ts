/** The Indonesian messages of the payment warnings (payment-warnings.ts). */
import { rupiah } from '../common/money.js';
import { dayInWib } from '../common/clock/clock.js';
import { dayName, monthName, monthNumberName } from '../common/month.js';
import type { PaymentStatus } from './payment-status.js';

/** A pledge-month with nothing due, and why when it is cheap to know (PLEDGE_MONTHS_NOTHING_DUE). */
export interface NothingDue {
  pledgeCode: string;
  month: string;
  fiscalYear: number;
  fromMonth: number;
  toMonth: number;
  allocation: 'CURRENT' | 'STALE' | null;
  outside: boolean;
  budget: string | null;
  budgetUsedUp: boolean;
  /** When and by whom the pledge was withdrawn (dicabut); null while it stands. */
  withdrawnAt: Date | string | null;
  withdrawnBy: string | null;
}

/**
 * What a month owed the pledge, what was paid for it (its payments, §8), and what corrections of it were
 * recorded so far (in later months): the figures a payment is judged by.
 */
export interface ShortfallFigures {
  due: number;
  paid: number;
  /** `paid` without the corrections of other months recorded in it: what the month's own payments paid. */
  ownPaid: number;
  corrected: number;
}

interface Payment {
  pledgeCode: string;
  month: string;
  adjustsMonth: string | null;
}

const OVERPAID_TAIL = 'pembayaran ini akan tercatat sebagai kelebihan bayar.';

/**
 * Where a correction's money is counted, output by output (QA: "tidak mengubah angka Desember 2026" while the pledge
 * statement and the year recap said December "Lebih bayar, termasuk koreksi …"): the payment status (§8, GET
 * /payments/status, the Pembayaran page and the run of that month) counts it in the month it is recorded in; the
 * statements (pledge, village, year recap: statement-month.ts) count it in the month it corrects. A negative one lowers
 * the paid there. `result`: what the corrected month then reads in the statements, when the warning knows it.
 */
const correctionTail = (p: Payment & { amount?: number }, result?: string) => {
  const recorded = monthName(p.month);
  const corrected = `${monthName(p.adjustsMonth!)}${result ? `, yang ${result}` : ''}`;
  return p.amount !== undefined && p.amount < 0
    ? `Koreksi ini mengurangi yang dibayar: di status pembayaran dan rekonsiliasi pada ${recorded}, bulan pencatatannya; di laporan komitmen, laporan desa dan rekap tahunan pada ${corrected}.`
    : `Pembayaran ini dihitung di status pembayaran dan rekonsiliasi pada ${recorded}, bulan pencatatannya; di laporan komitmen, laporan desa dan rekap tahunan pada ${corrected}.`;
};

/** NOTHING_DUE of `p` on r.month (the month it pays for: the corrected one for a correction). */
export function nothingDueMessage(r: NothingDue, p: Payment): string {
  const month = monthName(r.month);
  const correction = p.adjustsMonth !== null;
  if (r.withdrawnAt !== null) {
    // said first: why it owes nothing (QA: only "alokasi bulan itu tidak membebankan …", the form's Komitmen unmarked)
    const head = `Komitmen ${r.pledgeCode} sudah dicabut pada ${dayName(dayInWib(new Date(r.withdrawnAt)))} oleh ${r.withdrawnBy}; komitmen ini tidak menanggung iuran apa pun pada ${month}`;
    return correction ? `${head}, jadi tidak ada kekurangan yang dikoreksi. ${correctionTail(p)}` : `${head}; ${OVERPAID_TAIL}`;
  }
  if (r.allocation === null && !r.outside) {
    return (
      `Alokasi ${month} belum dihitung, jadi belum diketahui iuran apa yang ditanggung komitmen ${r.pledgeCode} pada bulan itu; ` +
      (correction
        ? `bila alokasinya tidak memberi komitmen ini iuran, tidak ada kekurangan yang dikoreksi. ${correctionTail(p)}`
        : `bila alokasinya tidak memberi komitmen ini iuran, ${OVERPAID_TAIL} Alokasi dihitung otomatis tanggal 1 pukul 02.00 WIB, atau jalankan alokasi bulan itu.`)
    );
  }
  const reason = r.outside
    ? `di luar bulan komitmen: ${pledgeMonths(r)}`
    : r.budgetUsedUp
      ? `pagunya ${rupiah(Number(r.budget))} sudah habis dialokasikan pada bulan-bulan sebelumnya`
      : 'alokasi bulan itu tidak membebankan iuran peserta mana pun kepadanya';
  const stale = r.allocation === 'STALE' && !r.outside ? ' menurut alokasi terakhir (akan dihitung ulang)' : '';
  const head = `Komitmen ${r.pledgeCode} tidak menanggung iuran apa pun pada ${month}${stale} (${reason})`;
  return correction ? `${head}, jadi tidak ada kekurangan yang dikoreksi. ${correctionTail(p)}` : `${head}; ${OVERPAID_TAIL}`;
}

/**
 * EXCEEDS_DUE: an ordinary payment that takes its month's own payments (the corrections of other months
 * recorded in it left out: they pay those months, QA) above what is due: what is due, what its own payments
 * already paid (and the corrections left out, when any), and by how much they go over after it.
 */
export function exceedsDueMessage(p: Payment & { amount: number }, f: ShortfallFigures): string {
  const others = f.paid - f.ownPaid;
  const corrections = others > 0 ? ` (koreksi bulan lain ${rupiah(others)} yang tercatat di bulan ini tidak dihitung)` : '';
  return (
    `Pembayaran ini melebihi yang terutang untuk ${monthName(p.month)}: ` +
    `terutang ${rupiah(f.due)}, sudah dibayar ${rupiah(f.ownPaid)}${corrections}, kelebihan ${rupiah(f.ownPaid + p.amount - f.due)}.`
  );
}

/** 'Januari–Juni 2026', or 'Maret 2026' for a pledge of one month. */
function pledgeMonths(r: NothingDue): string {
  const from = monthNumberName(r.fromMonth);
  return r.fromMonth === r.toMonth ? `${from} ${r.fiscalYear}` : `${from}–${monthNumberName(r.toMonth)} ${r.fiscalYear}`;
}

const STATUS_WORDS: Partial<Record<PaymentStatus, string>> = { PAID: 'lunas', OVERPAID: 'kelebihan bayar' };

/** NO_SHORTFALL: the corrected month's payments, with the corrections of it recorded before, cover what it owed. */
export function noShortfallMessage(p: Payment, f: ShortfallFigures, status: PaymentStatus): string {
  const adjusted = monthName(p.adjustsMonth!);
  const corrected = f.corrected ? `, koreksi sebelumnya ${rupiah(f.corrected)}` : '';
  return (
    `${adjusted} tidak kurang bayar untuk komitmen ${p.pledgeCode} (iuran ${rupiah(f.due)}, dibayar ${rupiah(f.paid)}${corrected}: ${STATUS_WORDS[status]}), ` +
    `jadi tidak ada kekurangan yang dikoreksi. ${correctionTail(p, 'menjadi lebih bayar')}`
  );
}

/** '(iuran Rp37.800, dibayar Rp20.000, koreksi sebelumnya Rp10.000': the corrected month's figures, the corrections of it recorded before named when any. */
const figuresSaid = (f: ShortfallFigures) => `iuran ${rupiah(f.due)}, dibayar ${rupiah(f.paid)}${f.corrected ? `, koreksi sebelumnya ${rupiah(f.corrected)}` : ''}`;

/**
 * EXCEEDS_SHORTFALL: a correction of a month still short, larger than what it lacks after its payments
 * and the corrections of it recorded before; says what it owed, what was paid and corrected, what was
 * still short, and by how much this correction goes over it, each named (QA: "melebihi kekurangan November 2026
 * sebesar Rp488.000" read as if Rp488.000 were the shortfall, while it was the excess).
 */
export function exceedsShortfallMessage(p: Payment & { amount: number }, f: ShortfallFigures): string {
  const adjusted = monthName(p.adjustsMonth!);
  const shortfall = f.due - f.paid - f.corrected;
  return (
    `Koreksi ${rupiah(p.amount)} untuk komitmen ${p.pledgeCode} melebihi kekurangan ${adjusted}: kekurangannya ${rupiah(shortfall)} (${figuresSaid(f)}), ` +
    `jadi koreksi ini lebih ${rupiah(p.amount - shortfall)} dari kekurangan itu. ${correctionTail(p)}`
  );
}

/**
 * EXCEEDS_OVERPAYMENT: a negative correction (money given back) of an overpaid month giving back more than it was
 * overpaid after its payments and the corrections of it recorded before; the mirror of EXCEEDS_SHORTFALL.
 */
export function exceedsOverpaymentMessage(p: Payment & { amount: number }, f: ShortfallFigures): string {
  const adjusted = monthName(p.adjustsMonth!);
  const overpaid = f.paid + f.corrected - f.due;
  return (
    `Koreksi ${rupiah(p.amount)} untuk komitmen ${p.pledgeCode} melebihi kelebihan bayar ${adjusted}: kelebihan bayarnya ${rupiah(overpaid)} (${figuresSaid(f)}), ` +
    `jadi koreksi ini mengembalikan ${rupiah(-p.amount - overpaid)} lebih banyak dari kelebihan bayar itu. ${correctionTail(p)}`
  );
}

const NOT_OVERPAID: Partial<Record<PaymentStatus, (f: ShortfallFigures) => string>> = {
  PAID: () => 'lunas',
  UNDERPAID: (f) => `kurang ${rupiah(f.due - f.paid - f.corrected)}`,
  UNPAID: () => 'belum dibayar',
};

/** NO_OVERPAYMENT: a negative correction (money given back) of a month whose payments and earlier corrections do not exceed what it owed. */
export function noOverpaymentMessage(p: Payment & { amount: number }, f: ShortfallFigures, status: PaymentStatus): string {
  const adjusted = monthName(p.adjustsMonth!);
  return (
    `${adjusted} tidak kelebihan bayar untuk komitmen ${p.pledgeCode} (${figuresSaid(f)}: ${NOT_OVERPAID[status]!(f)}), ` +
    `jadi tidak ada kelebihan bayar yang dikembalikan dengan koreksi ${rupiah(p.amount)} ini. ${correctionTail(p)}`
  );
}
