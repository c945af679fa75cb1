// The import graph of the project's own TypeScript and Vue files, read with a regex (fast, and
// enough for the project's plain `import … from '…'` style), for the lint rules on cycles and features.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const IMPORT = /^\s*(?:import|export)\s(?:[^'";]*?\sfrom\s*)?['"]([^'"]+)['"]/gm;
const EXTENSIONS = ['.ts', '.vue', '/index.ts'];

/** Where the storefront's `@/…` points; other bare specifiers are packages, outside the graph. */
const ALIASES = [{ prefix: '@/', root: resolve(import.meta.dirname, '../../apps/storefront/src') }];

export function resolveImport(fromFile, specifier) {
  let base;
  if (specifier.startsWith('.')) base = resolve(dirname(fromFile), specifier);
  else {
    const alias = ALIASES.find((a) => specifier.startsWith(a.prefix));
    if (!alias) return null;
    base = join(alias.root, specifier.slice(alias.prefix.length));
  }
  if (existsSync(base) && statSync(base).isFile()) return base;
  for (const extension of EXTENSIONS) if (existsSync(base + extension)) return base + extension;
  return null;
}

const cache = new Map();

/** The project files `file` imports, type-only imports included. */
export function importsOf(file) {
  let found = cache.get(file);
  if (!found) {
    found = [];
    const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
    for (const match of text.matchAll(IMPORT)) {
      const target = resolveImport(file, match[1]);
      if (target) found.push(target);
    }
    cache.set(file, found);
  }
  return found;
}

/** A path of imports (type-only ones included) from `start` back to `goal`, or null. */
export function pathBack(start, goal) {
  const seen = new Set([start]);
  const stack = [[start, [start]]];
  while (stack.length) {
    const [file, path] = stack.pop();
    for (const target of importsOf(file)) {
      if (target === goal) return path;
      if (!seen.has(target)) {
        seen.add(target);
        stack.push([target, [...path, target]]);
      }
    }
  }
  return null;
}
