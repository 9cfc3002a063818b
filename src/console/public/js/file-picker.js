/**
 * A file chooser that reads Indonesian whatever the browser's language: the native <input type="file">
 * says "Choose File / No file chosen" in an English browser, so it is hidden visually (not removed: it
 * keeps the keyboard focus, the form field and the file) and a label styled as a button, "Pilih
 * berkas…", opens it; beside it the chosen file's name and size, or "Belum ada berkas dipilih". Every
 * upload form gets it through uploadBox (upload-box.js).
 */
import { h, replace } from './dom.js';
import { number } from './format.js';

export const NO_FILE = 'Belum ada berkas dipilih';

export function fileSizeLabel(bytes) {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${number(bytes)} byte`;
}

/** "peserta.csv (12 KB)", or "Belum ada berkas dipilih" without a file. Pure. */
export function chosenFileLabel(file) {
  return file ? `${file.name} (${fileSizeLabel(file.size)})` : NO_FILE;
}

/**
 * filePicker({ id, name, accept, describedBy }) → { element, input, file(), reset(), show() }.
 * `describedBy`: ids of the hint and error slots around it (the chosen file's name is added).
 */
export function filePicker({ id, name, accept, describedBy = [] }) {
  const chosenId = `${id}-chosen`;
  const input = h('input', { type: 'file', id, name, accept, class: 'visually-hidden file-picker__input', 'aria-describedby': [...describedBy, chosenId].join(' ') });
  const chosen = h('span', { id: chosenId, class: 'file-name', 'aria-live': 'polite' });
  const show = () => {
    replace(chosen, chosenFileLabel(input.files?.[0]));
    chosen.classList.toggle('file-name--none', !input.files?.length);
  };
  input.addEventListener('change', show);
  show();
  const element = h('div', { class: 'file-picker' }, input, h('label', { for: id, class: 'btn btn--secondary file-picker__button', text: 'Pilih berkas…' }), chosen);
  return { element, input, show, file: () => input.files?.[0] ?? null, reset: () => ((input.value = ''), show()) };
}
