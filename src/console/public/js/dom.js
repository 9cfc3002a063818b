/**
 * DOM building without innerHTML: every piece of data becomes a text node, so nothing the server or a
 * user typed can turn into markup or script. Attributes go through setAttribute / properties only.
 */
const SVG_NS = 'http://www.w3.org/2000/svg';

/** h('p', { class: 'x', onclick: fn }, 'text', child) → HTMLElement. Null/false children are skipped. */
export function h(tag, attrs = {}, ...children) {
  return build(document.createElement(tag), attrs, children);
}

/** Same as h() for SVG elements. */
export function s(tag, attrs = {}, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

function build(el, attrs, children) {
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'text') el.textContent = String(value);
    else if (key === 'value' && 'value' in el) el.value = String(value);
    else if (key === 'checked' || key === 'selected') el[key] = Boolean(value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

/** Appends children (nodes, strings, numbers, nested arrays); null/undefined/false are skipped. */
export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Removes every child and puts the given ones in place. */
export function replace(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

/**
 * Text that may break only after the given characters (a <wbr> after each): an action code after its dots
 * ("reconciliation.<wbr>export"), a file name after its dots, dashes and underscores; not mid-word.
 */
export function breakAfter(text, chars = '.-_') {
  const parts = [];
  let run = '';
  for (const c of String(text ?? '')) {
    run += c;
    if (chars.includes(c)) {
      parts.push(run, document.createElement('wbr'));
      run = '';
    }
  }
  if (run) parts.push(run);
  return parts;
}

let idCounter = 0;
/** A unique id for label/aria wiring. */
export function uid(prefix = 'el') {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}
