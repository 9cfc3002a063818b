/**
 * The one pager of every paged list (findings of a run, audit trail, participants, splits, upload
 * issues and histories): first, previous, "Halaman X dari Y", next, last, and a page number to go to.
 * The number of pages comes from the API's `total`; a page past the last is the last.
 */
import { h, uid } from './dom.js';

/** The last page of `total` rows, 1 for none. Pure, tested. */
export function lastPage(total, pageSize) {
  return Math.max(1, Math.ceil((Number(total) || 0) / pageSize));
}

/** The highest page the API takes (README: `page` from 1 to 100,000); past it, 400. */
export const MAX_PAGE = 100_000;

/**
 * A page asked for (a number, or the address's or a field's text) as a page from 1 to `last`: a number
 * past the last is the last, below 1 is 1; anything not a whole number is `fallback`. Pure, tested.
 */
export function clampPage(asked, last = MAX_PAGE, fallback = 1) {
  const text = String(asked ?? '').trim();
  if (!/^\d+$/.test(text)) return fallback;
  return Math.min(Math.max(1, Number(text)), Math.max(1, last));
}

/**
 * `fetch(page)` → the API's `{ items, total }`; asked again for the last page when `page` is past it
 * (an old address, a list that shrank). → { res, page } with the page shown.
 */
export async function fetchPage(fetch, page, pageSize) {
  const res = await fetch(page);
  const last = lastPage(res.total, pageSize);
  return page > last ? { res: await fetch(last), page: last } : { res, page };
}

/**
 * The one rule of a list kept in the address (QA: Back left Cari Peserta and Alokasi for the Dasbor): a page or
 * filters the user chose (`chosen`: the pager, a form sent, a category opened) are a new history entry, so Back
 * and Forward walk the list; a list shown from its address (a reload, Back, a link) only writes it back.
 * `ctx`: the page's (`setQuery`, `pushQuery`, app.js).
 */
export function keepAddress(ctx, query, chosen = false) {
  (chosen ? ctx.pushQuery : ctx.setQuery)(query);
}

/**
 * fetchPage for a list kept in the address: `address(page)` → its query, written by keepAddress; a page past
 * the last is the last, its address corrected in place (a replacement, not a new entry). → { res, page }.
 */
export async function fetchListedPage(ctx, { fetch, asked, pageSize, address, chosen = false }) {
  keepAddress(ctx, address(asked), chosen);
  const shown = await fetchPage(fetch, asked, pageSize);
  if (shown.page !== asked) ctx.setQuery(address(shown.page));
  return shown;
}

/**
 * Why a typed page was not taken, or null when it was a page from 1 to `last`. Pure, tested.
 * "99" of 2 → '"99" bukan nomor halaman: pilih 1–2.'
 */
export function pageNote(typed, last) {
  const text = String(typed ?? '').trim();
  if (!text) return `Isi nomor halaman 1–${last}.`;
  if (/^\d+$/.test(text) && Number(text) >= 1 && Number(text) <= last) return null;
  return `"${text}" bukan nomor halaman: pilih 1–${last}.`;
}

/** The note of a page typed that is to show on the pager built for the page it led to (same `label`). */
let carried = null;

/**
 * « Pertama ‹ Sebelumnya | Halaman 2 dari 9 (431 baris) | Berikutnya › Terakhir » · Ke halaman [_] Buka.
 * Null when the list fits on one page. `label` names the navigation (two lists on a page need two names).
 */
export function pager({ page, pageSize, total, onPage, label = 'Halaman' }) {
  const pages = lastPage(total, pageSize);
  if (pages <= 1) return null;
  const id = uid('pager-page');
  // why a typed number was not taken: beside the field, read with it and announced (QA: "99" stayed, unexplained)
  const note = h('span', { id: `${id}-note`, class: 'pager__note hint', role: 'status', 'aria-live': 'polite' });
  const input = h('input', { id, type: 'number', class: 'pager__input', min: '1', max: String(pages), step: '1', inputmode: 'numeric', value: String(page), 'aria-describedby': note.id });
  if (carried?.label === label) {
    const text = carried.text;
    setTimeout(() => (note.textContent = text)); // once in the page, so the live region says it
  }
  carried = null;
  // the field shows the page shown after any go: the same page (a number past the last while on it) or the new one
  const go = async (p, why = null) => {
    input.value = String(p);
    note.textContent = p === page ? (why ?? '') : '';
    if (p === page) return;
    carried = why ? { label, text: why } : null;
    try {
      await onPage(p);
    } finally {
      carried = null;
    }
  };
  const button = (text, target) => h('button', { type: 'button', class: 'btn btn--ghost btn--small', disabled: target === page, onclick: () => go(target) }, text);
  const jump = () => go(clampPage(input.value, pages, page), pageNote(input.value, pages));
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    event.preventDefault(); // not the form around the list, if there is one
    jump();
  });
  return h(
    'nav',
    { class: 'pager', 'aria-label': label },
    h(
      'div',
      { class: 'pager__steps' },
      button('« Pertama', 1),
      button('‹ Sebelumnya', Math.max(1, page - 1)),
      h('span', { class: 'pager__where', text: `Halaman ${page} dari ${pages} (${Number(total).toLocaleString('id-ID')} baris)` }),
      button('Berikutnya ›', Math.min(pages, page + 1)),
      button('Terakhir »', pages),
    ),
    h(
      'div',
      { class: 'pager__jump' },
      h('label', { for: id, text: 'Ke halaman' }),
      input,
      h('button', { type: 'button', class: 'btn btn--secondary btn--small', onclick: jump }, 'Buka'),
      note,
    ),
  );
}
