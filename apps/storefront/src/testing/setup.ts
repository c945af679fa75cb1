import { afterEach, beforeEach, vi } from 'vitest';

// Unit tests never touch the network: a test that forgets to fake the API fails loudly.
beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => {
      throw new Error(`Unexpected request in a unit test: ${request.method} ${request.url}`);
    }),
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
  document.documentElement.lang = 'zh-CN';
});
