/**
 * Accessible form fields: every input has a <label>, an optional hint and an error slot wired with
 * aria-describedby. showErrors() puts the API's `details` ([{ field, messages }]) next to the field
 * they concern and the rest in the form's summary box.
 */
import { h, replace, uid } from './dom.js';
import { dayDateLabel, isDay, isMonth, monthLabel } from './format.js';

/**
 * field({ label, name, type?, required?, value?, hint? (text, or an array of text and nodes), options?: [{ value, label }], multiline?, attrs? })
 * → <div class="field"> with label, control, hint and error slot.
 */
export function field({ label, name, type = 'text', required = false, value, hint, options, multiline = false, attrs = {} }) {
  const id = uid(`f-${name}`);
  const hintId = hint ? `${id}-hint` : null;
  const errorId = `${id}-error`;
  // A date or month picker shows its format in the browser's locale (mm/dd/yyyy on an English
  // Windows): the choice is repeated in words below it, so 03/04 can't be read the wrong way round.
  const echoId = type === 'date' || type === 'month' ? `${id}-echo` : null;
  const common = { id, name, required, 'aria-describedby': [hintId, echoId, errorId].filter(Boolean).join(' '), ...attrs };
  let control;
  if (options) {
    control = h('select', common, options.map((o) => h('option', { value: o.value, selected: value !== undefined && String(o.value) === String(value) }, o.label)));
  } else if (multiline) {
    control = h('textarea', { ...common, rows: attrs.rows ?? 3 });
    if (value !== undefined && value !== null) control.value = String(value);
  } else {
    control = h('input', { ...common, type, value: value ?? undefined });
  }
  const echo = echoId ? inWords(control, type, echoId) : null;
  return h(
    'div',
    { class: `field${type === 'checkbox' ? ' field--check' : ''}`, 'data-field': name },
    h('label', { for: id }, label, required ? h('span', { class: 'req', 'aria-hidden': 'true', text: ' *' }) : null),
    control,
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null, // text, or text and nodes (monthHint: a part kept on one line)
    echo,
    h('p', { class: 'field-error', id: errorId, hidden: true }),
  );
}

/**
 * The NIK field of a search or filter: long enough for a NIK pasted as printed ("1703 0102 0709 2185",
 * 19 characters; a 16-character limit cut it to "1703 0102 0709 2"), read with plainNik() before sending.
 */
export function nikField({ value, label = 'NIK', name = 'nik' } = {}) {
  return field({ label, name, value, hint: '16 digit (spasi dan titik diabaikan)', attrs: { inputmode: 'numeric', autocomplete: 'off', maxlength: '24' } });
}

/**
 * The line under a date or month picker that says the choice in words, kept up to date as it changes:
 * every date and month field gets it from field(). A picker half filled in (Chromium: only the day typed)
 * has no value yet, only validity.badInput: the line says it is incomplete instead of staying empty.
 */
function inWords(control, type, id) {
  const echo = h('p', { class: 'hint date-echo', id, 'aria-live': 'polite' });
  const show = () => (echo.textContent = pickedInWords(type, control.value, control.validity?.badInput));
  for (const event of ['input', 'change', 'keyup', 'blur']) control.addEventListener(event, show); // keyup, blur: a partial entry changes no value
  show();
  return echo;
}

/**
 * "2026-12-05" → "Dipilih: Sabtu, 5 Desember 2026" (the weekday too: a payment date is checked against
 * the calendar); "2026-11" → "Dipilih: November 2026"; nothing picked → ""; `incomplete` (the picker
 * holds a partial entry) → "Tanggal belum lengkap." / "Bulan belum lengkap.". Pure.
 */
export function pickedInWords(type, value, incomplete = false) {
  if (incomplete) return type === 'date' ? 'Tanggal belum lengkap.' : 'Bulan belum lengkap.';
  if (type === 'date') return isDay(value) ? `Dipilih: ${dayDateLabel(value)}` : '';
  return isMonth(value) ? `Dipilih: ${monthLabel(value)}` : '';
}

/**
 * A <form> with a summary box for errors that belong to no field, and novalidate (the API validates).
 * Each submit starts without the errors of the one before (QA: a corrected search still showed the old
 * red box and field error above its result).
 */
export function form({ onsubmit, label }, ...children) {
  const summary = h('div', { class: 'form-summary', hidden: true, tabindex: '-1' });
  const el = h('form', { novalidate: true, 'aria-label': label }, summary, ...children);
  el.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(el);
    onsubmit(event, el);
  });
  return el;
}

export function clearErrors(formEl) {
  for (const slot of formEl.querySelectorAll('.field-error')) {
    slot.hidden = true;
    slot.textContent = '';
  }
  for (const control of formEl.querySelectorAll('[aria-invalid]')) control.removeAttribute('aria-invalid');
  const summary = formEl.querySelector('.form-summary');
  if (summary) {
    summary.hidden = true;
    summary.replaceChildren();
  }
}

/** Field name of a detail: "villageCodes.2" → "villageCodes"; "body.month" → "month". */
export function fieldRoot(name) {
  return String(name ?? '').replace(/^(body|query)\./, '').split(/[.[]/)[0];
}

/**
 * Shows an error: details with a matching field go next to it (the first such field gets focus),
 * everything else into the summary. `aliases` maps API field names to form field names.
 */
export function showErrors(formEl, err, aliases = {}) {
  clearErrors(formEl);
  const unplaced = [];
  let first = null;
  for (const detail of err.details ?? []) {
    const name = aliases[detail.field] ?? aliases[fieldRoot(detail.field)] ?? fieldRoot(detail.field);
    const wrapper = name ? formEl.querySelector(`[data-field="${CSS.escape(name)}"]`) : null;
    const messages = (detail.messages ?? [detail.message]).filter(Boolean);
    if (!wrapper) {
      unplaced.push(...messages.map((m) => (detail.field && !m.startsWith(`${detail.field} `) ? `${detail.field}: ${m}` : m)));
      continue;
    }
    const slot = wrapper.querySelector('.field-error');
    const label = wrapper.querySelector('legend, label')?.firstChild?.textContent ?? ''; // a group's legend, else the field's label
    slot.textContent = [slot.textContent, ...messages.map((m) => inLabelTerms(m, detail.field, label))].filter(Boolean).join(' ');
    slot.hidden = false;
    const control = wrapper.querySelector('input, select, textarea');
    control?.setAttribute('aria-invalid', 'true');
    first ??= control;
  }
  // focus on the first marked field of the form, whichever order the messages came in
  first = formEl.querySelector('[aria-invalid="true"]') ?? first;
  const summary = formEl.querySelector('.form-summary');
  const headline = summaryHeadline(err, first !== null && !unplaced.length);
  replace(summary, h('p', { text: headline }), unplaced.length ? h('ul', {}, unplaced.map((m) => h('li', { text: m }))) : null);
  summary.hidden = false;
  summary.setAttribute('role', 'alert');
  (first ?? summary).focus();
}

const FIELDS_MARKED = 'Periksa isian yang ditandai di bawah.';

/**
 * The line above a refused form. When every message stands beside its field, the summary points there, as it does
 * for the form's own checks: for a validation refusal, whose message is only the generic "Data yang dikirim tidak
 * valid." (QA: the server's field errors were headed by it, the browser's by "Periksa isian …"), and for an error
 * whose own message (or one it quotes: "Komitmen pendanaan tidak valid: …") is already beside its field. Else
 * the error's message, which says what no field does. Pure, tested.
 */
export function summaryHeadline(err, allBesideFields) {
  if (!allBesideFields) return err?.message;
  const quoted = (err?.details ?? []).some((d) => (d.messages ?? [d.message]).some((m) => m && quotes(String(err.message), String(m))));
  return err?.code === 'VALIDATION_FAILED' || quoted ? FIELDS_MARKED : err.message;
}

/**
 * Whether `message` quotes `m`: as it stands, or after a colon with its first letter in lower case, as the server joins
 * a sentence after "… tidak valid: " (afterColon in src/common/text.ts: "Komitmen pendanaan tidak valid: kode desa …").
 */
const quotes = (message, m) => message.includes(m) || message.includes(`: ${m[0].toLowerCase()}${m.slice(1)}`);

/**
 * The API's refusal with the form's own `problems` ([{ field, messages }]: what the form could not read,
 * e.g. a pagu of "lima juta", left out of or kept unreadable in the request) in place of the API's messages for
 * those fields, and the API's for every other field: all shown at once (QA: the form's check stopped at its
 * first problem and hid the rest). Without problems, the error as it came. Pure, tested.
 */
export function withFormProblems(problems, err) {
  if (!problems.length) return err;
  const own = new Set(problems.map((p) => p.field));
  const others = (err?.details ?? []).filter((d) => !own.has(fieldRoot(d.field)));
  const refusedForFields = (err?.details ?? []).length > 0;
  return { message: refusedForFields ? FIELDS_MARKED : err?.message ?? FIELDS_MARKED, details: [...problems, ...others] };
}

/**
 * A message that starts with the API's field name ("invoiceTotal harus bilangan bulat") said with
 * the form's label instead ("Total invoice (Rp) harus bilangan bulat"), for showing beside the field;
 * a gloss after the name ("funder (nama pemberi dana) wajib diisi") goes too: the label says it. Another
 * field named further on with its gloss ("… lebih awal dari validFrom (berlaku mulai) 1 Juni 2027") is
 * said by the gloss alone (QA: the API's name stood beside the field, "… dari validFrom (berlaku mulai) …").
 */
export function inLabelTerms(message, apiField, label) {
  if (!label || !apiField) return message;
  const path = String(apiField).replace(/^(body|query)\./, '');
  for (const name of new Set([path, path.split('.').pop()])) {
    // "funder (nama pemberi dana) wajib diisi.": the gloss of the API name goes with it
    // "username: 3-40 karakter …" → "Nama pengguna: 3-40 karakter …"
    const start = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\([^)]*\\))?(:)? `).exec(message);
    if (start) return `${label}${start[2] ?? ''} ${glossesOnly(message.slice(start[0].length))}`;
  }
  return glossesOnly(message);
}

/** "dari validFrom (berlaku mulai) 1 Juni" → "dari berlaku mulai 1 Juni": an API name in camelCase followed by its gloss. */
const glossesOnly = (text) => text.replace(/\b[a-z]+(?:[A-Z][a-z]*)+ \(([a-z][^()]*)\)/g, '$1');

/** The form's named values as an object of trimmed strings (files stay File objects). */
export function values(formEl) {
  const out = {};
  for (const [key, value] of new FormData(formEl).entries()) out[key] = typeof value === 'string' ? value.trim() : value;
  return out;
}
