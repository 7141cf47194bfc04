/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  setupFiles: ['<rootDir>/test/setup/polyfills.ts'],
  // Tests run in Node: #platform/* is the Node side (package.json "imports"; tsconfig "paths" for the sources).
  moduleNameMapper: { '^#platform/(.*)\\.js$': '<rootDir>/src/platform/node/$1', '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
  },
  testTimeout: 20000,
};
