// Runs the Stripe emulator of the tests (test/support/stripe-emulator.ts) as a standalone server, for
// trying the API and storefront against "Stripe" by hand:
//
//   node scripts/stripe-emulator.mjs [--port 12111] [--host 127.0.0.1] [--webhook http://localhost:3000/api/payments/stripe/webhook]
//
// Keys from STRIPE_SECRET_KEY (default sk_test_emulator) and STRIPE_WEBHOOK_SECRET (default whsec_emulator).
// Point the API at it with STRIPE_API_URL=http://127.0.0.1:12111. Pay as the buyer with
//   curl -X POST 'http://127.0.0.1:12111/_emulator/payment_intents/pi_…/confirm?payment_method=pm_card_visa'
// and look at everything with curl http://127.0.0.1:12111/_emulator/state.
import { transformFileSync } from '@swc/core';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const USAGE = 'usage: node scripts/stripe-emulator.mjs [--port 12111] [--host 127.0.0.1] [--webhook URL]';

let args;
try {
  args = parseArgs({
    options: {
      port: { type: 'string', default: '12111' },
      host: { type: 'string', default: '127.0.0.1' },
      webhook: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }).values;
} catch (error) {
  console.error(`${error.message}\n${USAGE}`);
  process.exit(2);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
const port = Number(args.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number (got "${args.port}")\n${USAGE}`);
  process.exit(2);
}

// The emulator is TypeScript written for Jest; SWC (already used by Jest here) turns it into CommonJS we can load.
const source = fileURLToPath(new URL('../test/support/stripe-emulator.ts', import.meta.url));
const { code } = transformFileSync(source, {
  jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
  module: { type: 'commonjs' },
});
const buildDir = mkdtempSync(join(tmpdir(), 'stripe-emulator-'));
const compiled = join(buildDir, 'stripe-emulator.cjs');
writeFileSync(compiled, code);
const { startStripeEmulator } = createRequire(import.meta.url)(compiled);

const emulator = await startStripeEmulator({
  port,
  host: args.host,
  secretKey: process.env.STRIPE_SECRET_KEY || 'sk_test_emulator',
  webhookSecret: process.env.STRIPE_WEBHOOK_SECRET || 'whsec_emulator',
  webhookUrl: args.webhook,
});

const time = () => new Date().toISOString().slice(11, 23);
emulator.on('request', (request) => {
  const key = request.idempotencyKey ? ` key=${request.idempotencyKey}` : '';
  const replayed = request.replayed ? ' (replayed)' : '';
  console.log(`${time()} ${request.method} ${request.path} → ${request.status ?? 'no answer (fault)'}${replayed}${key}`);
});
emulator.on('delivery', (delivery) => {
  const outcome = delivery.status === 0 ? `unreachable (${delivery.error})` : String(delivery.status);
  console.log(`${time()} webhook ${delivery.type} ${delivery.eventId} attempt ${delivery.attempt} → ${outcome}`);
});

console.log(`Stripe emulator on ${emulator.url} (pid ${process.pid})`);
console.log(`  webhooks: ${args.webhook ?? 'none (pass --webhook URL)'}`);
console.log(`  buyer pays: curl -X POST '${emulator.url}/_emulator/payment_intents/<pi_id>/confirm?payment_method=pm_card_visa'`);
console.log(`  state: curl ${emulator.url}/_emulator/state`);

let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`${time()} ${signal}: stopping`);
  await emulator.close();
  rmSync(buildDir, { recursive: true, force: true });
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
