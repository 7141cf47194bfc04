/** jest for the testing example (examples/testing/worker.jest.test.ts), as the repository's own tests run. */
export default {
  rootDir: '../..',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  roots: ['<rootDir>/examples/testing'],
  testMatch: ['**/*.jest.test.ts'],
  // In this repository las-sdk and las-emulator are their sources (an app gets them from node_modules).
  moduleNameMapper: {
    '^#platform/(.*)\\.js$': '<rootDir>/src/platform/node/$1',
    '^las-sdk$': '<rootDir>/src/index.ts',
    '^las-sdk/api$': '<rootDir>/src/api/index.ts',
    '^las-sdk/errors$': '<rootDir>/src/errors.ts',
    '^las-emulator$': '<rootDir>/packages/emulator/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] },
};
