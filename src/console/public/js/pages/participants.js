/** Search participants by NIK or name (and village / month covered); each result links to its history. */
import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { dateLabel, END_REASON_LABELS, label, plainNik } from '../format.js';
import { field, form, nikField, showErrors, values } from '../forms.js';
import { canSee, hashFor } from '../routes.js';
import { clampPage, fetchListedPage, keepAddress, pager } from '../pager.js';
import { busy, dataTable, downloadButton, errorNotice, loading, pageHeader, section } from '../ui.js';
import { villageOptions } from '../villages.js';

const PAGE_SIZE = 25;

export async function render(main, ctx) {
  const results = h('div', { 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'btn btn--primary' }, 'Cari');
  const q = ctx.query;
  const searchForm = form(
    {
      label: 'Cari peserta',
      onsubmit: (_e, el) => busy(submit, () => search(el, { ...values(el), page: 1 }, { chosen: true })),
    },
    h(
      'div',
      { class: 'filters' },
      nikField({ value: q.nik }),
      field({ label: 'Nama', name: 'name', value: q.name, hint: 'Awal nama, mis. SITI', attrs: { autocomplete: 'off' } }),
      field({ label: 'Desa/kelurahan', name: 'villageCode', value: q.villageCode, options: await villageOptions() }),
      field({ label: 'Tertanggung pada bulan', name: 'coveredIn', type: 'month', value: q.coveredIn }),
      h('div', { class: 'actions' }, submit),
    ),
  );

  /**
   * `chosen`: a search or page the user chose, a new history entry (pager.js keepAddress); a search the user
   * just submitted for one whole NIK opens that participant. Not when the search is restored from the address
   * (Back from the participant lands here): opening it again would send the user forward every time (QA: Back was trapped).
   */
  async function search(el, criteria, { chosen = false } = {}) {
    // a NIK pasted as printed on the card ("1703 0102 …" or with dots) is the same NIK (QA)
    const query = { nik: plainNik(criteria.nik), name: criteria.name, villageCode: criteria.villageCode, coveredIn: criteria.coveredIn, page: criteria.page };
    const openExact = chosen && query.page === 1;
    const address = (page) => ({ ...query, page });
    if (!query.nik && !query.name && !query.villageCode && !query.coveredIn) {
      keepAddress(ctx, query, chosen);
      replace(results, h('p', { class: 'hint', text: 'Isi NIK, nama, desa atau bulan untuk mencari.' }));
      return;
    }
    replace(results, loading('Mencari…'));
    try {
      const fetch = (p) => api('/api/v1/participants', { query: { ...query, page: p, pageSize: PAGE_SIZE }, signal: ctx.signal });
      const { res, page } = await fetchListedPage(ctx, { fetch, asked: query.page, pageSize: PAGE_SIZE, address, chosen });
      if (openExact && query.nik && /^\d{16}$/.test(query.nik) && res.total === 1 && res.items[0]?.nik === query.nik) {
        return ctx.navigate(`/peserta/${query.nik}`);
      }
      replace(
        results,
        dataTable({
          caption: `Hasil pencarian: ${res.total.toLocaleString('id-ID')} peserta`,
          columns: [
            { label: 'NIK', render: (p) => h('a', { href: hashFor(`/peserta/${p.nik}`), text: p.nik }) },
            { label: 'Nama', key: 'name' },
            { label: 'Desa', value: (p) => p.villageName ?? p.villageCode },
            { label: 'NOKA', value: (p) => p.noka || '–' },
            { label: 'TMT', value: (p) => dateLabel(p.tmt) },
            { label: 'TAT', value: (p) => (p.tat ? `${dateLabel(p.tat)} (${label(END_REASON_LABELS, p.endReason)})` : 'Masih aktif') },
          ],
          rows: res.items,
          empty: 'Tidak ada peserta yang cocok.',
        }),
        pager({ page, pageSize: PAGE_SIZE, total: res.total, onPage: (p) => search(el, { ...criteria, page: p }, { chosen: true }) }),
        res.total ? exportOffer(query, res.total, ctx.user.role) : null,
      );
    } catch (err) {
      if (err?.name === 'AbortError') return;
      if (err.details?.length) {
        showErrors(el, err);
        replace(results, h('p', { class: 'hint', text: 'Perbaiki isian yang ditandai, lalu cari lagi.' }));
      } else replace(results, errorNotice(err));
    }
  }

  /**
   * The results as an enrollment sheet (`GET /api/v1/participants/export.xlsx`, the same filters): every row of a
   * change must be whole (§12), so the operator changes the register's own rows (QA: a death typed from memory moved the TMT).
   */
  function exportOffer({ nik, name, villageCode, coveredIn }, total, role) {
    const uploads = canSee(role, '/unggah-peserta');
    return h(
      'div',
      { class: 'actions' },
      downloadButton(`Unduh ${total.toLocaleString('id-ID')} peserta ini (.xlsx)`, '/api/v1/participants/export.xlsx', { query: { nik, name, villageCode, coveredIn }, fallbackName: 'peserta-jamkesda.xlsx' }),
      h('p', {
        class: 'hint',
        text: uploads
          ? 'Lembar Daftar Peserta berisi data peserta saat ini. Ubah hanya baris yang berubah (mis. isi TAT dan ALASAN_BERAKHIR untuk peserta yang meninggal atau pindah), lalu unggah berkas itu di Unggah Peserta: baris yang tidak diubah tidak mengubah apa pun.'
          : 'Lembar Daftar Peserta berisi data peserta saat ini, dalam kolom templat unggah peserta.',
      }),
    );
  }

  replace(main, pageHeader('Cari Peserta', 'Cari dengan NIK atau nama; buka peserta untuk melihat masa kepesertaan, riwayat perubahan dan riwayat pendanaan.'), section(null, searchForm), results);
  if (q.nik || q.name || q.villageCode || q.coveredIn) await search(searchForm, { ...q, page: clampPage(q.page) });
}
