/**
 * One process per embedded data directory. PGlite has no lock of its own: two processes on one directory
 * each work on their own copy of it in memory and write it back on close, so the last to close wins and the
 * other's changes are lost without a word (checked: two processes inserting 200 rows each into one directory,
 * a third opening it afterwards found neither's rows). A second `npm run demo` or `npm start` on the same
 * DATA_DIR, or `npm run migrate` while the service runs, would do exactly that.
 *
 * So the directory is locked while it is open (proper-lockfile: a `pglite.lock` directory beside it, its
 * mtime renewed every 2 s, removed on exit). A second process is refused with a message saying why. A lock
 * left by a process killed with SIGKILL is stale after 10 s, so opening waits up to about 12 s for it
 * before refusing: a restart right after a crash still opens.
 */
import lockfile from 'proper-lockfile';

const STALE_MS = 10_000;
const UPDATE_MS = 2_000;
const RETRIES = { retries: 12, factor: 1, minTimeout: 1_000, maxTimeout: 1_000 };

export class DataDirInUseError extends Error {
  constructor(readonly dir: string) {
    super(
      `Direktori data ${dir} sedang dipakai proses lain (layanan atau perintah npm yang masih berjalan). ` +
        'Basis data tertanam hanya boleh dibuka satu proses: hentikan proses itu dulu, atau jalankan dengan DATA_DIR lain.',
    );
    this.name = 'DataDirInUseError';
  }
}

/** Locks `dir` (which must exist) for this process; resolves to the function that releases it. */
export async function lockDataDir(dir: string, retries: typeof RETRIES | number = RETRIES): Promise<() => Promise<void>> {
  try {
    return await lockfile.lock(dir, {
      stale: STALE_MS,
      update: UPDATE_MS,
      retries,
      onCompromised: (err) => {
        // another process took the directory over (or the lock was deleted): going on would overwrite its changes
        throw new Error(`Kunci direktori data ${dir} hilang atau diambil proses lain (${err.message}); layanan berhenti agar tidak menimpa data proses itu.`);
      },
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOCKED') throw new DataDirInUseError(dir);
    throw err;
  }
}

/** Whether a live process holds `dir`'s lock (a stale one does not count); false when `dir` does not exist. */
export function dataDirInUse(dir: string): boolean {
  try {
    return lockfile.checkSync(dir, { stale: STALE_MS });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
}
