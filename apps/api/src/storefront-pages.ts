import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { filtersFromQuery, isProductCategory, productListQuery } from '@qh/domain';

/**
 * A page of the storefront as its build's `routes.json` names it: its path as vue-router has it
 * (`/products/:slug`), the API reads the page starts with (`/api/products/:slug`, its parameters
 * filled in from the path), where in those reads the pictures it opens with are
 * (`/api/products/:slug images.0`), and the code it needs beyond the app's first download (its
 * chunks and style sheets, `/assets/…`). A page that needs none of them is its path alone.
 */
type ManifestEntry = string | { path: string; preload?: string[]; images?: string[]; code?: string[] };

export interface StorefrontPage {
  pattern: RegExp;
  /** The names of the path's parameters, in the order `pattern` captures them. */
  parameters: string[];
  preload: string[];
  /** Pictures the page opens with: a read of `preload`, and the field of its answer that holds the picture's URL (`items.0.imageUrl`). */
  images: { read: string; field: string }[];
  /** Its scripts and style sheets beyond the first download. */
  code: string[];
}

/** A parameter that goes into a preloaded URL and an HTML attribute as it is: a slug, an id, a code. */
const PLAIN_VALUE = /^[A-Za-z0-9._~-]+$/;
/** A picture or a file of code the page may hint: one of ours, by a path of plain characters. */
const OUR_FILE = /^\/(?!\/)[A-Za-z0-9._~/-]+$/;

function page(entry: ManifestEntry): StorefrontPage {
  const { path, preload = [], images = [], code = [] } = typeof entry === 'string' ? { path: entry } : entry;
  const parameters: string[] = [];
  const segments = path.split('/').map((segment) => {
    if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    parameters.push(segment.slice(1));
    return '([^/]+)';
  });
  const pictures = images.map((image) => {
    const [read = '', field = ''] = image.split(' ');
    return { read, field };
  });
  return {
    pattern: new RegExp(`^${segments.join('/')}/?$`),
    parameters,
    preload,
    images: pictures,
    code: code.filter((file) => OUR_FILE.test(file)),
  };
}

/**
 * What the page's CSP names to let index.html's own inline scripts run: the hash of each one's text
 * exactly as served (`'sha256-…'`). Any other inline script, say one injected, stays refused.
 */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    ([, text]) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`,
  );
}

/** The pages of the storefront built into `dir`, or null for a build without a manifest (every path is a page). */
export function storefrontPages(manifestFile: string): StorefrontPage[] | null {
  return existsSync(manifestFile) ? (JSON.parse(readFileSync(manifestFile, 'utf8')) as ManifestEntry[]).map(page) : null;
}

/**
 * A read's parameter that is not in the page's path: the query of the product listing that the
 * page's own query asks for (`/api/products?:listing`), as the storefront's listing sends it, within
 * the category the page's path parameter `code` names if it has one (`/category/:code`).
 */
const LISTING = ':listing';

/**
 * The product listing the page's query `search` asks for (LISTING), within `category` (the `code`
 * of its path, if any); null for a category that is not one, or a query the app would read otherwise
 * (not URI-encoded): the app shows no listing, or asks for another.
 */
function listingOf(search: string, category: string | undefined): string | null {
  const upper = category?.toUpperCase();
  if (upper !== undefined && !isProductCategory(upper)) return null;
  try {
    decodeURIComponent(search.replaceAll('+', ' '));
  } catch {
    return null; // the app's router keeps such a value as it is, where URLSearchParams would mend it
  }
  const query: Record<string, string[]> = {};
  for (const [name, value] of new URLSearchParams(search)) (query[name] ??= []).push(value);
  return productListQuery(filtersFromQuery(query), upper);
}

/**
 * `template` with the parameters of the page's `address` (its path and query) filled in, or null
 * when one is not a plain value.
 */
function filled(template: string, found: StorefrontPage, address: string): string | null {
  const [path = '', search = ''] = address.split(/\?(.*)/s);
  const values = found.pattern.exec(path)?.slice(1) ?? [];
  let url = template;
  if (url.includes(LISTING)) {
    const code = found.parameters.indexOf('code');
    const listing = listingOf(search, code < 0 ? undefined : values[code]);
    if (listing === null) return null;
    url = url.replaceAll(LISTING, listing);
  }
  for (const [i, name] of found.parameters.entries()) {
    if (!url.includes(`:${name}`)) continue;
    if (!PLAIN_VALUE.test(values[i] ?? '')) return null;
    url = url.replaceAll(`:${name}`, values[i]!);
  }
  return url;
}

/** The reads a page starts with and its pictures come from, by template, filled in from its address (null: left to the app). */
export type PageReads = Map<string, string | null>;

/** The reads of the page at `address` (its path and query), each filled in once for all that hints them. */
export function pageReads(found: StorefrontPage, address: string): PageReads {
  const templates = new Set([...found.preload, ...found.images.map((image) => image.read)]);
  return new Map([...templates].map((template) => [template, filled(template, found, address)]));
}

/** What `answer` holds at `field` (`items.0.imageUrl`), if anything. */
function valueAt(answer: unknown, field: string): unknown {
  return field
    .split('.')
    .reduce<unknown>(
      (value, key) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined),
      answer,
    );
}

/**
 * The pictures the page opens with, read from the answers of its `reads` as `read(url)` gives them
 * (null for a read that failed): a picture in the first view is the page's largest paint, and
 * hinted with the page it is fetched beside the app's script rather than after it.
 */
export async function openingPictures(found: StorefrontPage, reads: PageReads, read: (url: string) => Promise<unknown>): Promise<string[]> {
  const answers = new Map<string, Promise<unknown>>();
  const pictures = await Promise.all(
    found.images.map(async ({ read: template, field }) => {
      const url = reads.get(template);
      if (!url) return null;
      if (!answers.has(url)) answers.set(url, read(url));
      const value = valueAt(await answers.get(url), field);
      return typeof value === 'string' && OUR_FILE.test(value) ? value : null;
    }),
  );
  return [...new Set(pictures.filter((picture): picture is string => picture !== null))];
}

/**
 * `html` with a preload hint for each of the page's `reads` it starts with, so that the browser
 * fetches them beside the app's script instead of after it has run: on a phone's network a round
 * trip of half a second; one for each of `pictures`; and the page's own code, which the app would
 * otherwise ask for only once its script has run. A read whose parameter is not a plain value is
 * left to the app.
 */
export function withPreloads(html: string, found: StorefrontPage, reads: PageReads, pictures: string[] = []): string {
  const links = [
    ...found.preload.flatMap((template) => {
      const url = reads.get(template);
      // The app's client sends credentials with every call: a preload matches only a request made like it.
      return url ? [`<link rel="preload" href="${url.replaceAll('&', '&amp;')}" as="fetch" crossorigin="use-credentials">`] : [];
    }),
    ...pictures.map((picture) => `<link rel="preload" href="${picture}" as="image" fetchpriority="high">`),
    // As Vite's own loader would add them (crossorigin), which then finds them there and adds no second.
    ...found.code.map((file) =>
      file.endsWith('.css')
        ? `<link rel="stylesheet" crossorigin href="${file}">`
        : `<link rel="modulepreload" crossorigin href="${file}">`,
    ),
  ];
  return links.length ? html.replace('</head>', `    ${links.join('\n    ')}\n  </head>`) : html;
}
