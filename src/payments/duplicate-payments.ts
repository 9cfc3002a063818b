import type { EntityManager } from 'typeorm';
import { collapsedText } from '../common/text.js';
import { LOCK_PLEDGES_FOR_PAYMENT, RECORDED_ALREADY } from './sql/duplicate-payments.sql.js';

export interface PaymentKey {
  pledgeCode: string;
  month: string;
  reference: string;
}

/**
 * A reference as stored and compared: as it shows (visibleText), each run of spaces inside it one
 * space ("SP2D  1001/LS/2026", two spaces or a tab, is the SP2D of "SP2D 1001/LS/2026"; QA), a
 * non-breaking space (U+00A0, pasted from a web page or a PDF) and NEL among them (collapsedText). A payment
 * sheet's row report repeats REFERENSI so too (upload-payments.use-case.ts; until 2026-12 it kept the NBSP
 * inside the reference that the stored one had not).
 */
export const paymentReference = (text: string) => collapsedText(text);

/** The longest reference POST /payments takes (@MaxLength of its DTO), and a payment sheet's REFERENSI. */
export const REFERENCE_MAX = 200;

/**
 * The key two entries of the same payment share: the reference without case or any space (QA:
 * "SP2D / DUP / 9" was recorded beside "SP2D/DUP/9", paying the month twice; an SP2D number is
 * written both ways). RECORDED_ALREADY compares stored references the same way.
 */
export const paymentKey = (p: PaymentKey) => `${p.pledgeCode}\u0000${p.month}\u0000${referenceKey(p.reference)}`;

export const referenceKey = (reference: string) => paymentReference(reference).replace(/ /g, '').toLowerCase();

/**
 * A payment recorded already, as a repeat of it is compared with it: its id, amount (rupiah), paid day (`YYYY-MM-DD`),
 * the month it is recorded in and the month it corrects (null for none): a correction repeating the payment of the
 * month it corrects is recorded in another month (RECORDED_ALREADY).
 */
export interface RecordedPayment {
  id: string;
  amount: number;
  paidAt: string;
  month: string;
  adjustsMonth: string | null;
}

/** A payment as RECORDED_ALREADY looks it up: its key, and the month it corrects (none when left out). */
export type PaymentCandidate = PaymentKey & { adjustsMonth?: string | null };

/**
 * Locks the pledges of `payments` for the rest of the transaction (so two requests cannot both
 * record the same payment), then answers which of them are recorded already: position → the recorded one.
 */
export async function recordedAlready(m: EntityManager, payments: readonly PaymentCandidate[]): Promise<Map<number, RecordedPayment>> {
  if (!payments.length) return new Map();
  await m.query(LOCK_PLEDGES_FOR_PAYMENT, [[...new Set(payments.map((p) => p.pledgeCode))]]);
  const rows: { position: number; id: string; amount: string; paidAt: string; month: string; adjustsMonth: string | null }[] = await m.query(RECORDED_ALREADY, [
    payments.map((p) => p.pledgeCode),
    payments.map((p) => p.month),
    payments.map((p) => p.reference),
    payments.map((p) => p.adjustsMonth ?? null),
  ]);
  return new Map(
    rows.map((r) => [r.position - 1, { id: r.id, amount: Number(r.amount), paidAt: r.paidAt.slice(0, 10), month: r.month, adjustsMonth: r.adjustsMonth ?? null }]),
  );
}
