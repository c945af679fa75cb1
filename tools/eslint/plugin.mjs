// The project's own lint rules: no import cycles anywhere, and features of the API that reach into
// each other only through what they offer (their module, services, DTOs and declared public files).
import { relative, sep } from 'node:path';
import { pathBack, resolveImport } from './import-graph.mjs';

const sourceOf = (node) => node.source?.value;

const noImportCycles = {
  meta: {
    type: 'problem',
    docs: { description: 'An import must not lead back to the importing file (type-only imports included).' },
    schema: [],
    messages: { cycle: 'Import cycle: {{path}}' },
  },
  create(context) {
    const file = context.filename;
    const check = (node) => {
      const specifier = sourceOf(node);
      const target = typeof specifier === 'string' ? resolveImport(file, specifier) : null;
      if (!target) return;
      const back = pathBack(target, file);
      if (back) context.report({ node, messageId: 'cycle', data: { path: [file, ...back, file].map(shortName).join(' → ') } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};

const shortName = (file) => relative(process.cwd(), file).split(sep).join('/');

/**
 * Options: { root: 'apps/api/src', shared: [folders anyone may import], public: { feature: [paths inside it] } }.
 * A file in feature A may import from feature B only B's `*.module.ts`, `*.service.ts`, `dto/…`, or a path B declares public.
 */
const featureBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'A feature imports another feature only through its module, services, DTOs and declared public files.' },
    schema: [{ type: 'object' }],
    messages: {
      private:
        '{{from}} may not import {{target}}: another feature offers only its module, services, DTOs and the files it declares public (eslint.config.mjs).',
    },
  },
  create(context) {
    const { root, shared, public: declared } = context.options[0];
    const featureOf = (file) => {
      const inside = shortName(file);
      if (!inside.startsWith(`${root}/`)) return null;
      const [folder, ...rest] = inside.slice(root.length + 1).split('/');
      return rest.length ? { folder, path: rest.join('/') } : null;
    };
    const from = featureOf(context.filename);
    if (!from || shared.includes(from.folder)) return {};
    const check = (node) => {
      const specifier = sourceOf(node);
      const target = typeof specifier === 'string' ? resolveImport(context.filename, specifier) : null;
      const to = target && featureOf(target);
      if (!to || to.folder === from.folder || shared.includes(to.folder)) return;
      const path = to.path.replace(/\.ts$/, '');
      const offered = /\.(module|service)$/.test(path) || path.startsWith('dto/') || (declared[to.folder] ?? []).includes(path);
      if (!offered) context.report({ node, messageId: 'private', data: { from: from.folder, target: `${to.folder}/${path}` } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};

export default { rules: { 'no-import-cycles': noImportCycles, 'feature-boundaries': featureBoundaries } };
