/** The audit trail (ADMIN, AUDITOR): who did what, when, to which record, with filters and paging. */
import { api } from '../api.js';
import { breakAfter, h, replace } from '../dom.js';
import { dateTimeLabel, isDay, number, shortId } from '../format.js';
import { field, form, showErrors, values } from '../forms.js';
import { clampPage, fetchListedPage, pager } from '../pager.js';
import { busy, dataTable, errorNotice, loading, notice, pageHeader, section } from '../ui.js';
import { ENTITY_LABELS, parseSummary, summaryText } from './audit-summary.js';

export { FIELD_LABELS, summaryText } from './audit-summary.js';

const PAGE_SIZE = 50;

/** "2026-11-01" (a WIB day) → ISO instant of its start or end. Pure. */
export function wibDayBound(day, end = false) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day ?? '')) return undefined;
  return end ? `${day}T23:59:59.999+07:00` : `${day}T00:00:00.000+07:00`;
}

export async function render(main, ctx) {
  const q = ctx.query;
  const results = h('div', { 'aria-live': 'polite' });
  const verifyOut = h('div', { 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'btn btn--primary' }, 'Tampilkan');
  const verify = h('button', { type: 'button', class: 'btn btn--secondary' }, 'Periksa keutuhan rantai');
  verify.addEventListener('click', () =>
    busy(verify, async () => {
      try {
        const verdict = await api('/api/v1/audit-events/verify', { signal: ctx.signal });
        replace(
          verifyOut,
          verdict.intact
            ? intactNotice(verdict)
            : notice('error', `Rantai jejak audit rusak mulai peristiwa #${verdict.firstBrokenId}: ${verdict.reason ?? 'hash tidak cocok'}.`),
        );
      } catch (err) {
        replace(verifyOut, errorNotice(err));
      }
    }),
  );

  const filterForm = form(
    { label: 'Saring jejak audit', onsubmit: (_e, el) => busy(submit, () => load(el, 1, { chosen: true })) },
    h(
      'div',
      { class: 'filters' },
      field({ label: 'Pengguna', name: 'actor', value: q.actor, attrs: { autocomplete: 'off' } }),
      field({ label: 'Jenis data', name: 'entity', value: q.entity ?? '', options: ENTITY_OPTIONS }),
      field({ label: 'ID data', name: 'entityId', value: q.entityId, attrs: { autocomplete: 'off' } }),
      field({ label: 'Dari tanggal', name: 'from', type: 'date', value: q.from }),
      field({ label: 'Sampai tanggal', name: 'to', type: 'date', value: q.to }),
    ),
    h('div', { class: 'actions' }, submit, verify),
  );

  /**
   * The events of page `asked` under the form's filters. Filters and page live in the address, a page or
   * filters chosen here a new history entry (pager.js keepAddress), so a reload or a shared link opens the same page.
   */
  async function load(el, asked, { chosen = false } = {}) {
    const v = values(el);
    const address = (page) => ({ actor: v.actor, entity: v.entity, entityId: v.entityId, from: v.from, to: v.to, page: page > 1 ? page : undefined });
    replace(results, loading());
    try {
      const events = (p) =>
        api('/api/v1/audit-events', {
          query: { actor: v.actor, entity: v.entity, entityId: v.entityId, from: wibDayBound(v.from), to: wibDayBound(v.to, true), page: p, pageSize: PAGE_SIZE },
          signal: ctx.signal,
        });
      const { res, page } = await fetchListedPage(ctx, { fetch: events, asked, pageSize: PAGE_SIZE, address, chosen });
      replace(
        results,
        dataTable({
          caption: `Jejak audit: ${number(res.total)} peristiwa (terbaru di atas)`,
          columns: [
            { label: 'Waktu', value: (e) => dateTimeLabel(e.at), nowrap: true },
            { label: 'Pengguna', key: 'actor' },
            { label: 'Tindakan', render: (e) => actionCell(e.action) },
            { label: 'Data', render: (e) => [ENTITY_LABELS[e.entity] ?? e.entity, e.entityId ? [h('br'), idSpan(e.entityId)] : null] },
            { label: 'Rincian', render: (e) => summaryCell(e.summary, e.action), wrap: true },
          ],
          rows: res.items,
          empty: 'Tidak ada peristiwa yang cocok.',
        }),
        pager({ page, pageSize: PAGE_SIZE, total: res.total, onPage: (p) => load(el, p, { chosen: true }) }),
      );
    } catch (err) {
      if (err?.name === 'AbortError') return;
      if (err.details?.length) showErrors(el, err);
      replace(results, errorNotice(err));
    }
  }

  replace(main, pageHeader('Jejak Audit', 'Setiap perubahan data tercatat berantai (hash) dan tidak dapat diubah.'), section(null, filterForm, verifyOut), section('Peristiwa', results));
  // a date the picker cannot show (typed into the address: 2026-02-31) would otherwise vanish and list every event (QA)
  const badDates = addressDateProblems(q);
  if (badDates.length) {
    showErrors(filterForm, { message: 'Saringan tidak valid.', details: badDates });
    replace(results, h('p', { class: 'hint', text: 'Perbaiki saringan yang ditandai, lalu tekan Tampilkan.' }));
  } else await load(filterForm, clampPage(q.page));
}

/** The address's `from` and `to` that are not days of the calendar, as field errors. Pure, tested. */
export function addressDateProblems(query) {
  return ['from', 'to']
    .filter((name) => query[name] && !isDay(query[name]))
    .map((name) => ({ field: name, messages: [`Tanggal "${query[name]}" di alamat tidak valid: gunakan tanggal yang ada, format YYYY-MM-DD, mis. 2026-10-08.`] }));
}

/**
 * An intact chain's verdict in words, with the newest event checked (`lastId`, `lastHash`) to be noted, e.g. in the
 * finalization minutes: the chain cannot show events cut off its end, a later check can (QA: only the count was shown).
 * → { head, note } (note null for an empty chain). Pure, tested.
 */
export function intactText(verdict) {
  const head = `Rantai jejak audit utuh (${number(verdict.checked)} peristiwa diperiksa).`;
  if (!verdict.lastId || !verdict.lastHash) return { head, note: null };
  return {
    head,
    note:
      `Catat nomor dan hash peristiwa terakhir ini (mis. di berita acara finalisasi): bila pada pemeriksaan berikutnya peristiwa #${verdict.lastId} ` +
      'tidak ada lagi dengan hash yang sama, ada peristiwa yang dihapus dari ujung rantai.',
  };
}

function intactNotice(verdict) {
  const { head, note } = intactText(verdict);
  if (!note) return notice('success', head);
  const hash = h('code', { class: 'mono audit-hash', text: verdict.lastHash });
  const copied = h('span', { class: 'inline-status', 'aria-live': 'polite' });
  const copy = h('button', {
    type: 'button',
    class: 'btn btn--ghost btn--small',
    onclick: async () => {
      try {
        await navigator.clipboard.writeText(verdict.lastHash);
        replace(copied, 'Hash disalin.');
      } catch {
        // no clipboard (an address without HTTPS): the hash selected, for Ctrl+C
        getSelection()?.selectAllChildren(hash);
        replace(copied, 'Hash dipilih: salin dengan Ctrl+C.');
      }
    },
  }, 'Salin hash');
  return notice(
    'success',
    head,
    h('dl', { class: 'facts audit-last' }, h('dt', { text: 'Peristiwa terakhir' }), h('dd', { text: `#${verdict.lastId}` }), h('dt', { text: 'Hash peristiwa terakhir' }), h('dd', {}, hash, ' ', copy, ' ', copied)),
    h('p', { class: 'hint', text: note }),
  );
}

/** Every kind of record, by its Indonesian name; the API's `entity` filter takes the code. */
const ENTITY_OPTIONS = [
  { value: '', label: 'Semua' },
  ...Object.entries(ENTITY_LABELS)
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label, 'id')),
];

/** The readable summary; when it had to be shortened, or has nested data, the whole of it and the stored JSON one click away. */
function summaryCell(summary, action) {
  const short = summaryText(summary, 200, action);
  if (short === '–') return short;
  const whole = summaryText(summary, Infinity, action);
  const raw = parseSummary(summary);
  return [
    short,
    h(
      'details',
      { class: 'audit-raw' },
      h('summary', { text: whole === short ? 'Data asli' : 'Selengkapnya' }),
      whole === short ? null : h('p', { text: whole }),
      h('pre', { class: 'mono', text: typeof raw === 'string' ? raw : JSON.stringify(raw, null, 2) }),
    ),
  ];
}

/** The recorded actions in Indonesian (the code stays beside it, for the API's `action` filter). Pure, tested. */
export const ACTION_LABELS = {
  'auth.login': 'Masuk',
  'auth.login_failed': 'Gagal masuk',
  'auth.login.throttled': 'Masuk ditolak: terlalu banyak percobaan gagal',
  'auth.logout': 'Keluar (semua sesi diakhiri)',
  'access.denied': 'Tindakan ditolak: peran tidak diizinkan',
  'user.create': 'Pengguna dibuat',
  'user.update': 'Pengguna diubah',
  'enrollment.upload': 'Daftar peserta diunggah',
  'enrollment.promote': 'Daftar peserta diterapkan',
  'enrollment.fail': 'Unggahan daftar peserta gagal',
  'participant.export': 'Salinan daftar peserta diunduh',
  'participant.void': 'Pendaftaran peserta dibatalkan',
  'participant.noka.clear': 'NOKA peserta dihapus',
  'split.export': 'Pembagian iuran diunduh (Excel)',
  'report.export': 'Rekap tahunan diunduh (Excel)',
  'statement.export': 'Laporan desa atau komitmen diunduh (Excel)',
  'tariff.add': 'Tarif ditambahkan',
  'tariff.close': 'Tarif ditutup oleh tarif baru',
  'tariff.resume': 'Tarif lama berlaku lagi',
  'tariff.supersede': 'Tarif diganti (tanggal mulai sama)',
  'pledge.create': 'Komitmen dibuat',
  'pledge.revise': 'Komitmen direvisi',
  'pledge.withdraw': 'Komitmen dicabut',
  'pledge.reinstate': 'Komitmen dipulihkan',
  'pledge.upload': 'Lembar komitmen diunggah',
  'allocation.run': 'Alokasi dijalankan',
  'allocation.compute': 'Alokasi bulan dihitung (ditulis ulang)',
  'bill.upload': 'Tagihan BPJS diunggah',
  'bill.export': 'Baris tagihan BPJS diunduh (Excel)',
  'pbi-apbn-list.upload': 'Daftar PBI APBN diunggah',
  'payment.record': 'Pembayaran dicatat',
  'payment.upload': 'Lembar pembayaran diunggah',
  'payment.delete': 'Pembayaran dihapus',
  'reconciliation.start': 'Rekonsiliasi dimulai',
  'reconciliation.run': 'Rekonsiliasi selesai',
  'reconciliation.fail': 'Rekonsiliasi gagal',
  'reconciliation.finalize': 'Rekonsiliasi difinalisasi',
  'reconciliation.export': 'Buku kerja rekonsiliasi diunduh (Excel)',
  'schedule.run': 'Jadwal bulanan berjalan',
  'schedule.fail': 'Jadwal bulanan gagal',
};

/** "Pembayaran dihapus" with its code below it (QA: only the code was shown). */
function actionCell(action) {
  const text = ACTION_LABELS[action];
  // the code broken only after its dots (QA: "reconciliation.expo / rt")
  return text ? [text, h('br'), h('span', { class: 'mono hint action-code' }, breakAfter(action, '.'))] : action;
}

/** A record's id: a UUID by its first 8 characters, the whole in the title (QA: split over three lines). */
function idSpan(id) {
  const { text, title } = shortId(id);
  return h('span', { class: 'mono record-id', title, text });
}
