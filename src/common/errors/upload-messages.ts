/**
 * The English refusals of a multipart upload, in the words an operator can act on. The upload
 * interceptor of @nestjs/platform-fastify raises them as a 400 whose message is multer's text for
 * the error's code, followed by ` - <field>` when a field is at fault; the code itself is not kept,
 * so it is read back from the text.
 */
import { multerExceptions } from '@nestjs/platform-fastify/multipart/multipart/multipart.constants.js';

type MultipartCode = keyof typeof multerExceptions;

const INVALID_FORM = 'Formulir unggahan tidak valid: kirim satu berkas pada kolom "file".';

const MESSAGES: Partial<Record<MultipartCode, (field: string | undefined) => string>> = {
  LIMIT_UNEXPECTED_FILE: (field) =>
    field === undefined || field === 'file'
      ? 'Kirim satu berkas saja per unggahan, pada kolom "file".'
      : `Berkas dikirim pada kolom "${field.slice(0, 50)}": kirim pada kolom "file".`,
  LIMIT_FILE_COUNT: () => 'Kirim satu berkas saja per unggahan, pada kolom "file".',
  LIMIT_FIELD_COUNT: () => 'Formulir unggahan memuat terlalu banyak isian: kirim hanya berkas pada kolom "file".',
  LIMIT_PART_COUNT: () => 'Formulir unggahan memuat terlalu banyak bagian: kirim hanya berkas pada kolom "file".',
  LIMIT_FIELD_KEY: () => 'Nama isian formulir unggahan terlalu panjang.',
  LIMIT_FIELD_VALUE: () => 'Isian formulir unggahan terlalu panjang.',
  MISSING_FIELD_NAME: () => 'Formulir unggahan memuat bagian tanpa nama kolom: kirim berkas pada kolom "file".',
};

const CODE_OF_TEXT = new Map<string, MultipartCode>(Object.entries(multerExceptions).map(([code, text]): [string, MultipartCode] => [text, code as MultipartCode]));

/**
 * @fastify/multipart's own refusals that the interceptor passes on as a 400 with their text: a text
 * field declared `application/json` that is not JSON, and a form cut short; and busboy's, which
 * start `Multipart:` (`Unexpected end of form`, `Boundary not found`, …).
 */
const MULTIPART_PARSER_TEXTS = new Set(['a request field is not a valid JSON as declared by its Content-Type', 'the request was closed before the multipart data was fully parsed']);

/** The Indonesian text for a 400 message raised by the upload interceptor, or undefined when it is not one. */
export function uploadMessage(message: string): string | undefined {
  if (MULTIPART_PARSER_TEXTS.has(message) || message.startsWith('Multipart: ')) return INVALID_FORM;
  const [, text, field] = /^(.*?)(?: - (.*))?$/s.exec(message) ?? [];
  const code = CODE_OF_TEXT.get(text ?? '') ?? CODE_OF_TEXT.get(message);
  if (!code) return undefined;
  return MESSAGES[code]?.(code === 'LIMIT_UNEXPECTED_FILE' ? field : undefined) ?? INVALID_FORM;
}
