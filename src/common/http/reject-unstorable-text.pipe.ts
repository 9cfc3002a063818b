import { type ArgumentMetadata, BadRequestException, type PipeTransform } from '@nestjs/common';
import { clip } from '../errors/domain.exception.js';
import { MAX_JSON_DEPTH } from './json-body.js';
import { CONTROL_CHARACTER, controlCharacterSaid } from '../text.js';

/** A UTF-16 surrogate without its other half: no character at all, only escaped JSON (`"\udfff"`) can carry one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const CONTROLS = new RegExp(CONTROL_CHARACTER.source, 'g');

/** What to do about a file name that cannot be stored (`unstorable` with `fileName`): a name is changed, not typed into a form. */
const RENAME = 'Ganti nama berkas itu (hapus karakter tersebut, misalnya dengan Rename atau Simpan Sebagai), lalu unggah kembali.';

/**
 * Why a string cannot be stored, as the end of a message that starts with the field's name; undefined when it can.
 * `fileName`: the string is an uploaded file's name, and the advice says to rename the file.
 */
function unstorable(text: string, fileName = false): string | undefined {
  if (text.includes('\u0000')) return `memuat karakter NUL (\\u0000), yang tidak dapat disimpan. ${fileName ? RENAME : 'Hapus karakter itu lalu kirim ulang.'}`;
  const half = LONE_SURROGATE.exec(text)?.[0];
  if (half !== undefined) {
    const code = `\\u${half.charCodeAt(0).toString(16).padStart(4, '0')}`;
    return `memuat karakter rusak (${code}, separuh pasangan surrogate UTF-16 tanpa pasangannya), yang tidak dapat disimpan. ${fileName ? RENAME : 'Ketik ulang isian itu lalu kirim ulang.'}`;
  }
  const control = CONTROL_CHARACTER.exec(text)?.[0];
  if (control === undefined) return undefined;
  // as a sheet's cell is refused (cell-checks.ts characterFailure): the code, and the text with the character marked
  const shown = clip(text.replace(CONTROLS, '\uFFFD'));
  return `memuat ${controlCharacterSaid(control.charCodeAt(0))} (di sini ditandai \uFFFD: "${shown}"). ${fileName ? RENAME : 'Hapus karakter itu atau ketik ulang isiannya, lalu kirim ulang.'}`;
}

/**
 * Text PostgreSQL cannot hold, or holds as something else, in any string (or key) of a body, query
 * or path, refused up front in the shape of a validation error naming the field. Runs before the
 * validation pipe.
 * - U+0000 reached the database as "invalid byte sequence" and came back as a 500;
 * - a lone surrogate (`"PT \udfff"` in JSON) made a jsonb column's insert fail (22P02, a 500), and a
 *   text column store U+FFFD in its place, so that `QA-\udc00` was then a duplicate of `QA-\ud800`;
 * - a control character (QA: a reference `J-\u0007` was stored and shown as `J-` in the workbook, a
 *   funder `PT \u0007Bell\u001b[31m`) is refused as a sheet's cell is (INVALID_CHARACTER there).
 * Every such field is named in one answer. Format characters (zero-width space U+200B, joiners, BOM)
 * are not refused: a sheet's cell keeps them too, and where values are compared (a payment's
 * reference) both drop them alike (text.ts visibleText).
 */
export class RejectUnstorableTextPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const file = isUploadedFile(value);
    // what a request sent: a body, its query, its path, an uploaded file; not what the app's own decorators give (the
    // signed-in user, a request's recomputes, which holds the reply and through it the whole server)
    if (metadata.type === 'custom' && !file) return value;
    const found: { field: string; reason: string }[] = [];
    if (file) {
      // the name the user gave the file, first and with the advice to rename it; the rest of multer's fields as any body's
      const reason = unstorable(value.originalname, true);
      if (reason !== undefined) found.push({ field: 'originalname', reason });
      collectUnstorable({ ...value, originalname: '' }, metadata.data ?? '', 0, found);
    } else collectUnstorable(value, metadata.data ?? '', 0, found);
    if (found.length) {
      const named = (field: string) => (file ? (FILE_FIELDS[field] ?? field) : field) || metadata.type;
      const details = found.map(({ field, reason }) => ({ field: named(field), messages: [`${named(field)} ${reason}`] }));
      // a bad file name is what the user must act on: the answer says so, not only its details (until 2026-12 the message read only "Data yang dikirim tidak valid.")
      const message = file && found[0].field === 'originalname' ? `Nama berkas tidak valid: nama itu ${found[0].reason}` : 'Data yang dikirim tidak valid.';
      throw new BadRequestException({ message, details });
    }
    return value;
  }
}

/**
 * An uploaded file (`@UploadedFile()`) is checked like a body, its fields named as the user knows them: the file name
 * the user gave is `nama berkas` (QA: refused as `originalname`, multer's internal name).
 */
const FILE_FIELDS: Record<string, string> = { originalname: 'nama berkas' };

function isUploadedFile(value: unknown): value is { originalname: string } {
  return value !== null && typeof value === 'object' && typeof (value as { originalname?: unknown }).originalname === 'string';
}

/** At most this many fields are named in one answer: a body of thousands of bad strings is told its first ones. */
const MAX_NAMED = 20;

/** Adds to `found` the dotted path of each string (or key) that cannot be stored, and why. */
function collectUnstorable(value: unknown, path: string, depth: number, found: { field: string; reason: string }[]): void {
  if (found.length >= MAX_NAMED) return;
  if (typeof value === 'string') {
    const reason = unstorable(value);
    if (reason !== undefined) found.push({ field: path, reason });
    return;
  }
  if (value === null || typeof value !== 'object' || depth > MAX_JSON_DEPTH) return;
  for (const [key, item] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    const reason = unstorable(key);
    if (reason !== undefined) found.push({ field: at, reason });
    else collectUnstorable(item, at, depth + 1, found);
    if (found.length >= MAX_NAMED) return;
  }
}
