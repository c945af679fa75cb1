const path = require('node:path');

/**
 * Reliability suites: a fuzz of every operation of the live OpenAPI document and the authorization
 * matrix, each against the real app on a real PostgreSQL (a fresh database per file, with the demo data).
 */
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'reliability',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.e2e-spec.ts'],
  globalSetup: path.join(__dirname, '../support/global-setup.mjs'),
  globalTeardown: path.join(__dirname, '../support/global-teardown.mjs'),
  testTimeout: 180_000,
};
