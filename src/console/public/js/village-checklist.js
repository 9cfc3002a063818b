/**
 * A list of villages to tick, with a box that filters it by name, kecamatan or code, and the count (and names)
 * of the villages chosen. Each village is a checkbox named `name` with the village's code as its value, so the
 * form sends the same list a multi-select did; a village hidden by the filter stays chosen. QA: a multi-select
 * of 218 villages needed Ctrl-click, and during a revision one click without Ctrl replaced every village chosen.
 */
import { h, uid } from './dom.js';

const plain = (code) => String(code ?? '').replace(/\./g, '');

/**
 * Whether a village option ({ value: code, label: "Kecamatan – Desa (code)" }) matches what is typed in the filter:
 * every word in the label (case ignored), or the code with or without dots. Pure, unit-tested.
 */
export function villageMatches(option, typed) {
  const words = String(typed ?? '').trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return true;
  const text = `${option.label} ${plain(option.value)}`.toLowerCase();
  return words.every((w) => text.includes(w) || (/^[\d.]+$/.test(w) && plain(option.value).includes(plain(w))));
}

/**
 * The field: `options` [{ value, label }], `chosen` the codes ticked at first (dots ignored). Wrapped like
 * forms.field() (data-field, hint, error slot) so the API's messages about `name` land beside it.
 */
export function villageChecklist({ label, name, options, chosen = [], hint }) {
  const id = uid(`f-${name}`);
  const picked = new Set(chosen.map(plain));
  const boxes = options.map((o) =>
    h('label', { class: 'checklist__item', 'data-label': o.label }, h('input', { type: 'checkbox', name, value: o.value, checked: picked.has(plain(o.value)) }), ' ', o.label),
  );
  const filter = h('input', { id: `${id}-filter`, type: 'search', autocomplete: 'off', 'aria-controls': `${id}-list`, 'aria-describedby': `${id}-hint` });
  const none = h('p', { class: 'hint', hidden: true, text: 'Tidak ada desa yang cocok dengan saringan.' });
  const list = h('div', { class: 'checklist', id: `${id}-list` }, boxes);
  const chosenText = h('p', { class: 'hint checklist__chosen', 'aria-live': 'polite' });

  const showChosen = () => {
    const names = boxes.filter((b) => b.querySelector('input').checked).map((b) => b.dataset.label.replace(/^.* – /, ''));
    chosenText.textContent = names.length ? `Terpilih ${names.length} desa: ${names.join(', ')}` : 'Belum ada desa dipilih.';
  };
  const applyFilter = () => {
    let shown = 0;
    options.forEach((o, i) => {
      const match = villageMatches(o, filter.value);
      boxes[i].hidden = !match;
      if (match) shown += 1;
    });
    none.hidden = shown > 0;
  };
  list.addEventListener('change', showChosen);
  filter.addEventListener('input', applyFilter);
  // Enter in the filter box filters; it does not submit the pledge
  filter.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') event.preventDefault();
  });
  showChosen();

  return h(
    'div',
    { class: 'field field--checklist', 'data-field': name },
    h('fieldset', {},
      h('legend', { text: label }),
      h('label', { for: filter.id, class: 'checklist__filter-label', text: 'Saring desa' }),
      filter,
      h('p', { class: 'hint', id: `${id}-hint`, text: hint }),
      chosenText,
      list,
      none,
      h('p', { class: 'field-error', id: `${id}-error`, hidden: true }),
    ),
  );
}
