import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

const fromHere = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  plugins: [vue()],
  resolve: {
    alias: {
      '@qh/domain': fromHere('../../libs/domain/src/index.ts'),
      '@qh/api-client': fromHere('../../libs/api-client/src/index.ts'),
    },
  },
  define: {
    // vue-i18n feature flags: composition API only, so the legacy API is tree-shaken.
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  server: {
    // Same origin in dev as in production (the API serves the built app), so the refresh cookie works.
    proxy: {
      '/api': { target: 'http://localhost:3000' },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.spec.ts'],
    setupFiles: ['src/testing/setup.ts'],
  },
});
