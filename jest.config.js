// Some machines (this project's CI among them) set NODE_EXTRA_CA_CERTS for a
// TLS-intercepting proxy, and node parses that bundle at every start: about
// 50 ms of CPU per process. The tests start thousands of node processes and
// open no TLS connection (the packed tarball installs from its own file), so
// they and everything they start run without it. docs/benchmarks.md measures
// the CLI both ways.
delete process.env.NODE_EXTRA_CA_CERTS;

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
