/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  // One `npm test` for the three packages: the SDK's tests and the emulator's and the CLI's.
  roots: ['<rootDir>/test', '<rootDir>/packages/emulator/test', '<rootDir>/packages/cli/test'],
  testMatch: ['**/*.test.ts'],
  setupFiles: ['<rootDir>/test/setup/polyfills.ts'],
  // Tests run in Node: #platform/* is the Node side (package.json "imports"; tsconfig "paths" for the sources).
  // The packages import each other by name; in the checkout those names are their sources (no build first).
  moduleNameMapper: {
    '^#platform/(.*)\\.js$': '<rootDir>/src/platform/node/$1',
    '^las-sdk$': '<rootDir>/src/index.ts',
    '^las-sdk/api$': '<rootDir>/src/api/index.ts',
    '^las-sdk/errors$': '<rootDir>/src/errors.ts',
    '^las-emulator$': '<rootDir>/packages/emulator/src/index.ts',
    '^las-emulator/flags$': '<rootDir>/packages/emulator/src/flags.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
  },
  testTimeout: 20000,
};
