/**
 * `npm run test:hostile`: the hostile corpus (issue 13), each case in a child process with a heap
 * limit, its time and peak memory asserted. Needs dist/cli.js (the script builds it first) and
 * /usr/bin/time (Debian package "time") for the peak memory.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/hostile'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', {}],
  },
  testTimeout: 300000,
};
