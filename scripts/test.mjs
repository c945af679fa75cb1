// `npm test`: every suite, in the order that fails fastest. Runs them all and fails if any failed.
import { spawnSync } from 'node:child_process';

const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', FORCE_COLOR: process.env.CI ? '0' : '1' };
const apiE2e = ['jest', '-c', 'test/api/jest.config.js'];
/**
 * The API suites run twice, each time on a chosen moment (TEST_NOW moves the app's one clock and its
 * SQL's): a December night just before the year ends (no seasonal product on sale; in UTC still the
 * afternoon) and an April night just after midnight in China (cherries in season; in UTC still the
 * day before). A rule that reads the wrong day or season fails here, not in some month to come.
 */
const DAYS = [
  ['December, 23:30 in China', '2026-12-31T23:30:00+08:00'],
  ['April, 00:30 in China', '2027-04-01T00:30:00+08:00'],
];
const steps = [
  // The lint, then the tests of the project's own lint rules (no import cycles, features' boundaries).
  ['lint', 'sh', ['-c', 'npx eslint . --max-warnings=0 && node --test tools/eslint/']],
  ['format', 'npx', ['prettier', '--check', '.']],
  ['build', 'npx', ['nx', 'run-many', '-t', 'build', '--outputStyle=static']],
  ['typecheck', 'npx', ['nx', 'run-many', '-t', 'typecheck', '--outputStyle=static']],
  ['unit', 'npx', ['nx', 'run-many', '-t', 'test', '--outputStyle=static', '--skip-nx-cache']],
  ...DAYS.map(([day, at]) => [`api e2e (${day})`, 'npx', apiE2e, { TEST_NOW: at }]),
  // The fuzz of every operation, the authorization matrix, crash safety and the production start; they print their counts.
  ['reliability', 'npx', ['jest', '-c', 'test/reliability/jest.config.js']],
  // Installs Chromium first when it can (root or sudo with apt), else says the one command to run.
  ['browser', 'sh', ['-c', 'node scripts/ensure-browser.mjs && npx jest -c test/browser/jest.config.js']],
];

const results = [];
for (const [name, command, args, extraEnv = {}] of steps) {
  const started = Date.now();
  process.stdout.write(`\n=== ${name}: ${command} ${args.join(' ')}\n`);
  const { status } = spawnSync(command, args, { stdio: 'inherit', env: { ...env, ...extraEnv } });
  results.push({ name, ok: status === 0, seconds: Math.round((Date.now() - started) / 1000) });
}

process.stdout.write('\n');
for (const r of results) process.stdout.write(`${r.ok ? 'ok  ' : 'FAIL'}  ${r.name} (${r.seconds} s)\n`);
const failed = results.filter((r) => !r.ok).length;
process.stdout.write(`steps: ${results.length - failed} passed, ${failed} failed\n`);
process.exit(failed ? 1 : 0);
