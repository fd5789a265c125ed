/** Browser tests: `npm run test:e2e` (needs Debian's chromium at /usr/bin/chromium). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.e2e.ts'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', {}],
  },
  testTimeout: 180000,
};
