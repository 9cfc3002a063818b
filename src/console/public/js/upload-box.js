/**
 * A file chooser that also accepts a dropped file, with the file's name and size shown. The real
 * <input type="file"> stays in the page (keyboard and screen reader users choose with it). And
 * sheetUploadForm: such a box in a form that uploads the chosen file and shows the answer.
 */
import { upload } from './api.js';
import { h, replace } from './dom.js';
import { number } from './format.js';
import { clearErrors, form, showErrors } from './forms.js';
import { busy } from './ui.js';

export function fileSizeLabel(bytes) {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${number(bytes)} byte`;
}

/** uploadBox({ name, label, accept, hint }) → { element, input, file() }. */
export function uploadBox({ name = 'file', label, accept = '.xlsx,.csv', hint = 'Format .xlsx atau .csv.' }) {
  const id = `file-${name}-${Math.random().toString(36).slice(2, 8)}`;
  const chosen = h('p', { class: 'file-name', 'aria-live': 'polite' });
  const input = h('input', { type: 'file', id, name, accept, 'aria-describedby': `${id}-hint ${id}-error` });
  const zone = h(
    'div',
    { class: 'dropzone', 'data-field': name },
    h('label', { for: id, class: 'dropzone-label' }, h('strong', { text: label })),
    h('p', { id: `${id}-hint`, class: 'hint', text: `${hint} Pilih berkas, atau seret dan lepaskan berkas ke kotak ini.` }),
    input,
    chosen,
    h('p', { class: 'field-error', id: `${id}-error`, hidden: true }),
  );
  const show = () => {
    const file = input.files?.[0];
    replace(chosen, file ? `Berkas dipilih: ${file.name} (${fileSizeLabel(file.size)})` : '');
  };
  input.addEventListener('change', show);
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('is-over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('is-over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('is-over');
    if (e.dataTransfer?.files?.length) {
      input.files = e.dataTransfer.files;
      show();
    }
  });
  return { element: zone, input, file: () => input.files?.[0] ?? null, reset: () => ((input.value = ''), show()) };
}

/**
 * A form that uploads one sheet (field `file`) and shows the answer under it: sheetUploadForm({ label,
 * box, submitText, path, signal, fields, actions, onAnswer, onError }) → the form element. `box`: the
 * uploadBox options; `path(formEl)`: the route (a string, or a function of the form, for a query);
 * `fields`: more controls after the box; `actions`: more buttons beside the submit button.
 * `onAnswer(res, out, formEl)` fills `out` (it may return a promise: reloads after the upload);
 * `onError(err)` → what to show in `out` beside the form's errors (optional).
 */
export function sheetUploadForm({ label, box: boxOptions, submitText, path, signal, fields = [], actions = [], onAnswer, onError }) {
  const box = uploadBox(boxOptions);
  const submit = h('button', { type: 'submit', class: 'btn btn--primary' }, submitText);
  const out = h('div', { 'aria-live': 'polite' });
  return form(
    {
      label,
      onsubmit: (_e, el) =>
        busy(submit, async () => {
          clearErrors(el);
          replace(out);
          const file = box.file();
          if (!file) return showErrors(el, { message: 'Pilih berkas terlebih dahulu.', details: [{ field: 'file', messages: ['Pilih berkas .xlsx atau .csv.'] }] });
          const body = new FormData();
          body.append('file', file);
          try {
            const res = await upload(typeof path === 'function' ? path(el) : path, body, { signal });
            box.reset();
            await onAnswer(res, out, el);
          } catch (err) {
            if (err?.name === 'AbortError') return;
            showErrors(el, err);
            if (onError) replace(out, onError(err));
          }
        }),
    },
    box.element,
    ...fields,
    h('div', { class: 'actions' }, submit, ...actions),
    out,
  );
}

/** Waits `ms`, or rejects with AbortError when the signal fires (leaving the page stops polling). */
export function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new DOMException('Dibatalkan', 'AbortError'));
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new DOMException('Dibatalkan', 'AbortError'));
    }, { once: true });
  });
}
