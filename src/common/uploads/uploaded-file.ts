import { unlink } from 'node:fs/promises';
import type { StoredUpload } from '../http/upload-options.js';
import type { DomainException } from '../errors/domain.exception.js';

/**
 * Runs `work` on the uploaded file and deletes the file afterwards, whatever happened; a request
 * without a file is refused with `missing()`, the module's own FILE_REQUIRED.
 */
export async function withUploadedFile<T>(file: StoredUpload | undefined, work: (file: StoredUpload) => Promise<T>, missing: () => DomainException): Promise<T> {
  if (!file) throw missing();
  try {
    return await work(file);
  } finally {
    await unlink(file.path).catch(() => undefined);
  }
}
