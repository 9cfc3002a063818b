// Lets a worker thread started by the sources under Jest run TypeScript: `--import` this file and
// it registers ts-worker-hooks.mjs (swc, the same transform as jest.config.js). Production runs
// the compiled .js and never loads it. Named to the sources by TS_WORKER_LOADER (global-setup.cjs).
import { register } from 'node:module';

register('./ts-worker-hooks.mjs', import.meta.url);
