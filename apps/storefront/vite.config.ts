import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import vue from '@vitejs/plugin-vue';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { CATCH_ALL, declaredRoutes } from './route-manifest.ts';

const fromHere = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Writes a Brotli and a gzip copy beside each script, style sheet and SVG of the build, compressed once
 * at their best; the API sends the one the browser accepts (@fastify/static's preCompressed) instead
 * of compressing on every request or not at all.
 */
/**
 * `routes.json`: the paths of the storefront's pages, so the server can answer 404 for any other,
 * and the API reads each starts with, which it hints with the page (see route-manifest.ts).
 */
function routeManifest(outDir: string): Plugin {
  return {
    name: 'qh-route-manifest',
    apply: 'build',
    closeBundle() {
      const pages = declaredRoutes(fromHere('src'))
        .filter((route) => route.path !== CATCH_ALL)
        .map(({ path, preload, images }) => (preload.length ? { path, preload, ...(images.length ? { images } : {}) } : path));
      writeFileSync(join(outDir, 'routes.json'), JSON.stringify(pages, null, 2) + '\n');
    },
  };
}

function precompress(outDir: string): Plugin {
  return {
    name: 'qh-precompress',
    apply: 'build',
    closeBundle() {
      const assets = join(outDir, 'assets');
      for (const name of readdirSync(assets).filter((file) => /\.(js|css|svg)$/.test(file))) {
        const bytes = readFileSync(join(assets, name));
        writeFileSync(join(assets, `${name}.br`), brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        writeFileSync(join(assets, `${name}.gz`), gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  plugins: [vue(), precompress(fromHere('dist')), routeManifest(fromHere('dist'))],
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
    // A page spec mounts the whole app; on a loaded 2-core CI machine the first ones can pass 5 s.
    testTimeout: 20_000,
  },
});
