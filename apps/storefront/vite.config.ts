import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import vue from '@vitejs/plugin-vue';
import type { Plugin, Rollup } from 'vite';
import { defineConfig } from 'vitest/config';
import { CATCH_ALL, declaredRoutes } from './route-manifest.ts';

const fromHere = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * `routes.json`: the paths of the storefront's pages, so the server can answer 404 for any other;
 * the API reads each starts with, which it hints with the page (see route-manifest.ts); and the code
 * each needs beyond the first download (its chunk, the chunks and styles that imports, the portals'
 * messages), which it hints too: fetched beside the app's script rather than after it has run.
 */
function routeManifest(outDir: string): Plugin {
  return {
    name: 'qh-route-manifest',
    apply: 'build',
    writeBundle(_options, bundle) {
      const codeOf = chunkCode(bundle);
      const portalMessages = codeOf(fromHere('src/lang/zh-CN.portals.json'));
      const pages = declaredRoutes(fromHere('src'))
        .filter((route) => route.path !== CATCH_ALL)
        .map(({ path, preload, images, chunkModule, portal }) => {
          const code = [...new Set([...(chunkModule ? codeOf(chunkModule) : []), ...(portal ? portalMessages : [])])];
          const entry = {
            path,
            ...(preload.length ? { preload } : {}),
            ...(images.length ? { images } : {}),
            ...(code.length ? { code } : {}),
          };
          return Object.keys(entry).length > 1 ? entry : path;
        });
      writeFileSync(join(outDir, 'routes.json'), JSON.stringify(pages, null, 2) + '\n');
    },
  };
}

/**
 * The files (`/assets/…`) that loading the module `id` brings: its chunk (its own, or the one it went
 * into) and those it imports, and their style sheets, less what the first download has already.
 * Throws for a module in no chunk (a route naming a file that is not there), so that a hint is never
 * silently lost.
 */
function chunkCode(bundle: Rollup.OutputBundle): (id: string) => string[] {
  const chunks = Object.values(bundle).filter((file): file is Rollup.OutputChunk => file.type === 'chunk');
  const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const closure = (start: Rollup.OutputChunk[]): Rollup.OutputChunk[] => {
    const seen = new Set<Rollup.OutputChunk>();
    const visit = (chunk: Rollup.OutputChunk) => {
      if (seen.has(chunk)) return;
      seen.add(chunk);
      chunk.imports.forEach((file) => visit(byFile.get(file)!));
    };
    start.forEach(visit);
    return [...seen];
  };
  const firstDownload = new Set(closure(chunks.filter((chunk) => chunk.isEntry)));
  return (id) => {
    const own = chunks.find((chunk) => chunk.facadeModuleId === id) ?? chunks.find((chunk) => chunk.moduleIds.includes(id));
    if (!own) throw new Error(`qh-route-manifest: ${id} is in no chunk of the build`);
    return closure([own])
      .filter((chunk) => !firstDownload.has(chunk))
      .flatMap((chunk) => [chunk.fileName, ...(chunk.viteMetadata?.importedCss ?? [])])
      .map((file) => `/${file}`);
  };
}

/**
 * Writes a Brotli and a gzip copy beside each script, style sheet and SVG of the build, compressed once
 * at their best; the API sends the one the browser accepts (@fastify/static's preCompressed) instead
 * of compressing on every request or not at all.
 */
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

export default defineConfig(({ command }) => ({
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
    // The messages are compiled by src/lang/message-compiler.ts: vue-i18n's own compiler stays out of the
    // build. Tests keep it, to check the two compilers agree (message-compiler.spec.ts).
    __INTLIFY_DROP_MESSAGE_COMPILER__: command === 'build',
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
    // vue-i18n warns, outside production, that the app compiles its messages itself (src/i18n.ts): once per file, known.
    onConsoleLog: (log) => !log.includes('This project is using Custom Message Compiler'),
  },
}));
