// What a worker thread the specs start imports first (AppConfig.workerImport: the funding worker, src/funding/worker),
// so that it can import the TypeScript sources as Jest does (the hooks: worker-typescript.hooks.mjs).
import { register } from 'node:module';

register('./worker-typescript.hooks.mjs', import.meta.url);
