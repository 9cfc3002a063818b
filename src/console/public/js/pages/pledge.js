/**
 * One pledge: its terms, compliance warnings, revision history, and (KEUANGAN) a revision form and a withdrawal
 * (Cabut komitmen); a withdrawn pledge says so and offers its reinstatement (Pulihkan komitmen) instead.
 */
import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { dateTimeLabel, FUND_LABELS, label, MONTH_NAMES, monthLabel, monthsLabel, number, rupiah, SCOPE_LABELS, SOURCE_TYPE_LABELS } from '../format.js';
import { field, form, showErrors, values, withFormProblems } from '../forms.js';
import { monthFinalized } from '../month-field.js';
import { canWriteFinance, hashFor } from '../routes.js';
import { busy, confirmStep, dataTable, errorNotice, notice, pageHeader, section } from '../ui.js';
import { villageName } from '../villages.js';
import { pledgeFields, pledgeRequestFromForm } from './pledge-form.js';

export async function render(main, ctx) {
  const code = ctx.params.code;
  const back = h('p', { class: 'back' }, h('a', { href: '#/komitmen', text: '‹ Daftar komitmen' }));
  let pledge;
  try {
    pledge = await api(`/api/v1/pledges/${encodeURIComponent(code)}`, { signal: ctx.signal });
  } catch (err) {
    if (err?.name === 'AbortError') return;
    return replace(main, back, pageHeader(`Komitmen ${code}`), errorNotice(err));
  }
  const flash = sessionStorage.getItem('jamkesda.notice');
  sessionStorage.removeItem('jamkesda.notice');
  const told = JSON.parse(sessionStorage.getItem(SAVED_WARNINGS) ?? '[]');
  sessionStorage.removeItem(SAVED_WARNINGS);
  const revisions = h('div');
  // a year whose December is finalized is closed: its pledges can no longer be revised (the API's 409), said before
  // anyone fills the form in (QA: the form was offered and refused on submit)
  const yearClosed = canWriteFinance(ctx.user.role) && (await monthFinalized(`${pledge.fiscalYear}-12`, ctx.signal));
  const writes = canWriteFinance(ctx.user.role) && !yearClosed;
  replace(
    main,
    back,
    pageHeader(`Komitmen ${pledge.code}`, pledge.funder),
    flash ? notice('success', flash) : null,
    pledge.withdrawn ? notice('error', withdrawnText(pledge)) : null,
    ...told.map((message) => notice('warning', h('strong', { text: 'Periksa: ' }), message)),
    ...(pledge.warnings ?? []).map((w) => notice('warning', h('strong', { text: 'Peringatan kepatuhan: ' }), w.message)),
    section('Ketentuan', terms(pledge, await villageNames(pledge.villageCodes))),
    section('Riwayat revisi', revisions),
    yearClosed ? section('Ubah komitmen (revisi)', notice('info', yearClosedText(pledge.fiscalYear))) : null,
    writes && !pledge.withdrawn ? section('Ubah komitmen (revisi)', h('p', { class: 'hint', text: 'Perubahan disimpan sebagai revisi baru beserta alasannya; revisi lama tetap tersimpan.' }), await reviseForm(pledge, ctx)) : null,
    writes && !pledge.withdrawn ? section('Cabut komitmen', h('p', { class: 'hint', text: WITHDRAW_HINT }), withdrawalForm(pledge, ctx, 'withdraw')) : null,
    writes && pledge.withdrawn ? section('Pulihkan komitmen', h('p', { class: 'hint', text: REINSTATE_HINT }), withdrawalForm(pledge, ctx, 'reinstate')) : null,
  );
  try {
    const rows = await api(`/api/v1/pledges/${encodeURIComponent(code)}/revisions`, { signal: ctx.signal });
    replace(
      revisions,
      dataTable({
        caption: 'Revisi (terbaru di atas)',
        columns: [
          { label: 'Revisi', key: 'revision', numeric: true },
          { label: 'Waktu', value: (r) => dateTimeLabel(r.changedAt) },
          { label: 'Oleh', key: 'changedBy' },
          { label: 'Alasan', value: (r) => r.reason ?? (r.revision === 1 ? 'Pencatatan awal' : '–'), wrap: true },
          { label: 'Yang berubah', value: (r) => r.changed, wrap: true },
          { label: 'Pagu', value: (r) => (r.pledge?.budget === null || r.pledge?.budget === undefined ? '–' : rupiah(r.pledge.budget)), numeric: true },
          { label: 'Kuota', value: (r) => (r.pledge?.quota ? number(r.pledge.quota) : '–'), numeric: true },
          { label: 'Porsi', value: (r) => (r.pledge?.sharePercent ? `${r.pledge.sharePercent}%` : '–'), numeric: true },
        ],
        rows: withChanges(rows).sort((a, b) => b.revision - a.revision),
        empty: 'Belum ada revisi.',
      }),
    );
  } catch (err) {
    if (err?.name === 'AbortError') return;
    replace(revisions, errorNotice(err));
  }
}

/**
 * A pledge's terms by the labels of its page (Ketentuan, the revision form), in the order shown there:
 * what a revision changed is said in these words.
 */
export const TERM_LABELS = {
  funder: 'Pemberi dana',
  sourceType: 'Sumber dana',
  fund: 'Jenis dana desa',
  fromMonth: 'Dari bulan',
  toMonth: 'Sampai bulan',
  scope: 'Cakupan',
  villageCodes: 'Desa yang ditanggung',
  niks: 'NIK yang ditanggung',
  sharePercent: 'Porsi',
  quota: 'Kuota',
  budget: 'Pagu',
  priority: 'Prioritas',
  legalBasis: 'Dasar hukum',
};

/**
 * The terms (labels) in which the snapshot `after` differs from `before`, the revision just before it:
 * "Dasar hukum, Dari bulan". A term the page does not know is said by its API name. Pure, tested.
 */
export function changedTermLabels(before, after) {
  return changedTermKeys(before, after).map((k) => TERM_LABELS[k] ?? k);
}

/** The terms (API names) in which `after` differs from `before`, in TERM_LABELS' order. */
function changedTermKeys(before, after) {
  const same = (a, b) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  const keys = [...new Set([...Object.keys(TERM_LABELS), ...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter((k) => k !== 'code' && k !== 'fiscalYear');
  return keys.filter((k) => !same(before?.[k], after?.[k]));
}

/** The terms whose old and new values the revision table says beside the label: the source and the village fund. */
const VALUE_LABELS = { sourceType: SOURCE_TYPE_LABELS, fund: FUND_LABELS };

/**
 * changedTermLabels, the source and the village fund with their old and new values: "Jenis dana desa: Dana Desa →
 * Alokasi Dana Desa" (QA: "Jenis dana desa" alone did not say the months before were paid from Dana Desa). Pure, tested.
 */
export function changedTermTexts(before, after) {
  const value = (k, v) => (v === null || v === undefined ? '–' : label(VALUE_LABELS[k], v));
  return changedTermKeys(before, after).map((k) => (k in VALUE_LABELS ? `${TERM_LABELS[k]}: ${value(k, before?.[k])} → ${value(k, after?.[k])}` : (TERM_LABELS[k] ?? k)));
}

/**
 * The revisions (GET …/revisions, each with its full snapshot `pledge`) each with `changed`: what differs
 * from the revision before it, so a revision of the legal basis or the months does not read like its
 * neighbours (QA: only pagu, kuota and porsi were shown). The first: "–" (pencatatan awal).
 */
function withChanges(rows) {
  const ordered = [...rows].sort((a, b) => a.revision - b.revision);
  return ordered.map((r, i) => {
    if (i === 0 || !r.pledge || !ordered[i - 1].pledge) return { ...r, changed: r.withdrawn ? 'Dicabut' : '–' };
    if (Boolean(r.withdrawn) !== Boolean(ordered[i - 1].withdrawn)) return { ...r, changed: r.withdrawn ? 'Dicabut' : 'Dipulihkan' };
    const labels = changedTermTexts(ordered[i - 1].pledge, r.pledge);
    return { ...r, changed: labels.length ? labels.join(', ') : 'Tidak ada' };
  });
}

async function villageNames(codes) {
  const names = [];
  for (const code of codes ?? []) names.push(await villageName(code));
  return names;
}

function terms(p, villages) {
  const item = (dt, dd) => [h('dt', { text: dt }), h('dd', {}, dd ?? '–')];
  return h(
    'dl',
    { class: 'facts' },
    item('Sumber dana', `${label(SOURCE_TYPE_LABELS, p.sourceType)}${p.fund ? ` – ${label(FUND_LABELS, p.fund)}` : ''}`),
    item('Tahun anggaran', String(p.fiscalYear)),
    item('Bulan', `${MONTH_NAMES[p.fromMonth - 1]} – ${MONTH_NAMES[p.toMonth - 1]}`),
    item('Cakupan', label(SCOPE_LABELS, p.scope)),
    p.scope === 'VILLAGES' ? item('Desa', villages.join('; ')) : null,
    p.scope === 'RESIDENTS' ? item('NIK', p.niks.map((nik) => h('a', { href: hashFor(`/peserta/${nik}`), text: `${nik} ` }))) : null,
    item('Porsi per iuran', `${p.sharePercent}%`),
    item('Kuota per bulan', p.quota ? `${number(p.quota)} peserta` : 'Tanpa kuota'),
    item('Pagu setahun', p.budget === null ? 'Tanpa pagu' : rupiah(p.budget)),
    item('Prioritas', String(p.priority)),
    item('Dasar hukum', p.legalBasis),
    item('Revisi', `${p.revision}${p.updatedAt ? ` (${dateTimeLabel(p.updatedAt)})` : ''}`),
    h('dt', { text: 'Alokasi' }),
    h('dd', {}, h('a', { href: hashFor('/alokasi', { pledgeCode: p.code }), text: 'Lihat pembagian iuran komitmen ini' })),
  );
}

async function reviseForm(pledge, ctx) {
  const submit = h('button', { type: 'submit', class: 'btn btn--primary' }, 'Simpan revisi');
  return form(
    {
      label: 'Revisi komitmen',
      onsubmit: (_e, f) =>
        busy(submit, async () => {
          const { body: terms, problems } = pledgeRequestFromForm(f, 'revise');
          try {
            const body = changedTerms(terms, pledge);
            if (Object.keys(body).length === 1) throw { message: 'Tidak ada ketentuan yang diubah: ubah minimal satu isian selain alasan revisi.' };
            // the revision the form was loaded at: another officer's revision since is refused (409), not overwritten
            const saved = await api(`/api/v1/pledges/${encodeURIComponent(pledge.code)}`, { method: 'PATCH', json: { ...body, expectedRevision: pledge.revision } });
            sessionStorage.setItem('jamkesda.notice', `Revisi ${saved.revision} tersimpan.${untouchedMonthsText(saved)}`);
            rememberSavedWarnings(saved);
            ctx.navigate(`/komitmen/${encodeURIComponent(pledge.code)}`);
          } catch (err) {
            showErrors(f, withFormProblems(problems, err));
            offerReload(f, err, pledge, ctx);
          }
        }),
    },
    await pledgeFields(pledge, 'revise'),
    h('div', { class: 'actions' }, submit),
  );
}

const WITHDRAW_HINT =
  'Untuk komitmen yang dicatat karena keliru, mis. komitmen ganda. Komitmen yang dicabut tetap tersimpan beserta riwayatnya, tetapi tidak ikut dialokasikan pada bulan yang belum difinalisasi; bulan yang sudah difinalisasi dan pembayaran yang sudah dicatat tetap. Dapat dipulihkan kembali.';
const REINSTATE_HINT = 'Komitmen yang dipulihkan ikut dialokasikan lagi pada bulan yang belum difinalisasi. Pemulihan disimpan sebagai revisi baru beserta alasannya.';

/** Said at the top of a withdrawn pledge's page. Pure, tested. */
export function withdrawnText(pledge) {
  const when = pledge.withdrawnAt ? ` pada ${dateTimeLabel(pledge.withdrawnAt)}` : '';
  const who = pledge.withdrawnBy ? ` oleh ${pledge.withdrawnBy}` : '';
  return `Komitmen ini dicabut${when}${who}: tidak ikut dialokasikan pada bulan yang belum difinalisasi.`;
}

/**
 * Cabut komitmen (`withdraw`) or Pulihkan komitmen (`reinstate`): a reason, then asked twice (confirmStep); a refused
 * reason is shown beside its field. Saved: the page again, with what was done and the months it did not change.
 */
function withdrawalForm(pledge, ctx, action) {
  const withdraw = action === 'withdraw';
  const el = form(
    { label: withdraw ? 'Cabut komitmen' : 'Pulihkan komitmen', onsubmit: () => undefined },
    field({ label: withdraw ? 'Alasan pencabutan' : 'Alasan pemulihan', name: 'reason', required: true, multiline: true, hint: withdraw ? 'Mis. Komitmen ganda: sudah dicatat sebagai APBD-2026' : 'Mis. Bukan komitmen ganda: dicabut karena keliru' }),
    confirmStep({
      askText: withdraw ? 'Cabut komitmen…' : 'Pulihkan komitmen…',
      yesText: withdraw ? `Ya, cabut ${pledge.code}` : `Ya, pulihkan ${pledge.code}`,
      warning: withdraw
        ? `Cabut komitmen ${pledge.code}? Bulan yang belum difinalisasi dihitung ulang tanpa komitmen ini.`
        : `Pulihkan komitmen ${pledge.code}? Bulan yang belum difinalisasi dihitung ulang bersama komitmen ini.`,
      onConfirm: async () => {
        const saved = await api(`/api/v1/pledges/${encodeURIComponent(pledge.code)}/${action}`, { method: 'POST', json: { reason: values(el).reason ?? '', expectedRevision: pledge.revision } });
        sessionStorage.setItem('jamkesda.notice', `${withdraw ? 'Komitmen dicabut' : 'Komitmen dipulihkan'} (revisi ${saved.revision}).${untouchedMonthsText(saved)}`);
        rememberSavedWarnings(saved);
        ctx.navigate(`/komitmen/${encodeURIComponent(pledge.code)}`);
      },
      onError: (err) => {
        showErrors(el, err);
        offerReload(el, err, pledge, ctx);
      },
    }),
  );
  return el;
}

/**
 * A change refused because another officer revised the pledge since the page was loaded (409 REVISION_CONFLICT, its
 * message naming who, when and the revision): a button under the message to load the page again, at the latest revision.
 */
function offerReload(formEl, err, pledge, ctx) {
  if (err?.code !== 'REVISION_CONFLICT') return;
  const summary = formEl.querySelector('.form-summary');
  const reload = h('button', { type: 'button', class: 'btn btn--secondary' }, 'Muat ulang halaman');
  reload.addEventListener('click', () => ctx.navigate(`/komitmen/${encodeURIComponent(pledge.code)}`));
  summary?.append(h('div', { class: 'actions' }, reload));
}

/** Where a saved pledge's answer leaves its warnings for the pledge page it opens. */
const SAVED_WARNINGS = 'jamkesda.pledgeWarnings';

/**
 * The warnings of a saved pledge's answer the pledge page does not show itself (it shows the compliance ones of
 * every read): the code's year, NIKs not registered, a pledge paying nothing behind another (SHADOWED_BY_PRIORITY), and
 * what a revision, withdrawal or reinstatement left unfunded or overpaid in the open months. Shown under "Periksa:". Pure, tested.
 */
export function savedWarnings(saved) {
  return (saved.warnings ?? []).filter((w) => w.code !== 'DANA_DESA_PBI').map((w) => w.message);
}

/** Keeps `savedWarnings(saved)` for the pledge page the form navigates to. */
export function rememberSavedWarnings(saved) {
  sessionStorage.setItem(SAVED_WARNINGS, JSON.stringify(savedWarnings(saved)));
}

/**
 * The months of a saved pledge (its answer's `closedMonths`, `frozenMonths`) that keep their allocation, and
 * from when it applies: " Berlaku mulai Desember 2026; Januari–Juni 2026 tidak dihitung ulang karena sudah
 * dibekukan, Juli 2026 sudah difinalisasi." ("" when it reaches all its months). Pure, tested.
 */
export function untouchedMonthsText(saved) {
  const closed = saved.closedMonths ?? [];
  const frozen = saved.frozenMonths ?? [];
  if (!closed.length && !frozen.length) return '';
  const last = [...closed, ...frozen].sort().at(-1);
  const [year, month] = last.split('-').map(Number);
  const start = `${saved.fiscalYear ?? year}-${String(Math.max(month + 1, saved.fromMonth ?? 1)).padStart(2, '0')}`;
  const parts = [
    frozen.length ? `${monthsLabel(frozen)} tidak dihitung ulang karena sudah dibekukan` : null,
    closed.length ? `${monthsLabel(closed)}${frozen.length ? '' : ' tidak dihitung ulang karena'} sudah difinalisasi` : null,
  ];
  return ` Berlaku mulai ${monthLabel(start)}; ${parts.filter(Boolean).join(', ')}.`;
}

/**
 * The revision's body with only the terms that differ from the pledge as it is, and the reason: the
 * audit trail then records what the revision changed, as a revision sent through the API does (QA:
 * every term was recorded, the changed one lost among them).
 */
export function changedTerms(body, pledge) {
  const same = (a, b) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  return Object.fromEntries(Object.entries(body).filter(([key, value]) => key === 'reason' || !same(value, pledge[key])));
}

/** Said in place of the revision form of a pledge whose year is closed. Pure, tested. */
export function yearClosedText(year) {
  return `Semua bulan tahun anggaran ${year} sudah difinalisasi, sehingga komitmen ini tidak dapat diubah lagi. Koreksi uang dicatat sebagai pembayaran penyesuaian pada bulan yang masih terbuka (Koreksi untuk bulan, pada halaman Pembayaran).`;
}
