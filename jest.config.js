/** Jest in native ESM mode (see STACK.md): swc transforms TypeScript, `.js` import suffixes are mapped away. */

// The specs' expectations are written in WIB (Asia/Jakarta, UTC+7, no daylight saving). The zone is pinned here, not
// only in `npm test`, so `npx jest <file>` and IDE runners get it too: this file is read by Jest's main process before
// any worker is started, workers inherit its environment, and Node applies a changed TZ at once (a run in band too).
process.env.TZ = 'Asia/Jakarta';

export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/test', '<rootDir>/src'],
  testMatch: ['**/*.spec.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'es6' },
      },
    ],
    '/node_modules/content-disposition/.+\\.js$': ['@swc/jest', { module: { type: 'commonjs' } }],
  },
  // ESM-only packages that CommonJS ones require (@fastify/static requires content-disposition 2):
  // Node 20 loads them (require(esm)), Jest's CommonJS loader does not until Node 24.9, so they are
  // compiled to CommonJS for the tests.
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition)/)'],
  globalSetup: '<rootDir>/test/support/global-setup.cjs',
  globalTeardown: '<rootDir>/test/support/global-teardown.cjs',
  testTimeout: 60000,
  maxWorkers: 2,
  // Each ESM suite loads the app's modules anew and a worker's heap grows to ~480 MB over a folder: a worker past
  // this heap between suites is replaced.
  workerIdleMemoryLimit: '350MB',
  // Time a worker has to exit once the run is over before Jest force-kills it and warns "A worker process has failed
  // to exit gracefully" (Jest's default: 500 ms). Measured on the two-core machine under load: nothing is left open (a
  // worker told to end has only its stdio and IPC pipes and fires 'exit' within 2 ms), but a worker that ran console
  // specs holds ~650 MB (heap 130 MB, 275 MB outside it: PGlite's WebAssembly memory) and its process then takes
  // 2–3.5 s to be torn down, even after SIGKILL; a 100 MB worker sometimes took over 500 ms too. A worker that truly
  // hangs (a leaked server, socket or timer) is still force-killed and warned about, after this time.
  workerGracefulExitTimeout: 20_000,
};
