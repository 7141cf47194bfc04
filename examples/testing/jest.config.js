/** jest for the testing example (examples/testing/worker.jest.test.ts), as the repository's own tests run. */
export default {
  rootDir: '../..',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  roots: ['<rootDir>/examples/testing'],
  testMatch: ['**/*.jest.test.ts'],
  moduleNameMapper: { '^#platform/(.*)\\.js$': '<rootDir>/src/platform/node/$1', '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] },
};
