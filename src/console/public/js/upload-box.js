/**
 * A drop zone around the Indonesian file chooser (file-picker.js): the field's label and hint, the
 * chooser, and a dropped file taken as the chosen one. And sheetUploadForm: such a box in a form that
 * uploads the chosen file and shows the answer. Every upload form of the console is built from uploadBox.
 */
import { upload } from './api.js';
import { h, replace } from './dom.js';
import { filePicker } from './file-picker.js';
import { clearErrors, form, showErrors } from './forms.js';
import { busy, focusResult } from './ui.js';

/** uploadBox({ name, label, accept, hint }) → { element, input, file(), reset() }. */
export function uploadBox({ name = 'file', label, accept = '.xlsx,.csv', hint = 'Format .xlsx atau .csv.' }) {
  const id = `file-${name}-${Math.random().toString(36).slice(2, 8)}`;
  const picker = filePicker({ id, name, accept, describedBy: [`${id}-hint`, `${id}-error`] });
  const zone = h(
    'div',
    { class: 'dropzone', 'data-field': name },
    h('label', { for: id, class: 'dropzone-label' }, h('strong', { text: label })),
    h('p', { id: `${id}-hint`, class: 'hint', text: `${hint} Pilih berkas, atau seret dan lepaskan berkas ke kotak ini.` }),
    picker.element,
    h('p', { class: 'field-error', id: `${id}-error`, hidden: true }),
  );
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('is-over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('is-over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('is-over');
    if (e.dataTransfer?.files?.length) {
      picker.input.files = e.dataTransfer.files;
      picker.show();
    }
  });
  return { element: zone, input: picker.input, file: picker.file, reset: picker.reset };
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
            // a sheet only checked stays chosen, to be saved next without picking it again (QA)
            if (!res?.dryRun) box.reset();
            // keyboard focus on the answer (its first notice), not left on the page's body by the disabled button (QA):
            // as soon as onAnswer has filled `out`, before its reloads, or once it is done
            const answered = onAnswer(res, out, el);
            const early = out.firstElementChild;
            focusResult(early, el);
            await answered;
            if (!early) focusResult(out.firstElementChild, el);
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
