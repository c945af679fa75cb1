const path = require('node:path');

/** Browser journeys: the built app (as `npm start` runs it) driven by Debian's Chromium. */
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'browser',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.journey.ts'],
  globalSetup: path.join(__dirname, 'support/global-setup.mjs'),
  globalTeardown: path.join(__dirname, 'support/global-teardown.mjs'),
  testTimeout: 60_000,
  maxWorkers: 1,
};
