/**
 * What kind of value a request sent, as a refusal names it: a field that takes text and got the
 * number 5 is told "harus berupa teks, bukan angka", not that it is required (QA: a wrong type
 * said *wajib diisi* on some fields). Only a missing or empty value is said to be required.
 */
export type ValueKind = 'text' | 'number' | 'boolean' | 'array' | 'object' | 'null';

export function kindOf(value: unknown): ValueKind | undefined {
  if (value === undefined) return undefined;
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number' || typeof value === 'bigint') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return 'object';
}

const NAMES: Record<ValueKind, string> = { text: 'teks', number: 'angka', boolean: 'true/false', array: 'daftar', object: 'objek', null: 'null' };

/** The value as a message names it: `angka`, `teks`, `daftar`, `objek`, `true`, `false`, `null`; `quoted` text as itself (`"1e3"`, a query's). */
function named(value: unknown, quoted: boolean): string {
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string' && quoted) return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return NAMES[kindOf(value)!];
}

/**
 * `message` (what the field takes) with what came instead when `value` is not of the kind `expected`:
 * "amount harus bilangan bulat rupiah, bukan teks" (before a closing period, if any). A missing value,
 * empty text or a value of the right kind leaves the message as it is.
 */
export function butCame(message: string, value: unknown, expected: ValueKind | undefined, quoted = false): string {
  const kind = kindOf(value);
  if (!expected || kind === undefined || kind === expected || value === '') return message;
  const suffix = `, bukan ${named(value, quoted)}`;
  return message.endsWith('.') ? `${message.slice(0, -1)}${suffix}.` : `${message}${suffix}`;
}
