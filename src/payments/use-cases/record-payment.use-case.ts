import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, dayInWib } from '../../common/clock/clock.js';
import { lockMonthInput, MONTH_INPUT } from '../../periods/month-input-locks.js';
import { ClosedMonths } from '../../periods/closed-months.service.js';
import { paymentReference, recordedAlready } from '../duplicate-payments.js';
import { Payment } from '../entities/payment.entity.js';
import { paidDayInWib } from '../paid-at.js';
import { adjustsOpenMonth, paidBeforeYearAllowed, paymentTermsProblems } from '../payment-row.validator.js';
import { PaymentException } from '../payments.exception.js';
import { storedPledgeCode } from '../../funding/pledges/pledge-code.js';
import type { FieldProblem } from '../../common/errors/field-problem.js';
import type { SoundPaymentFields } from '../payment-body.js';
import { closedMonthPaymentAdvice, type CommonException } from '../../common/errors/common.exception.js';
import { type PaymentWarning, paymentWarnings } from '../payment-warnings.js';

/** The API field of each sheet column paymentTermsProblems names. */
const API_FIELD = { BULAN: 'month', PENYESUAIAN_BULAN: 'adjustsMonth', TANGGAL_BAYAR: 'paidAt' } as const;

export interface RecordPaymentCommand {
  pledgeCode: string;
  month: string;
  amount: number;
  paidAt: string;
  reference: string;
  adjustsMonth?: string | null;
  actor: string;
}

export interface PaymentView {
  id: string;
  pledgeCode: string;
  month: string;
  amount: number;
  paidAt: string;
  reference: string;
  adjustsMonth: string | null;
  createdBy: string;
  /** When it was recorded (ISO). */
  createdAt: string | null;
  /** The payment sheet it was recorded from, and that file's name; null for one recorded on its own. */
  uploadId: string | null;
  uploadFilename: string | null;
}

/** The answer of POST /payments: the payment, and what §8 accepts but the finance officer should hear (payment-warnings.ts). */
export interface RecordedPaymentView extends PaymentView {
  warnings: PaymentWarning[];
}

export function toPaymentView(p: Payment, uploadFilename: string | null = null): PaymentView {
  return {
    id: p.id,
    pledgeCode: p.pledgeCode,
    month: p.month,
    amount: Number(p.amount),
    paidAt: p.paidAt,
    reference: p.reference,
    adjustsMonth: p.adjustsMonth,
    createdBy: p.createdBy,
    createdAt: p.createdAt ? new Date(p.createdAt).toISOString() : null,
    uploadId: p.uploadId ?? null,
    uploadFilename: p.uploadId ? uploadFilename : null,
  };
}

/** The views of `payments`, each with the name of the sheet it was recorded from (one query for them all). */
export async function paymentViews(m: EntityManager, payments: readonly Payment[]): Promise<PaymentView[]> {
  const ids = [...new Set(payments.map((p) => p.uploadId).filter((id): id is string => Boolean(id)))];
  const names = new Map<string, string>(
    ids.length ? ((await m.query('SELECT id, filename FROM payment_upload WHERE id = ANY($1::uuid[])', [ids])) as { id: string; filename: string }[]).map((u) => [u.id, u.filename]) : [],
  );
  return payments.map((p) => toPaymentView(p, p.uploadId ? (names.get(p.uploadId) ?? null) : null));
}

/**
 * Records one payment (DOMAIN §8), once: a payment recorded already (RECORDED_ALREADY, a correction carrying the SP2D
 * of the month it corrects too) is DUPLICATE_PAYMENT, told before the month is judged. The pledge must exist and the month must be open (§9): neither finalized
 * nor frozen by a later finalized month of its year (ClosedMonths.closedBy). A correction for a closed month is recorded in an open month with `adjustsMonth` naming the
 * month it corrects; it counts toward the open month it is recorded in, and is warned about as the
 * payment of the month it corrects (payment-warnings.ts).
 */
@Injectable()
export class RecordPayment {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ClosedMonths) private readonly closedMonths: ClosedMonths,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async execute(command: RecordPaymentCommand, manager?: EntityManager): Promise<RecordedPaymentView> {
    if (manager) return this.record(command, manager);
    return this.dataSource.transaction((m) => this.record(command, m));
  }

  /** Checks everything except existence of the pledge and closed months (pure). */
  static validate(command: RecordPaymentCommand): string {
    const day = paidDayInWib(command.paidAt);
    if (!day) throw PaymentException.invalidPaidAt(command.paidAt);
    if (command.adjustsMonth && command.adjustsMonth >= command.month) throw PaymentException.invalidAdjustment(command.month, command.adjustsMonth);
    return day;
  }

  /**
   * What the sound fields of a request whose other fields failed validation break (readPaymentBody):
   * an unknown pledge, a finalized month, a correction of a later month, and the terms, each as the
   * form shows it beside its field.
   */
  async problemsOf(sound: SoundPaymentFields): Promise<FieldProblem[]> {
    const m = this.dataSource.manager;
    const problems: { field: string; message: string }[] = [];
    let fiscalYear: number | null = null;
    let sourceType: string | null = null;
    if (sound.pledgeCode !== undefined) {
      const [pledge] = await m.query('SELECT fiscal_year, source_type FROM pledge WHERE code = $1', [sound.pledgeCode]);
      if (pledge) [fiscalYear, sourceType] = [pledge.fiscal_year, pledge.source_type];
      else problems.push({ field: 'pledgeCode', message: PaymentException.pledgeNotFound(sound.pledgeCode, await storedPledgeCode(m, sound.pledgeCode)).message });
    }
    const closed = sound.month ? await this.monthClosed(sound.month, m, sound.adjustsMonth) : null;
    if (closed) problems.push({ field: 'month', message: closed.message });
    if (sound.month && sound.adjustsMonth && sound.adjustsMonth >= sound.month) {
      problems.push({ field: 'adjustsMonth', message: PaymentException.invalidAdjustment(sound.month, sound.adjustsMonth).message });
    }
    problems.push(...(await this.termsProblems(sound, fiscalYear, sourceType, m)));
    const fields = [...new Set(problems.map((p) => p.field))];
    return fields.map((field) => ({ field, messages: problems.filter((p) => p.field === field).map((p) => p.message) }));
  }

  /**
   * MONTH_CLOSED when `month` is closed (ClosedMonths.paymentMonthClosed: finalized, or frozen by a later finalized
   * month of its year, which takes no payment of its own either), naming the open month to record it in as its
   * correction, with `details.field` `month`: the console shows it beside Bulan iuran, the field to change (QA). Null
   * for an open month.
   */
  private monthClosed(month: string, m: EntityManager, adjustsMonth?: string | null): Promise<CommonException | null> {
    const corrects = adjustsMonth && adjustsMonth < month ? adjustsMonth : null; // kept: the month it corrects stays (QA)
    return this.closedMonths.paymentMonthClosed(month, m, (open) => closedMonthPaymentAdvice(month, open, corrects), dayInWib(this.clock.now()).slice(0, 7), 'month');
  }

  /** The terms of §8 the known fields break (paymentTermsProblems), and a correction of a month still open. */
  private async termsProblems(p: SoundPaymentFields, fiscalYear: number | null, sourceType: string | null, m: EntityManager) {
    const problems = paymentTermsProblems(p, fiscalYear, dayInWib(this.clock.now()), paidBeforeYearAllowed(sourceType)).map((term) => ({ field: API_FIELD[term.column], message: term.message }));
    if (p.adjustsMonth && !(await this.closedMonths.closedBy(m)).has(p.adjustsMonth)) {
      problems.push({ field: 'adjustsMonth', message: adjustsOpenMonth(p.adjustsMonth) });
    }
    return problems;
  }

  private async record(command: RecordPaymentCommand, m: EntityManager): Promise<RecordedPaymentView> {
    const paidAt = RecordPayment.validate(command);
    const [pledge] = await m.query('SELECT code, fiscal_year, source_type FROM pledge WHERE code = $1', [command.pledgeCode]);
    if (!pledge) throw PaymentException.pledgeNotFound(command.pledgeCode, await storedPledgeCode(m, command.pledgeCode));
    const now = this.clock.now();
    // every broken term at once, so the form shows each next to its field in one answer (QA)
    const problems = await this.termsProblems({ month: command.month, adjustsMonth: command.adjustsMonth ?? null, paidAt }, pledge.fiscal_year, pledge.source_type, m);
    if (problems.length) throw PaymentException.outsideTerms(problems);
    await lockMonthInput(m, MONTH_INPUT.PAYMENTS, [command.month]); // finalize waits for it, or it for finalize
    // the key as it is stored and compared (btrim in SQL would keep tabs, non-breaking and zero-width spaces)
    const reference = paymentReference(command.reference);
    const adjustsMonth = command.adjustsMonth ?? null;
    const [recorded] = [...(await recordedAlready(m, [{ ...command, reference, adjustsMonth }])).values()];
    const closed = await this.monthClosed(command.month, m, adjustsMonth);
    // a recorded payment sent again is told so before its month is judged: MONTH_CLOSED would advise recording it as a
    // correction in an open month, and it would count twice (QA)
    if (recorded) throw PaymentException.duplicate({ pledgeCode: command.pledgeCode, month: command.month, reference, amount: command.amount, paidAt, adjustsMonth }, recorded, closed !== null);
    if (closed) throw closed;
    // read before it is stored, as a sheet's rows are: a correction's "earlier corrections" are not itself
    const [warnings] = await paymentWarnings(m, [{ ...command, paidAt, adjustsMonth: command.adjustsMonth ?? null }]);
    const saved = await m.save(
      m.create(Payment, {
        pledgeCode: command.pledgeCode,
        month: command.month,
        amount: String(command.amount),
        paidAt,
        reference,
        adjustsMonth: command.adjustsMonth ?? null,
        createdBy: command.actor,
        createdAt: now,
      }),
    );
    const [row] = await m.find(Payment, { where: { id: saved.id } });
    return { ...toPaymentView(row), warnings };
  }
}
