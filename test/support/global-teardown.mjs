import { rmSync } from 'node:fs';

export default async function globalTeardown() {
  await globalThis.__QH_TEST_CLUSTER__?.stop();
  if (globalThis.__QH_TEST_CLUSTER_DIR__) rmSync(globalThis.__QH_TEST_CLUSTER_DIR__, { recursive: true, force: true });
}
