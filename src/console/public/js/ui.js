/** Small building blocks shared by the pages: notices, tables, stat tiles, buttons (the pager: pager.js). */
import { download } from './api.js';
import { h, replace } from './dom.js';
import { field } from './forms.js';
import { monthsLabel } from './format.js';

/** Says something to screen readers through the page's polite live region. */
export function announce(text) {
  const region = document.getElementById('status');
  if (!region) return;
  region.textContent = '';
  setTimeout(() => (region.textContent = text), 30);
}

/**
 * Keyboard focus on what a save or an upload answered (its heading or its notice, made focusable with tabindex=-1),
 * as a new page's heading gets it (app.js focusHeading): the button, disabled while it worked, or the file chooser,
 * reset, had dropped focus to the page's body (QA: after Unggah and Simpan pembayaran). With `within` (the form), focus
 * stays where the user has put it meanwhile outside that form (a long upload read elsewhere on the page).
 */
export function focusResult(element, within = null) {
  if (!element) return;
  const active = document.activeElement;
  const moved = within && active && active !== document.body && active !== element && !within.contains(active);
  if (moved) return;
  if (!element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
  element.focus();
}

/** A coloured message box: kind is info | success | warning | error. Errors are announced at once. */
export function notice(kind, ...children) {
  return h('div', { class: `notice notice--${kind}`, role: kind === 'error' ? 'alert' : 'status' }, ...children);
}

/**
 * The months the API recomputed for the answer shown (its `recomputedMonths`: STALE when asked, recomputed first), said
 * above the funding it shows; nothing when none (or from an API without the field).
 */
export function recomputedNotice(months) {
  if (!Array.isArray(months) || months.length === 0) return null;
  return notice('info', `Alokasi ${monthsLabel(months)} baru saja dihitung ulang sebelum ditampilkan, karena data berubah sesudah dihitung.`);
}

/**
 * An upload's warnings about its file as a whole (`sheetWarnings`: the rows Excel hid, read all the same), a
 * warning notice each, beside the upload's other warnings; none for an answer without them.
 */
export function sheetWarningNotices(upload) {
  return (Array.isArray(upload?.sheetWarnings) ? upload.sheetWarnings : []).map((w) => notice('warning', h('strong', { text: 'Peringatan: ' }), w.message));
}

/**
 * The error's message and, when it has them, its reasons (the API's `details`): a page-level
 * refusal ("Data yang dikirim tidak valid.") otherwise said nothing of why (QA: a year of 1999).
 */
export function errorNotice(err) {
  const message = err instanceof Error ? err.message : String(err);
  const reasons = (err?.details ?? []).flatMap((d) => (d.messages ?? [d.message]).filter(Boolean)).filter((m) => m !== message);
  return notice('error', message, reasons.length ? h('ul', { class: 'reasons' }, reasons.map((r) => h('li', { text: r }))) : null);
}

/**
 * An action asked twice: `askText` shows a warning with a danger button and Batal (Escape too),
 * then `onConfirm` runs; its error is shown below (or given to `onError`, e.g. to mark a form's fields)
 * and the question goes back. With `reason` (`{ label, hint }`), the question asks why in a text box and
 * `onConfirm` gets it; a blank one is said beside the box and nothing is sent (the API refuses it too).
 */
export function confirmStep({ askText, yesText, warning, onConfirm, onError, askKind = 'secondary', reason }) {
  const out = h('div', { 'aria-live': 'polite' });
  const ask = h('button', { type: 'button', class: `btn btn--${askKind}` }, askText);
  const yes = h('button', { type: 'button', class: 'btn btn--danger' }, yesText);
  const no = h('button', { type: 'button', class: 'btn btn--ghost' }, 'Batal');
  const why = reason ? reasonBox(reason) : null;
  const question = h('div', { class: 'actions', hidden: true }, h('p', { class: 'notice notice--warning', text: warning }), why?.box, yes, no);
  const close = () => {
    question.hidden = true;
    ask.hidden = false;
    ask.focus();
  };
  ask.addEventListener('click', () => {
    replace(out);
    question.hidden = false;
    ask.hidden = true;
    (why?.input ?? yes).focus();
  });
  no.addEventListener('click', close);
  question.addEventListener('keydown', (event) => event.key === 'Escape' && close());
  yes.addEventListener('click', () =>
    busy(yes, async () => {
      try {
        if (why && !why.read()) return;
        await onConfirm(why?.value());
      } catch (err) {
        if (onError) onError(err);
        else replace(out, errorNotice(err));
        close();
      }
    }),
  );
  return h('div', { class: 'confirm-step' }, h('div', { class: 'actions' }, ask), question, out);
}

/** confirmStep's text box for why (forms.js field()): `read()` says a blank one beside it and is false then. */
function reasonBox({ label, hint }) {
  const box = field({ label, name: 'reason', required: true, multiline: true, hint, attrs: { rows: 2 } });
  const input = box.querySelector('textarea');
  const error = box.querySelector('.field-error');
  const value = () => input.value.trim();
  const read = () => {
    const blank = value() === '';
    error.hidden = !blank;
    error.textContent = blank ? `${label} wajib diisi.` : '';
    input.setAttribute('aria-invalid', String(blank));
    if (blank) input.focus();
    return !blank;
  };
  return { box, input, value, read };
}

export function pageHeader(title, ...lead) {
  return h('header', { class: 'page-header' }, h('h1', { tabindex: '-1', text: title }), lead.length ? h('p', { class: 'lead' }, ...lead) : null);
}

export function section(title, ...children) {
  return h('section', { class: 'card' }, title ? h('h2', { text: title }) : null, ...children);
}

/** Tiles of headline figures: [{ label, value, hint?, tone?, link?: { href, text } }] (a link under the figure, to its list). */
export function stats(items) {
  return h(
    'dl',
    { class: 'stats' },
    items.map((item) =>
      h('div', { class: `stat${item.tone ? ` stat--${item.tone}` : ''}` }, h('dt', { text: item.label }), h('dd', { text: item.value }), item.hint ? h('dd', { class: 'stat-hint', text: item.hint }) : null, item.link ? h('dd', { class: 'stat-hint' }, h('a', { href: item.link.href, text: item.link.text })) : null),
    ),
  );
}

/**
 * A table inside a scrollable, keyboard-focusable region. columns: [{ label, key?, value?(row), render?(row) → Node|string, numeric?, wrap? (long text), nowrap?, stack? (badges, one
 * under another on a phone), className? (on the column's header and cells: phone-hidden) }]. Cells are text unless
 * render returns a Node. `className` goes on the region: table-wrap--narrow-first (a short first column, a row number,
 * not held at 9rem on a phone), table-wrap--cards (on a phone each row a card of labelled lines, for a table of many
 * columns that cannot fit: the elements keep their table roles explicitly, as `display: block` drops them in some
 * browsers).
 */
export function dataTable({ caption, columns, rows, empty = 'Tidak ada data.', footer, className }) {
  if (!rows || rows.length === 0) return h('p', { class: 'empty', text: empty });
  const cards = /\btable-wrap--cards\b/.test(className ?? '');
  const role = (name) => (cards ? name : null);
  const classes = (...names) => names.filter(Boolean).join(' ') || null;
  const cell = (tag, col, row) => {
    const content = col.render ? col.render(row) : col.value ? col.value(row) : row[col.key];
    const kind = col.numeric ? 'num' : col.wrap ? 'wrap' : col.nowrap ? 'nowrap' : col.stack ? 'stack' : null;
    const header = tag === 'th';
    return h(tag, { class: classes(kind, col.className), scope: header ? 'row' : null, role: role(header ? 'rowheader' : 'cell'), 'data-label': cards ? col.label : null }, content ?? '–');
  };
  return h(
    'div',
    { class: classes('table-wrap', className), tabindex: '0', role: 'region', 'aria-label': caption },
    h(
      'table',
      { role: role('table') },
      h('caption', { text: caption }),
      h('thead', { role: role('rowgroup') }, h('tr', { role: role('row') }, columns.map((col) => h('th', { scope: 'col', class: classes(col.numeric ? 'num' : null, col.className), role: role('columnheader'), text: col.label })))),
      h('tbody', { role: role('rowgroup') }, rows.map((row) => h('tr', { role: role('row') }, columns.map((col, i) => cell(i === 0 && col.rowHeader ? 'th' : 'td', col, row))))),
      footer ? h('tfoot', {}, footer) : null,
    ),
  );
}

/** Runs `work` with the button disabled and marked busy; returns work's result. */
export async function busy(button, work) {
  const label = button.textContent;
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try {
    return await work();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
    button.textContent = label;
  }
}

/** A button that downloads a protected file and reports success or failure next to itself. */
export function downloadButton(text, path, { query, fallbackName, kind = 'secondary' } = {}) {
  const out = h('span', { class: 'inline-status', 'aria-live': 'polite' });
  const button = h('button', {
    type: 'button',
    class: `btn btn--${kind}`,
    onclick: () =>
      busy(button, async () => {
        replace(out);
        try {
          const name = await download(typeof path === 'function' ? path() : path, { query: typeof query === 'function' ? query() : query, fallbackName });
          replace(out, h('span', { class: 'ok', text: `Diunduh: ${name}` }));
        } catch (err) {
          replace(out, h('span', { class: 'error-text', role: 'alert', text: err.message }));
        }
      }),
  }, text);
  return h('span', { class: 'download' }, button, out);
}

/** A placeholder shown while a page loads its data. */
export function loading(text = 'Memuat…') {
  return h('p', { class: 'loading', role: 'status', text });
}

/** A small coloured badge for a status code. */
export function badge(text, tone = 'neutral') {
  return h('span', { class: `badge badge--${tone}`, text });
}
