/**
 * Pembayaran's *Catat pembayaran* form (KEUANGAN): one payment (SP2D) by hand, its answer said under it, keyboard focus
 * moved to that answer. Split from pages/payments.js.
 */
import { api } from './api.js';
import { h, replace } from './dom.js';
import { compareCodes, monthLabel, parseRupiah, pledgeOptionLabel, rupiah, RUPIAH_HINT } from './format.js';
import { field, form, showErrors, values, withFormProblems } from './forms.js';
import { monthField } from './month-field.js';
import { announce, busy, focusResult, notice } from './ui.js';

export function paymentForm(pledges, month, refresh) {
  const submit = h('button', { type: 'submit', class: 'btn btn--primary' }, 'Simpan pembayaran');
  const out = h('div', { 'aria-live': 'polite' });
  const sorted = [...pledges].sort((a, b) => b.fiscalYear - a.fiscalYear || compareCodes(a.code, b.code));
  return form(
    {
      label: 'Catat pembayaran',
      onsubmit: (_e, el) =>
        busy(submit, async () => {
          replace(out);
          const v = values(el);
          const { body, problems } = paymentRequest(v);
          try {
            const saved = await api('/api/v1/payments', { method: 'POST', json: body });
            // accepted, but told (nothing due that month, a correction of a month without shortfall or larger than it): POST /payments' warnings
            replace(out, notice('success', paymentSavedText(saved, body)), ...(saved.warnings ?? []).map((w) => notice('warning', h('strong', { text: 'Peringatan: ' }), w.message)));
            announce('Pembayaran tersimpan.');
            // keyboard focus on the notice, not left on the page's body by the disabled button (QA)
            focusResult(out.firstElementChild, el);
            // the correction month too: left filled, the next payment was saved as a correction as well (QA)
            for (const name of ['amount', 'reference', 'adjustsMonth']) {
              const control = el.querySelector(`[name="${name}"]`);
              control.value = '';
              control.dispatchEvent(new Event('input')); // its "Dipilih: …" line goes with it
            }
            await refresh(v.month);
          } catch (err) {
            showErrors(el, withFormProblems(problems, err));
          }
        }),
    },
    h(
      'div',
      { class: 'form-grid' },
      pledgeField(sorted),
      monthField({ value: month, label: 'Bulan iuran' }),
      // not inputmode numeric: a phone's number pad has no minus, and a correction may give money back
      field({ label: 'Jumlah (Rp)', name: 'amount', required: true, hint: NEGATIVE_HINT, attrs: { autocomplete: 'off' } }),
      field({ label: 'Tanggal bayar', name: 'paidAt', type: 'date', required: true }),
      field({ label: 'Referensi (No. SP2D/bukti transfer)', name: 'reference', required: true, attrs: { autocomplete: 'off' } }),
      field({ label: 'Koreksi untuk bulan', name: 'adjustsMonth', type: 'month', hint: 'Hanya untuk koreksi bulan yang sudah difinalisasi atau dibekukan; jumlahnya boleh negatif untuk mengembalikan kelebihan bayar bulan itu' }),
    ),
    h('div', { class: 'actions' }, submit),
    out,
  );
}

/**
 * Komitmen across the form's width, so that the chosen pledge's funder reads in full (QA: "DESA-1703112010-2026 – Pem"
 * at 1366 px in a column of the grid).
 */
function pledgeField(sorted) {
  const element = field({
    label: 'Komitmen',
    name: 'pledgeCode',
    required: true,
    options: [{ value: '', label: sorted.length ? '(pilih komitmen)' : '(belum ada komitmen)' }, ...sorted.map((p) => ({ value: p.code, label: pledgeOptionLabel(p) }))],
  });
  element.classList.add('field--wide');
  return element;
}

/**
 * The form's values as the API's body, and what the form itself cannot read (the amount: empty, or not
 * rupiah). Such an amount is left out, so the API refuses the payment and names every other field's
 * problem too: all are shown at once (QA: the amount's hid the others until it was fixed). Pure, tested.
 */
export function paymentRequest(v) {
  const parsed = parseRupiah(v.amount);
  // negative only as a correction (Koreksi untuk bulan): money given back for an overpaid closed month
  const negative = parsed !== null && parsed < 0 && !v.adjustsMonth;
  const amount = negative ? null : parsed;
  const problems = amount !== null ? [] : [{ field: 'amount', messages: [negative ? NEGATIVE_WITHOUT_ADJUSTMENT : v.amount ? RUPIAH_HINT : 'Jumlah wajib diisi.'] }];
  const body = { pledgeCode: v.pledgeCode, month: v.month, paidAt: v.paidAt, reference: v.reference };
  if (amount !== null) body.amount = amount;
  if (v.adjustsMonth) body.adjustsMonth = v.adjustsMonth;
  return { body, problems };
}

/** Beside Jumlah: when it may be negative. */
const NEGATIVE_HINT = 'Negatif (mis. -22.680) hanya untuk koreksi yang mengembalikan kelebihan bayar: isi juga Koreksi untuk bulan.';

/** A negative Jumlah without Koreksi untuk bulan, said before anything is sent (the API refuses it too). */
export const NEGATIVE_WITHOUT_ADJUSTMENT = 'Jumlah negatif hanya untuk koreksi yang mengembalikan kelebihan bayar bulan yang sudah ditutup: isi Koreksi untuk bulan dengan bulan itu, atau tulis jumlah lebih dari 0.';

/**
 * "Pembayaran Rp1.000 untuk APBD-2026 (Desember 2026) tersimpan sebagai koreksi untuk November 2026."; a negative
 * correction: "Pengembalian Rp22.680 dari APBD-2026 (Desember 2026) tersimpan …". Pure, tested.
 */
export function paymentSavedText(saved, body) {
  const adjusts = saved.adjustsMonth ?? body.adjustsMonth;
  const amount = Number(saved.amount ?? body.amount);
  if (amount < 0) {
    return `Pengembalian ${rupiah(-amount)} dari ${saved.pledgeCode ?? body.pledgeCode} (${monthLabel(saved.month ?? body.month)}) tersimpan sebagai koreksi untuk ${monthLabel(adjusts)}.`;
  }
  return `Pembayaran ${rupiah(saved.amount ?? body.amount)} untuk ${saved.pledgeCode ?? body.pledgeCode} (${monthLabel(saved.month ?? body.month)}) tersimpan${adjusts ? ` sebagai koreksi untuk ${monthLabel(adjusts)}` : ''}.`;
}
