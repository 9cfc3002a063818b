/**
 * Multer's English refusals of a multipart upload, in the words an operator can act on. Nest keeps
 * multer's error as the `cause` of the HttpException it raises; multer names its errors by `code`.
 */
const MESSAGES: Record<string, (field: string | undefined) => string> = {
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

/** The Indonesian text for a multer error, or undefined when `cause` is not one. */
export function multerMessage(cause: unknown): string | undefined {
  if ((cause as { name?: unknown } | null)?.name !== 'MulterError') return undefined;
  const { code, field } = cause as { code?: unknown; field?: unknown };
  const message = typeof code === 'string' ? MESSAGES[code] : undefined;
  return message ? message(typeof field === 'string' ? field : undefined) : 'Formulir unggahan tidak valid: kirim satu berkas pada kolom "file".';
}
