import { existsSync, readFileSync } from 'node:fs';

/**
 * A page of the storefront as its build's `routes.json` names it: its path as vue-router has it
 * (`/products/:slug`), and the API reads the page starts with (`/api/products/:slug`, its parameters
 * filled in from the path). A build older than the reads lists paths alone.
 */
type ManifestEntry = string | { path: string; preload?: string[] };

export interface StorefrontPage {
  pattern: RegExp;
  /** The names of the path's parameters, in the order `pattern` captures them. */
  parameters: string[];
  preload: string[];
}

/** A parameter that goes into a preloaded URL and an HTML attribute as it is: a slug, an id, a code. */
const PLAIN_VALUE = /^[A-Za-z0-9._~-]+$/;

function page(entry: ManifestEntry): StorefrontPage {
  const { path, preload = [] } = typeof entry === 'string' ? { path: entry } : entry;
  const parameters: string[] = [];
  const segments = path.split('/').map((segment) => {
    if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    parameters.push(segment.slice(1));
    return '([^/]+)';
  });
  return { pattern: new RegExp(`^${segments.join('/')}/?$`), parameters, preload };
}

/** The pages of the storefront built into `dir`, or null for a build without a manifest (every path is a page). */
export function storefrontPages(manifestFile: string): StorefrontPage[] | null {
  return existsSync(manifestFile) ? (JSON.parse(readFileSync(manifestFile, 'utf8')) as ManifestEntry[]).map(page) : null;
}

/**
 * `html` with a preload hint for each API read the page at `path` starts with, so that the browser
 * fetches them beside the app's script instead of after it has run: on a phone's network a round
 * trip of half a second. A read whose parameter is not a plain value is left to the app.
 */
export function withPreloads(html: string, found: StorefrontPage, path: string): string {
  const values = found.pattern.exec(path)?.slice(1) ?? [];
  const links = found.preload.flatMap((template) => {
    let url = template;
    for (const [i, name] of found.parameters.entries()) {
      if (!url.includes(`:${name}`)) continue;
      if (!PLAIN_VALUE.test(values[i] ?? '')) return [];
      url = url.replaceAll(`:${name}`, values[i]!);
    }
    // The app's client sends credentials with every call: a preload matches only a request made like it.
    return [`<link rel="preload" href="${url.replaceAll('&', '&amp;')}" as="fetch" crossorigin="use-credentials">`];
  });
  return links.length ? html.replace('</head>', `    ${links.join('\n    ')}\n  </head>`) : html;
}
