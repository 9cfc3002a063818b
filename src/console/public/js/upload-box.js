/**
 * A file chooser that also accepts a dropped file, with the file's name and size shown. The real
 * <input type="file"> stays in the page (keyboard and screen reader users choose with it).
 */
import { h, replace } from './dom.js';
import { number } from './format.js';

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
