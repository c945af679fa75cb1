import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export interface DeclaredRoute {
  /** As vue-router has it, e.g. `/products/:slug`. */
  path: string;
  /** The first role its `meta.roles` allows, or null when anyone may open it. */
  role: string | null;
  /** Its `meta.preload`: the API reads it starts with, which the server hints to the browser with the page. */
  preload: string[];
  /** Its `meta.preloadImages`: where in those reads the pictures it opens with are. */
  images: string[];
  /** The file of its component when that is a chunk of its own (`() => import('./pages/X.vue')`), else null. */
  chunkModule: string | null;
  /** Whether it is a page of a portal (any module's but the shop's), which opens with the portals' messages (router.ts). */
  portal: boolean;
}

/** Matches any other path: the not-found page. */
export const CATCH_ALL = '/:pathMatch(.*)*';

/**
 * Every route the storefront declares, read from its route files (`src/router.ts` and each module's
 * `routes.ts`) as text: the build writes them for the server, which answers 404 for any other page,
 * and the browser suite visits each of them.
 */
export function declaredRoutes(srcDir: string): DeclaredRoute[] {
  const modules = join(srcDir, 'modules');
  const router = join(srcDir, 'router.ts');
  const files = [
    router,
    ...readdirSync(modules)
      .map((module) => join(modules, module, 'routes.ts'))
      .filter((file) => existsSync(file)),
  ];
  return files.flatMap((file) => {
    const portal = file !== router && dirname(file) !== join(modules, 'shop');
    return [...readFileSync(file, 'utf8').matchAll(/path: '([^']+)'[\s\S]*?(?=path: '|$)/g)].map(([block, path]) => {
      const lazy = /component: \(\) => import\('([^']+)'\)/.exec(block)?.[1];
      return {
        path: path!,
        role: /roles: \[\s*'(\w+)'/.exec(block)?.[1] ?? null,
        preload: literals(/preload: \[([^\]]*)\]/.exec(block)?.[1]),
        images: literals(/preloadImages: \[([^\]]*)\]/.exec(block)?.[1]),
        chunkModule: lazy ? resolve(dirname(file), lazy) : null,
        portal,
      };
    });
  });
}

/** The quoted strings of a literal array's text. */
function literals(list: string | undefined): string[] {
  return [...(list?.matchAll(/'([^']+)'/g) ?? [])].map(([, value]) => value!);
}
