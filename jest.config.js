/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true }],
  },
  // Concurrency tests spawn real processes against real repositories; on a
  // 2-core machine two test files at a time is the most that stays honest.
  maxWorkers: 2,
  // A guard against hangs, not a performance check: on a loaded 2-core machine
  // the multi-process tests can take minutes.
  testTimeout: 300000,
};
