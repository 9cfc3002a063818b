/** Jest in native ESM mode (see STACK.md): swc transforms TypeScript, `.js` import suffixes are mapped away. */
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
  // Each ESM suite loads the app's modules anew and a worker's heap grows to ~480 MB over a folder; at the end Jest
  // then force-kills it ("A worker process has failed to exit gracefully", no handle left open). A worker past this
  // size between suites is replaced instead.
  workerIdleMemoryLimit: '350MB',
};
