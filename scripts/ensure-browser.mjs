// The browser suite drives Debian's Chromium, and CJK fonts make its failure screenshots readable.
// A fresh machine has neither: as root (or with password-less sudo) this installs them with apt, as
// CI does; otherwise it stops with the one command to run. Exits 0 once Chromium runs.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const INSTALL = 'apt-get update && apt-get install -y --no-install-recommends chromium fonts-noto-cjk';

const runs = (command, args) => spawnSync(command, args, { stdio: 'ignore' }).status === 0;
const chromiumRuns = () => existsSync(CHROMIUM) && runs(CHROMIUM, ['--version']);
function hasCjkFonts() {
  try {
    return /Noto Sans CJK/i.test(execFileSync('fc-list', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  } catch {
    return false;
  }
}

if (process.env.CHROMIUM_PATH && !chromiumRuns()) {
  process.stderr.write(`CHROMIUM_PATH=${CHROMIUM} does not run (\`${CHROMIUM} --version\` failed): fix it or unset it\n`);
  process.exit(1);
}
const missing = [...(chromiumRuns() ? [] : ['chromium']), ...(hasCjkFonts() ? [] : ['fonts-noto-cjk'])];
if (missing.length === 0) process.exit(0);

const asRoot = process.getuid?.() === 0;
const sudo = asRoot ? [] : runs('sudo', ['-n', 'true']) ? ['sudo', '-n'] : null;
if (sudo && runs('sh', ['-c', 'command -v apt-get'])) {
  process.stdout.write(`installing ${missing.join(' and ')} for the browser suite with apt-get (about a minute)\n`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['apt-get', 'update', '-qq'],
    ['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...missing],
  ]) {
    const [command, ...rest] = [...sudo, ...args];
    if (spawnSync(command, rest, { stdio: ['ignore', 'ignore', 'inherit'], env }).status !== 0) break;
  }
}
if (!chromiumRuns()) {
  process.stderr.write(`Chromium is missing at ${CHROMIUM}: run \`sudo sh -c '${INSTALL}'\` (or set CHROMIUM_PATH), then npm test again\n`);
  process.exit(1);
}
// Chromium runs; without the fonts the journeys still pass, only screenshots of failures show boxes.
if (!hasCjkFonts()) process.stdout.write(`no CJK fonts: failure screenshots will show boxes (sudo sh -c '${INSTALL}')\n`);
