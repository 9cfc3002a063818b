import { unlink } from 'node:fs/promises';
import type { StoredUpload } from '../../common/http/upload-options.js';
import { BpjsInputException } from '../bpjs-input.exception.js';

/** Runs `work` on the uploaded file and deletes the file afterwards, whatever happened. */
export async function withUploadedFile<T>(file: StoredUpload | undefined, work: (file: StoredUpload) => Promise<T>): Promise<T> {
  if (!file) throw BpjsInputException.fileRequired();
  try {
    return await work(file);
  } finally {
    await unlink(file.path).catch(() => undefined);
  }
}
