export default async function globalTeardown() {
  await globalThis.__QH_TEST_CLUSTER__?.stop();
}
