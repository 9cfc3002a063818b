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
 * « Pertama ‹ Sebelumnya | Halaman 2 dari 9 (431 baris) | Berikutnya › Terakhir » · Ke halaman [_] Buka.
 * Null when the list fits on one page. `label` names the navigation (two lists on a page need two names).
 */
export function pager({ page, pageSize, total, onPage, label = 'Halaman' }) {
  const pages = lastPage(total, pageSize);
  if (pages <= 1) return null;
  const go = (p) => p !== page && onPage(p);
  const button = (text, target) => h('button', { type: 'button', class: 'btn btn--ghost btn--small', disabled: target === page, onclick: () => go(target) }, text);
  const id = uid('pager-page');
  const input = h('input', { id, type: 'number', class: 'pager__input', min: '1', max: String(pages), step: '1', inputmode: 'numeric', value: String(page) });
  const jump = () => go(clampPage(input.value, pages, page));
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
    ),
  );
}
