/**
 * Text as a person sees it. Pasted from a PDF, a spreadsheet or a chat, a value may carry
 * characters that show nothing: format characters (Unicode Cf: zero-width space U+200B, joiners,
 * word joiner U+2060, soft hyphen U+00AD, BOM U+FEFF) anywhere, and spaces around it (tabs,
 * non-breaking and ideographic spaces, NEL U+0085). Two values that look the same must compare the
 * same (a payment's reference), and a value of nothing visible is empty (a revision's reason).
 */
const FORMAT_CHARACTERS = /\p{Cf}/gu;
const SPACE_AROUND = /^[\s\u0085]+|[\s\u0085]+$/g;

/**
 * The control characters no value may hold, in a sheet's cell (cell.ts textCell) as in JSON
 * (reject-unstorable-text.pipe.ts): the C0 codes U+0000–U+001F but tab and the line breaks, DEL
 * U+007F and the C1 codes U+0080–U+009F but NEL U+0085. Invisible, never part of a name, code or
 * reference (a terminal escape `\u001b[31m` among them); NUL cannot be stored at all. Tab, line feed, carriage
 * return and NEL are whitespace: trimmed, and where values are compared collapsed.
 *
 * And the bidirectional embeddings, overrides and isolates (BIDI_CONTROL, U+202A–U+202E,
 * U+2066–U+2069): invisible too, they make text show in another order than it holds (QA: a funder
 * `PT \u202e6202-DBPA\u202c` showed as "PT APBD-2026" in the console and a signed workbook). Arabic
 * or Hebrew letters need none of them; the marks U+200E/U+200F are kept, as other format characters.
 */
const BIDI_CONTROL = '\u202a-\u202e\u2066-\u2069';
export const CONTROL_CHARACTER = new RegExp(`[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u0084\\u0086-\\u009f${BIDI_CONTROL}]`);

/**
 * A character CONTROL_CHARACTER matches, said for a message ("… memuat <this> (di sini ditandai …)"):
 * `karakter kendali U+0007 yang tidak terlihat dan tidak dapat disimpan`, or for a bidirectional
 * control what it does.
 */
export function controlCharacterSaid(code: number): string {
  const name = codePointName(code);
  if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) {
    return `karakter pengatur arah teks ${name} yang tidak terlihat dan membuat teks tampil berbeda dari isinya, sehingga tidak diterima`;
  }
  return `karakter kendali ${code === 0 ? `NUL (${name})` : name} yang tidak terlihat dan tidak dapat disimpan`;
}

/** 0x200b → 'U+200B': a character as messages name it. */
export function codePointName(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

const LEADING_QUOTE = /^['‘’`]/u;
const INVISIBLE = /[\p{Cf}\u0085]/u;

/**
 * What keeps a number typed as text (NIK, NO_KK, a village code) from being digits, when a person
 * cannot see it, said for a message, or null: a leading apostrophe, which exports write to force
 * text ("diawali tanda petik (')"), or a character that shows nothing ("memuat karakter tak
 * terlihat U+200B"). The value is refused, never silently stripped (QA: "karakter selain angka" named neither).
 */
export function strayCharacterSaid(text: string): string | null {
  const trimmed = text.trim();
  const quote = LEADING_QUOTE.exec(trimmed);
  if (quote) return `diawali tanda petik (${quote[0]})`;
  const invisible = INVISIBLE.exec(text);
  return invisible ? `memuat karakter tak terlihat ${codePointName(invisible[0].codePointAt(0)!)}` : null;
}

/** Matches text that has something visible: what is left of it by visibleText is not empty. */
export const HAS_VISIBLE_TEXT = /[^\s\p{Cf}\u0085]/u;

/** A message on one line: a value it quotes may hold a line break (`Budi_x000D_Santoso`), shown as a space. */
export function oneLine(message: string): string {
  return message.replace(/[\r\n]+/g, ' ');
}

/** `text` without the spaces around it, NEL among them (String.trim keeps it); as fast as trim where there is none. */
export function trimSpace(text: string): string {
  const trimmed = text.trim();
  return trimmed.includes('\u0085') ? trimmed.replace(SPACE_AROUND, '') : trimmed;
}

/** The number the digits of `text[from..to)` write, or -1 when one is not a digit (no substring, no regular expression). */
export function digitsValue(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** Characters that show nothing inside a name: zero-width space, non-joiner and joiner, word joiner, BOM, soft hyphen. */
export const HIDDEN_IN_NAME_CHARACTERS = '\u200b\u200c\u200d\u2060\ufeff\u00ad';
const HIDDEN_IN_NAME = new RegExp(`[${HIDDEN_IN_NAME_CHARACTERS}]`, 'gu');
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const NONE_REMOVED: readonly string[] = Object.freeze([]);

/**
 * A person's name as it is stored and searched: composed (NFC: `Nguyễn` typed on a Mac arrives as `e` and two
 * combining marks) and without the characters that show nothing in it (HIDDEN_IN_NAME), which a search typed by
 * hand never holds (QA: names with U+200B or decomposed accents were not found). `removed`: those taken out.
 */
export function nameAsStored(text: string): { name: string; removed: readonly string[] } {
  if (PRINTABLE_ASCII.test(text)) return { name: text, removed: NONE_REMOVED }; // most names: already composed, nothing hidden
  const composed = text.normalize('NFC');
  const removed = composed.match(HIDDEN_IN_NAME) ?? [];
  return { name: removed.length ? composed.replace(HIDDEN_IN_NAME, '') : composed, removed };
}

/** `text` without format characters and without the spaces around it. */
export function visibleText(text: string): string {
  return text.replace(FORMAT_CHARACTERS, '').replace(SPACE_AROUND, '');
}

/** `text` as values are compared: without format characters, trimmed, each run of whitespace one space (`rahmat  rangkuti` is `rahmat rangkuti`). */
export function collapsedText(text: string): string {
  return visibleText(text).replace(/[\s\u0085]+/gu, ' ');
}

/** The one wording of a text over its limit (`legalBasis terlalu panjang (5000 karakter, paling banyak 500)`), as a sheet's NAMA is told. */
export const lengthMessage = (field: string, length: number, max: number) => `${field} terlalu panjang (${length} karakter, paling banyak ${max})`;

/**
 * A sentence joined after a prefix and a colon (`Tarif tidak valid: masa berlaku …`): its first word in lower case
 * when it is an ordinary capitalised word, left as it is when it is a code or name in capitals (`IURAN`) or a field
 * name (`validFrom`). QA: "Tarif tidak valid: Masa berlaku …".
 */
export function afterColon(sentence: string): string {
  return /^\p{Lu}\p{Ll}+\b/u.test(sentence) && !/^\p{Lu}\p{Ll}*\p{Lu}/u.test(sentence) ? sentence[0].toLowerCase() + sentence.slice(1) : sentence;
}
