/**
 * Tarif (DOMAIN §3): the tariff rows per component, in the order they applied. Rows are effective-dated
 * and never edited: a change is a row added (POST /api/v1/tariffs, ADMIN), which closes the open row of
 * its component the day before; a row with an end inside the open row's time is an interlude, after
 * which the open tariff resumes (the answer's `resumed`). A row from the same day as the component's last
 * row replaces it (with a reason) while the months it prices are open: the replaced row stays, struck
 * through, "Diganti oleh #N". Keuangan and Auditor read the table only.
 */
import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { componentLabel, currentMonth, dateLabel, dateTimeLabel, label, parseRupiah, PAYER_LABELS, rupiah, RUPIAH_HINT } from '../format.js';
import { field, form, showErrors, values, withFormProblems } from '../forms.js';
import { ROLE } from '../routes.js';
import { announce, busy, dataTable, errorNotice, focusResult, loading, notice, pageHeader, section } from '../ui.js';

export async function render(main, ctx) {
  const list = h('div');
  const manages = ctx.user.role === ROLE.ADMIN;
  const refresh = () => loadList(list, ctx);
  replace(
    main,
    pageHeader(
      'Tarif',
      `Besaran iuran per peserta per bulan menurut komponen. Iuran sebulan mengikuti tarif yang berlaku pada tanggal 1. Riwayat tidak pernah diubah: perubahan tarif dicatat sebagai baris baru.${manages ? '' : ' Hanya baca: tarif diatur oleh admin.'}`,
    ),
    manages ? section('Tambah baris tarif', addForm(refresh)) : null,
    section('Daftar tarif', list),
  );
  await refresh();
}

function addForm(refresh) {
  const submit = h('button', { type: 'submit', class: 'btn btn--primary' }, 'Simpan tarif');
  const out = h('div', { 'aria-live': 'polite' });
  return form(
    {
      label: 'Tambah baris tarif',
      onsubmit: (_e, el) =>
        busy(submit, async () => {
          replace(out);
          const { body, problems } = tariffRequest(values(el));
          try {
            const saved = await api('/api/v1/tariffs', { method: 'POST', json: body });
            replace(out, ...savedNotices(saved));
            announce('Tarif tersimpan.');
            focusResult(out.firstElementChild, el); // not left on the page's body by the disabled button (QA)
            for (const name of ['amount', 'validFrom', 'validTo', 'legalBasis', 'reason']) {
              const control = el.querySelector(`[name="${name}"]`);
              control.value = '';
              control.dispatchEvent(new Event('input')); // its "Dipilih: …" line goes with it
            }
            await refresh();
          } catch (err) {
            showErrors(el, withFormProblems(problems, err));
          }
        }),
    },
    h(
      'div',
      { class: 'form-grid' },
      field({ label: 'Komponen', name: 'component', required: true, value: 'IURAN', hint: 'Huruf besar, angka atau garis bawah, mis. IURAN atau BANTUAN_DAERAH', attrs: { autocomplete: 'off', autocapitalize: 'characters' } }),
      field({ label: 'Dibayar oleh', name: 'payer', required: true, value: 'LOCAL', options: Object.entries(PAYER_LABELS).map(([value, text]) => ({ value, label: text })) }),
      field({ label: 'Besaran per peserta per bulan (Rp)', name: 'amount', required: true, attrs: { inputmode: 'numeric', autocomplete: 'off' } }),
      field({ label: 'Berlaku mulai', name: 'validFrom', type: 'date', required: true }),
      field({ label: 'Berlaku sampai', name: 'validTo', type: 'date', hint: 'Kosongkan bila berlaku seterusnya' }),
      field({ label: 'Dasar hukum', name: 'legalBasis', required: true, hint: 'mis. Perpres 59/2024', attrs: { autocomplete: 'off' } }),
      field({ label: 'Alasan penggantian', name: 'reason', hint: 'Wajib bila Berlaku mulai sama dengan baris terakhir komponen ini, mis. "Salah ketik: seharusnya Rp36.000"', attrs: { autocomplete: 'off' } }),
    ),
    h('p', { class: 'hint', text: SUPERSEDE_HINT }),
    h('div', { class: 'actions' }, submit),
    out,
  );
}

/** What the form says of a row from the same day as the component's last row. */
export const SUPERSEDE_HINT =
  'Untuk memperbaiki baris terakhir suatu komponen (mis. salah ketik besaran), isi Berlaku mulai dengan tanggal yang sama dan tulis alasannya: ' +
  'baris baru menggantikannya selama bulan-bulan yang dihitung dengannya belum difinalisasi atau dibekukan. Baris yang diganti tetap tercatat, dicoret, dan tidak pernah dipakai.';

/**
 * The form's values as the API's body, and what the form itself cannot read (the amount: empty, or not
 * rupiah; left out, so the API names every other field's problem too, as on Pembayaran). Pure, tested.
 */
export function tariffRequest(v) {
  const amount = parseRupiah(v.amount);
  const problems = amount !== null ? [] : [{ field: 'amount', messages: [v.amount ? RUPIAH_HINT : 'Besaran wajib diisi.'] }];
  const body = { component: (v.component ?? '').toUpperCase(), payer: v.payer, validFrom: v.validFrom, legalBasis: v.legalBasis };
  if (amount !== null) body.amount = amount;
  body.validTo = v.validTo ? v.validTo : null;
  if (v.reason?.trim()) body.reason = v.reason.trim();
  return { body, problems };
}

/**
 * "Tarif IURAN Rp36.500 (1 Maret 2027 s.d. 31 Mei 2027) ditambahkan.", the row it replaced, and when the open tariff
 * resumes after it. Pure, tested.
 */
export function savedText(saved) {
  const replaced = saved.supersedes ? ` Baris ini menggantikan tarif #${saved.supersedes.id} (${rupiah(saved.supersedes.amount)}), yang kini tercatat sebagai diganti dan tidak pernah berlaku.` : '';
  const text = `Tarif ${saved.component} ${rupiah(saved.amount)} (${validityText(saved)}) ditambahkan.${replaced}`;
  const resumed = saved.resumed
    ? ` Tarif ${saved.resumed.component} yang berlaku sebelumnya (${rupiah(saved.resumed.amount)}, ${saved.resumed.legalBasis ?? 'dasar hukum sama'}) berlaku lagi mulai ${dateLabel(saved.resumed.validFrom)}: baris itu ditambahkan otomatis.`
    : '';
  return text + resumed;
}

function savedNotices(saved) {
  const warnings = Array.isArray(saved.warnings) ? saved.warnings : [];
  return [
    notice('success', savedText(saved)),
    warnings.length ? notice('warning', h('strong', { text: 'Perhatian: ' }), h('ul', {}, warnings.map((w) => h('li', { text: typeof w === 'string' ? w : w.message })))) : null,
  ];
}

/** "1 Maret 2027 s.d. 31 Mei 2027"; an open row "mulai 1 Januari 2021, seterusnya". */
export function validityText(t) {
  if (t.supersededBy) return `mulai ${dateLabel(t.validFrom)}, diganti sebelum berlaku`;
  return t.validTo ? `${dateLabel(t.validFrom)} s.d. ${dateLabel(t.validTo)}` : `mulai ${dateLabel(t.validFrom)}, seterusnya`;
}

/** Who recorded a row; the seeded rows' `system` in Indonesian (QA: the English word). Pure, tested. */
export function recorderText(createdBy) {
  return createdBy === 'system' ? 'sistem' : (createdBy ?? '–');
}

/**
 * Who ended a row, and when: the admin whose row after it closed it (`closedBy`, `closedAt`), a row
 * entered with its end, or an open row. QA: a closed row showed its end beside "Dicatat oleh system",
 * as if the seed had ended it. Pure, tested.
 */
export function closedText(t) {
  if (t.supersededBy) return `Diganti oleh #${t.supersededBy} (alasan: ${t.supersededReason ?? '–'})${t.closedBy ? `, ${recorderText(t.closedBy)}, ${dateTimeLabel(t.closedAt)}` : ''}`;
  if (t.closedBy) return `${recorderText(t.closedBy)}, ${dateTimeLabel(t.closedAt)} (baris berikutnya ditambahkan)`;
  return t.validTo ? 'tanggal akhir diisi saat dicatat' : '–';
}

/**
 * Under a component's rows: its last row, open ("seterusnya"), carries on into the months after its start, next year's
 * too, until a new row is added (QA, year end: nothing said that 2027 uses the amounts carried forward). Null when the
 * last row has an end. `month` is the current month (YYYY-MM). Pure, tested.
 */
export function carriedForwardText(component, items, month = currentMonth()) {
  const last = items.at(-1);
  if (!last || last.validTo) return null;
  const nextYear = Number(month.slice(0, 4)) + 1;
  const next = last.validFrom < `${nextYear}-01-01` ? `, termasuk tahun ${nextYear},` : '';
  const name = componentLabel(component);
  return `Baris terakhir ${name} (${rupiah(last.amount)}, mulai ${dateLabel(last.validFrom)}) berlaku seterusnya: iuran bulan-bulan sesudahnya${next} dihitung dengan besaran itu sampai ada baris tarif ${name} baru.`;
}

/** The rows grouped by component (IURAN first, then by name), each group in the order it applied. */
export function byComponent(rows) {
  const groups = new Map();
  for (const row of [...rows].sort((a, b) => a.validFrom.localeCompare(b.validFrom) || a.id - b.id)) {
    if (!groups.has(row.component)) groups.set(row.component, []);
    groups.get(row.component).push(row);
  }
  return [...groups.entries()].sort(([a], [b]) => (a === 'IURAN' ? -1 : b === 'IURAN' ? 1 : a.localeCompare(b)));
}

async function loadList(container, ctx) {
  replace(container, loading());
  try {
    const rows = await api('/api/v1/tariffs', { signal: ctx.signal });
    const groups = byComponent(rows);
    replace(
      container,
      groups.length
        ? groups.flatMap(([component, items]) => [
            // the components by name (QA: "Tarif BANTUAN_DAERAH"); every table the same column widths (tariff-table)
            dataTable({
              caption: `Tarif ${componentLabel(component)}`,
              className: 'tariff-table',
              columns: [
                { label: 'Berlaku mulai', value: (t) => dateLabel(t.validFrom) },
                { label: 'Berlaku sampai', value: (t) => (t.supersededBy ? 'tidak pernah berlaku' : t.validTo ? dateLabel(t.validTo) : 'seterusnya') },
                { label: 'Besaran', value: (t) => (t.supersededBy ? h('s', { text: rupiah(t.amount), title: `Diganti oleh #${t.supersededBy}` }) : rupiah(t.amount)), numeric: true },
                { label: 'Dibayar oleh', value: (t) => label(PAYER_LABELS, t.payer) },
                { label: 'Dasar hukum', value: (t) => t.legalBasis ?? '–', wrap: true },
                { label: 'Dicatat oleh', value: (t) => recorderText(t.createdBy) },
                { label: 'Dicatat pada', value: (t) => dateTimeLabel(t.createdAt) },
                { label: 'Diakhiri oleh', value: closedText, wrap: true },
              ],
              rows: items,
            }),
            carriedForwardText(component, items) ? h('p', { class: 'hint tariff-note', text: carriedForwardText(component, items) }) : null,
          ])
        : h('p', { class: 'empty', text: 'Belum ada tarif.' }),
    );
  } catch (err) {
    if (err?.name === 'AbortError') return;
    replace(container, errorNotice(err));
  }
}
