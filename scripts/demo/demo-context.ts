/**
 * What a demo step gets: an HTTP client for the running service (the same routes users call),
 * a token per role, and the deterministic sample regency.
 */
import type { SampleResident } from './sample-regency.js';

/** KEUANGAN_CHECKER is a second finance officer, for maker-checker finalization. */
export type DemoRole = 'ADMIN' | 'OPERATOR_DINKES' | 'KEUANGAN' | 'KEUANGAN_CHECKER' | 'AUDITOR';

export interface DemoFile {
  name: string;
  content: Buffer;
  contentType?: string;
}

export interface DemoContext {
  baseUrl: string;
  /** The demo's data directory (DEMO_DATA_DIR): the embedded database, uploads, and the workbooks step 40 saves under exports/. */
  dataDir: string;
  /** Calls the service as `role`; `form` sends multipart (strings and files), else `json`. Throws on non-2xx. */
  call<T = any>(role: DemoRole, method: string, path: string, body?: { json?: unknown; form?: Record<string, string | DemoFile> }): Promise<T>;
  residents: SampleResident[];
  /** Months the sample covers, oldest first (`YYYY-MM`). */
  months: string[];
  log(message: string): void;
}

export interface DemoStep {
  name: string;
  run(ctx: DemoContext): Promise<void>;
}
