/**
 * One process per embedded data directory. PGlite has no lock of its own: two processes on one directory
 * each work on their own copy of it in memory and write it back on close, so the last to close wins and the
 * other's changes are lost without a word (checked: two processes inserting 200 rows each into one directory,
 * a third opening it afterwards found neither's rows). A second `npm run demo` or `npm start` on the same
 * DATA_DIR, or `npm run migrate` while the service runs, would do exactly that.
 *
 * So the directory is locked while it is open: proper-lockfile makes a `pglite.lock` directory beside it, and
 * the holder writes its process id beside that (`pglite.lock.pid`). The embedded database runs on the service's main thread, so one
 * statement can hold that thread, and the lock's renewal timer with it, for many seconds (QA: 25 s during a
 * 300,000-row upload, long enough for a 10 s stale lock to be taken over and the database written by two
 * processes). The lock is therefore stale only after 10 minutes, and a holder that died is recognised at once by
 * its process id instead: a restart right after `kill -9` opens without waiting.
 */
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import lockfile from 'proper-lockfile';

/** Far past any statement that holds the thread; a dead holder is found by its process id, not by age. */
const STALE_MS = 10 * 60_000;
const UPDATE_MS = 30_000;
/** A lock without a process id older than this was left by a process that died while taking it. */
const NO_PID_GRACE_MS = 30_000;
/** A holder stopping (Ctrl+C) may still be releasing: a start right after it retries for a few seconds. */
const RETRIES = { retries: 5, factor: 1, minTimeout: 1_000, maxTimeout: 1_000 };

export class DataDirInUseError extends Error {
  constructor(
    readonly dir: string,
    readonly holder: number | null,
  ) {
    super(
      `Direktori data ${dir} sedang dipakai proses lain${holder ? ` (PID ${holder})` : ''}: layanan atau perintah npm yang masih berjalan. ` +
        'Basis data tertanam hanya boleh dibuka satu proses: hentikan proses itu dulu, atau jalankan dengan DATA_DIR lain.',
    );
    this.name = 'DataDirInUseError';
  }
}

const lockPath = (dir: string) => `${dir}.lock`;
/** Beside the lock, not in it: proper-lockfile removes its lock with `rmdir`, which an entry inside would stop. */
const pidFile = (dir: string) => `${dir}.lock.pid`;

/** Locks `dir` (which must exist) for this process; resolves to the function that releases it. */
export async function lockDataDir(dir: string, retries: typeof RETRIES | number = RETRIES): Promise<() => Promise<void>> {
  if (holderGone(dir)) {
    // a process killed while holding it
    rmSync(pidFile(dir), { force: true });
    rmSync(lockPath(dir), { recursive: true, force: true });
  }
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dir, {
      stale: STALE_MS,
      update: UPDATE_MS,
      retries,
      onCompromised: (err) => {
        // another process took the directory over (or the lock was deleted): going on would overwrite its changes
        throw new Error(`Kunci direktori data ${dir} hilang atau diambil proses lain (${err.message}); layanan berhenti agar tidak menimpa data proses itu.`);
      },
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOCKED') throw new DataDirInUseError(dir, holderOf(dir));
    throw err;
  }
  writeFileSync(pidFile(dir), String(process.pid));
  return async () => {
    rmSync(pidFile(dir), { force: true });
    await release();
  };
}

/** Whether a live process holds `dir`'s lock; false when there is none, or its holder is gone. */
export function dataDirInUse(dir: string): boolean {
  try {
    return lockfile.checkSync(dir, { stale: STALE_MS }) && !holderGone(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
}

/** The process id written into `dir`'s lock, or null. */
function holderOf(dir: string): number | null {
  try {
    const pid = Number(readFileSync(pidFile(dir), 'utf8'));
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** A lock exists and its holder is not running (or died before writing its id, long enough ago). */
function holderGone(dir: string): boolean {
  let since: number;
  try {
    since = Date.now() - statSync(lockPath(dir)).mtimeMs;
  } catch {
    return false; // no lock
  }
  const pid = holderOf(dir);
  if (pid === null) return since > NO_PID_GRACE_MS;
  try {
    process.kill(pid, 0); // signal 0: only asks whether the process exists
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH'; // EPERM: it exists, under another user
  }
}
