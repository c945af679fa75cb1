// `npm test`: every suite, in the order that fails fastest. Runs them all and fails if any failed.
import { spawnSync } from 'node:child_process';

const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', FORCE_COLOR: process.env.CI ? '0' : '1' };
const steps = [
  ['lint', 'npx', ['eslint', '.', '--max-warnings=0']],
  ['format', 'npx', ['prettier', '--check', '.']],
  ['build', 'npx', ['nx', 'run-many', '-t', 'build', '--outputStyle=static']],
  ['typecheck', 'npx', ['nx', 'run-many', '-t', 'typecheck', '--outputStyle=static']],
  ['unit', 'npx', ['nx', 'run-many', '-t', 'test', '--outputStyle=static', '--skip-nx-cache']],
  ['api e2e', 'npx', ['jest', '-c', 'test/api/jest.config.js']],
  ['browser', 'npx', ['jest', '-c', 'test/browser/jest.config.js']],
];

const results = [];
for (const [name, command, args] of steps) {
  const started = Date.now();
  process.stdout.write(`\n=== ${name}: ${command} ${args.join(' ')}\n`);
  const { status } = spawnSync(command, args, { stdio: 'inherit', env });
  results.push({ name, ok: status === 0, seconds: Math.round((Date.now() - started) / 1000) });
}

process.stdout.write('\n');
for (const r of results) process.stdout.write(`${r.ok ? 'ok  ' : 'FAIL'}  ${r.name} (${r.seconds} s)\n`);
const failed = results.filter((r) => !r.ok).length;
process.stdout.write(`steps: ${results.length - failed} passed, ${failed} failed\n`);
process.exit(failed ? 1 : 0);
