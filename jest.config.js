/** Unit and integration tests: `npm test`. Browser tests live in jest.e2e.config.js. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  // test/hostile runs apart (npm run test:hostile): child processes with heap limits.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/', '<rootDir>/test/hostile/'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', {}],
  },
  // `import('./x.js')` (an ES import, so with its extension) means x.ts, as in webpack and tsx.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testTimeout: 60000,
};
