import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SHIP_ON_TIME_HOURS, type ProductCategory, type ProductSort } from '@qh/domain';
import { DataSource } from 'typeorm';
import { timestampKey } from '../common/keyset-cursor';
import { isoInstant, preparedRows, row, rows, type Statement } from '../database/sql';
import { IS_CERTIFIED, IS_IN_SEASON, IS_PRESALE, priceBreaksOf } from './product-sql';
import type { ManagedVariantRow } from './products.repository';

export interface ProductFilter {
  category?: ProductCategory;
  township?: string;
  cooperative?: string;
  certified?: boolean;
  inSeason?: boolean;
  /** Lower-cased, spaces removed. */
  q?: string;
  sort: ProductSort;
  limit: number;
  after?: { key: string; id: string };
}

export interface ProductRow {
  id: string;
  slug: string;
  titleZh: string;
  titleEn: string;
  category: ProductCategory;
  cooperativeId: string;
  cooperativeName: string;
  cooperativeNameEn: string;
  townshipCode: string;
  townshipName: string;
  townshipNameEn: string;
  minPriceFen: number;
  maxPriceFen: number;
  inStock: boolean;
  certified: boolean;
  imageUrl: string | null;
  /** ISO instants, as the answer gives them (isoInstant). */
  saleStartsAt: string | null;
  saleEndsAt: string | null;
  presaleShipsOn: string | null;
  inSeason: boolean;
  presale: boolean;
  sortKey: string;
  /** On a page of the `near` part of a search: how many candidates it had (SEARCH_CANDIDATES at most). */
  candidateCount?: number;
}

/** One definition each, used both as a column and as a filter. */

/** Columns of a list item, over `p` joined with ITEM_JOINS. */
const ITEM_COLUMNS = `
  p.id, p.slug, p.title_zh AS "titleZh", p.title_en AS "titleEn", p.category,
  c.id AS "cooperativeId", c.name_zh AS "cooperativeName", c.name_en AS "cooperativeNameEn",
  t.code AS "townshipCode", t.name AS "townshipName", t.name_en AS "townshipNameEn",
  v.min_price_fen AS "minPriceFen", v.max_price_fen AS "maxPriceFen", v.in_stock AS "inStock",
  ${IS_CERTIFIED} AS certified,
  p.images->>0 AS "imageUrl", ${isoInstant('p.sale_starts_at')} AS "saleStartsAt", ${isoInstant('p.sale_ends_at')} AS "saleEndsAt",
  to_char(p.presale_ships_on, 'YYYY-MM-DD') AS "presaleShipsOn", ${IS_IN_SEASON} AS "inSeason", ${IS_PRESALE} AS presale`;

/** The product `product` (an alias) has something to buy. */
const hasVariants = (product: string) => `EXISTS (SELECT 1 FROM product_variant pv WHERE pv.product_id = ${product}.id)`;

/** The product `product`'s cooperative, as `c`, if it is verified. */
const verifiedCooperative = (product: string) => `JOIN cooperative c ON c.id = ${product}.cooperative_id AND c.status = 'VERIFIED'`;

/** In the shop: published, by a verified cooperative, with something to buy. */
const LISTED = `
  FROM product p ${verifiedCooperative('p')}
  WHERE p.status = 'PUBLISHED' AND ${hasVariants('p')}`;

/**
 * What a list item shows beyond the product row. Joined only to the rows of a page: the page is
 * chosen first (by an index where the order allows), then dressed, so a list costs the same for
 * 50 products or 50,000.
 */
const ITEM_JOINS = `
  JOIN cooperative c ON c.id = p.cooperative_id
  JOIN township t ON t.code = p.origin_township_code
  JOIN LATERAL (
    SELECT min(price_fen)::int AS min_price_fen, max(price_fen)::int AS max_price_fen, bool_or(stock > 0) AS in_stock
      FROM product_variant WHERE product_id = p.id
  ) v ON true`;

/**
 * Relevance of a match of the product `p` (an alias), highest first: exact title, pinyin or initials;
 * then a title containing the query or pinyin starting with it; then any other match, each refined
 * by trigram similarity.
 */
const rank = (q: string, p = 'p') => `round((CASE
    WHEN ${p}.title_zh = ${q} OR ${p}.pinyin = ${q} OR ${p}.pinyin_initials = ${q} THEN 3
    WHEN strpos(${p}.title_zh, ${q}) > 0 OR strpos(${p}.pinyin_initials, ${q}) > 0 OR starts_with(${p}.pinyin, ${q}) THEN 2
    ELSE 1 END + similarity(${p}.search_text, ${q}))::numeric, 6)`;

const MIN_PRICE = `(SELECT min(pv.price_fen) FROM product_variant pv WHERE pv.product_id = p.id)`;

/**
 * Sort keys; relevance needs the placeholder of the search text. `newest` sorts on the column itself
 * so that product_published_idx serves the first page without a sort; `text` renders a key for the cursor.
 */
const SORTS: Record<ProductSort, { key: (q: string) => string; direction: 'ASC' | 'DESC'; cast: string; text: (key: string) => string }> = {
  relevance: { key: rank, direction: 'DESC', cast: 'numeric', text: (key) => `${key}::text` },
  newest: {
    key: () => 'p.published_at',
    direction: 'DESC',
    cast: 'timestamptz',
    text: timestampKey,
  },
  price_asc: { key: () => MIN_PRICE, direction: 'ASC', cast: 'int', text: (key) => `${key}::text` },
  price_desc: { key: () => MIN_PRICE, direction: 'DESC', cast: 'int', text: (key) => `${key}::text` },
};

/**
 * How many of a search's matches are ranked first: the shortest, found in product_search_length_idx
 * order without visiting the rest. Ranking every match costs as much as there are matches
 * (thousands for "樱桃" in a large catalog). Every match contains the search text, so its trigram
 * similarity falls as its text grows longer: the shortest matches hold the best-ranked ones, and
 * the rest follow them, ranked, for whoever pages that far. A hundred fill five pages of twenty and
 * rank in about a millisecond; three hundred took three times as long.
 */
export const SEARCH_CANDIDATES = 100;

/**
 * Keys of the candidates are their rank plus this, so that every candidate sorts before
 * every other match (ranks lie between 1 and 4), and a cursor tells which part it stopped in.
 */
const CANDIDATE_KEY_OFFSET = 10;

/**
 * How many of the shortest published products, in product_search_length_idx order, a search looks
 * through first. When they hold SEARCH_CANDIDATES matches, or are the whole shop, the candidates are
 * among them, found by a statement with one plan for every search text. Among every match, the
 * statement is planned for each text (a trigram index scan for a rare one, the length order for a
 * common one), and planning took longer than running: 1.4 ms of 3.2 for "yingtao" at 50,000
 * products, where the window's statement takes 1.9 ms in all. A search with too few matches in the
 * window ("茶" there: the teas' titles are long) pays about 1.5 ms more for having looked.
 */
export const SEARCH_WINDOW = 2000;

/**
 * Which part of a search's results a page reads: the candidates among the shortest products
 * (SEARCH_WINDOW), the candidates among every match, or the matches after the candidates.
 */
export type SearchPart = 'near' | 'candidates' | 'rest';

/** The part a relevance page starts in: where its cursor stopped, or the candidates for a first page. */
export const searchPartOf = (filter: ProductFilter): SearchPart =>
  filter.after && Number(filter.after.key) < CANDIDATE_KEY_OFFSET ? 'rest' : 'near';

/** How many candidates the `near` part found. */
const NEAR_COUNT = '(SELECT count(*) FROM near)';

/**
 * The `near` part: its candidates, ranked, as the CTE `near` (id, sort_value), and what a page reads
 * of them, which is nothing unless they are known to be the candidates. `q` and `pattern` are the
 * search text's and its LIKE pattern's placeholders; `filters`, the list's other conditions on `p`.
 */
function nearCandidates(q: string, pattern: string, filters: string): { cte: string; from: string } {
  // The pattern as a value worked out when the statement runs: the planner then knows no more of
  // one search text than of another, and PostgreSQL keeps the one plan it made. Ranked from
  // product_search_length_idx alone; the table is read only for the filters chosen.
  const cte = `WITH near AS MATERIALIZED (
    SELECT w.id, (${rank(q, 'w')} + ${CANDIDATE_KEY_OFFSET}) AS sort_value
      FROM (SELECT id, search_text, length(search_text) AS length, cooperative_id, title_zh, pinyin, pinyin_initials
              FROM product WHERE status = 'PUBLISHED' ORDER BY length(search_text), id LIMIT ${SEARCH_WINDOW}) w
      ${verifiedCooperative('w')} ${filters && 'JOIN product p ON p.id = w.id'}
     WHERE w.search_text LIKE (SELECT ${pattern}::text) AND ${hasVariants('w')} ${filters}
     ORDER BY w.length, w.id LIMIT ${SEARCH_CANDIDATES})`;
  // Known when the window holds enough matches, or is the whole shop (as a shop of hundreds is). The
  // candidates come ranked, read as `p`: the products need not be read again to rank them.
  const from = `FROM near p WHERE (${NEAR_COUNT} = ${SEARCH_CANDIDATES}
                  OR NOT EXISTS (SELECT 1 FROM product WHERE status = 'PUBLISHED' OFFSET ${SEARCH_WINDOW}))`;
  return { cte, from };
}

/**
 * The statement of one page of the shop's list in keyset order: stable while products are added,
 * and no OFFSET scans. A relevance page reads one part of the results (see SEARCH_CANDIDATES); the
 * `near` part answers no rows when the shortest products hold too few matches to know the candidates.
 */
export function productListStatement(filter: ProductFilter, part: SearchPart = searchPartOf(filter)): Statement {
  const values: unknown[] = [];
  const where: string[] = [];
  const add = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  const relevance = filter.q !== undefined && filter.sort === 'relevance';
  // Only the relevance sort reads the search text as a value: a parameter that no part of the statement uses has no type.
  const q = relevance ? `${add(filter.q)}::text` : 'NULL::text';
  if (filter.category) where.push(`p.category = ${add(filter.category)}`);
  if (filter.township) where.push(`p.origin_township_code = ${add(filter.township)}`);
  if (filter.cooperative) where.push(`p.cooperative_id = ${add(filter.cooperative)}`);
  if (filter.certified !== undefined) where.push(`${IS_CERTIFIED} = ${add(filter.certified)}`);
  if (filter.inSeason !== undefined) where.push(`${IS_IN_SEASON} = ${add(filter.inSeason)}`);
  const pattern = filter.q !== undefined ? add(`%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined;
  const filters = where.map((w) => `AND ${w}`).join(' ');
  const matching = `${LISTED} ${filters} ${pattern ? `AND p.search_text LIKE ${pattern}` : ''}`;
  const sort = SORTS[filter.sort];
  let key = sort.key(q);
  let from = matching;
  let planEachTime = filter.q !== undefined;
  let withNear = '';
  if (relevance && pattern) {
    const candidates = `SELECT p.id ${matching} ORDER BY length(p.search_text), p.id LIMIT ${SEARCH_CANDIDATES}`;
    if (part === 'near') {
      ({ cte: withNear, from } = nearCandidates(q, pattern, filters));
      key = 'p.sort_value';
      planEachTime = false;
    } else if (part === 'candidates') {
      key = `(${key} + ${CANDIDATE_KEY_OFFSET})`;
      from = `FROM (${candidates}) candidate JOIN product p ON p.id = candidate.id WHERE true`;
    } else {
      from = `${matching} AND p.id NOT IN (${candidates})`;
    }
  }
  const page: string[] = [];
  if (filter.after) {
    const comparator = sort.direction === 'DESC' ? '<' : '>';
    // A row comparison: both columns sort in the same direction.
    page.push(`((${key}), p.id) ${comparator} (${add(filter.after.key)}::${sort.cast}, ${add(filter.after.id)}::uuid)`);
  }
  // In the text, not a parameter: a plan made once for any LIMIT expects a tenth of the table and scans all of it.
  const limit = String(Math.trunc(filter.limit));
  return {
    text: `${withNear} SELECT ${ITEM_COLUMNS}, ${sort.text('page.sort_value')} AS "sortKey"
                   ${withNear && `, ${NEAR_COUNT}::int AS "candidateCount"`}
             FROM (SELECT p.id, ${key} AS sort_value ${from} ${page.map((w) => `AND ${w}`).join(' ')}
                    ORDER BY ${key} ${sort.direction}, p.id ${sort.direction} LIMIT ${limit}) page
             JOIN product p ON p.id = page.id ${ITEM_JOINS}
            ORDER BY page.sort_value ${sort.direction}, p.id ${sort.direction}`,
    values,
    planEachTime,
  };
}

/** Households linked to the cooperative `cooperative` (an SQL expression) today: one row per mechanism, each with the total. */
const linkedHouseholdsOf = (cooperative: string) => `
  WITH live AS (
    SELECT household_id, mechanism FROM household_link
     WHERE cooperative_id = ${cooperative} AND valid_from <= qh_today() AND (valid_to IS NULL OR valid_to >= qh_today()))
  SELECT mechanism, count(DISTINCT household_id)::int AS households, (SELECT count(DISTINCT household_id) FROM live)::int AS total
    FROM live GROUP BY mechanism ORDER BY mechanism`;

export interface LinkedHouseholdsRow {
  mechanism: string;
  households: number;
  total: number;
}

export interface ProductPageRow extends ProductRow {
  descriptionZh: string;
  descriptionEn: string;
  images: string[];
  shippingClass: string;
  shelfLifeDays: number;
  certificationNo: string | null;
  certificationIssuer: string | null;
  certificationBatch: string | null;
  certifiedUntil: string | null;
  variants: ManagedVariantRow[];
  /** The product's cooperative beyond the list item's columns, flat as the statement answers them. */
  coopDescriptionZh: string;
  coopDescriptionEn: string;
  creditCode: string;
  verifiedAt: string | null;
  coopTownshipCode: string;
  coopTownshipName: string;
  coopTownshipNameEn: string;
  linkedHouseholds: LinkedHouseholdsRow[];
}

/** A verified cooperative as its public profile shows it. */
export interface CooperativeProfileRow {
  id: string;
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  creditCode: string;
  /** An ISO instant (isoInstant). */
  verifiedAt: string | null;
  townshipCode: string;
  townshipName: string;
  townshipNameEn: string;
}

/**
 * A product page in one statement: the product, its variants, its cooperative's profile and the
 * households linked to it. Four statements cost four round trips and four plans for one page. Its
 * forty columns come as one JSON value, which pg decodes natively: column by column, pg built a
 * parser and a field for each on every request, a seventh of the API's time on the page. (A list's
 * rows are narrower, and there PostgreSQL's time to write them as JSON outweighed the saving.)
 */
const PRODUCT_PAGE = `SELECT to_json(answer) AS page FROM (SELECT ${ITEM_COLUMNS}, p.description_zh AS "descriptionZh", p.description_en AS "descriptionEn", p.images,
                  p.shipping_class AS "shippingClass", p.shelf_life_days AS "shelfLifeDays", p.certification_no AS "certificationNo",
                  p.certification_issuer AS "certificationIssuer", p.certification_batch AS "certificationBatch",
                  to_char(p.certified_until, 'YYYY-MM-DD') AS "certifiedUntil",
                  (SELECT json_agg(json_build_object('id', v.id, 'sku', v.sku, 'labelZh', v.label_zh, 'labelEn', v.label_en,
                                                     'priceFen', v.price_fen, 'weightG', v.weight_g, 'stock', v.stock,
                                                     'priceBreaks', ${priceBreaksOf('v')}) ORDER BY v.sort_order, v.price_fen)
                     FROM product_variant v WHERE v.product_id = p.id) AS variants,
                  c.description_zh AS "coopDescriptionZh", c.description_en AS "coopDescriptionEn", c.credit_code AS "creditCode",
                  ${isoInstant('c.verified_at')} AS "verifiedAt", ct.code AS "coopTownshipCode", ct.name AS "coopTownshipName",
                  ct.name_en AS "coopTownshipNameEn",
                  (SELECT coalesce(json_agg(h), '[]') FROM (${linkedHouseholdsOf('p.cooperative_id')}) h) AS "linkedHouseholds"
             FROM (SELECT p.id ${LISTED} AND p.slug = $1) page JOIN product p ON p.id = page.id ${ITEM_JOINS}
             JOIN township ct ON ct.code = c.township_code) answer`;

/** The product page's statement (PRODUCT_PAGE): one text, built once, so its prepared statement's name is found without reading it again. */
export function productPageStatement(slug: string): Statement {
  return { text: PRODUCT_PAGE, values: [slug] };
}

@Injectable()
export class CatalogRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  categoryCounts(): Promise<{ category: ProductCategory; count: number }[]> {
    return rows(this.dataSource, `SELECT p.category, count(*) AS count ${LISTED} GROUP BY p.category`);
  }

  async listProducts(filter: ProductFilter): Promise<ProductRow[]> {
    let found = await preparedRows<ProductRow>(this.dataSource, productListStatement(filter));
    if (filter.sort !== 'relevance' || !filter.q) return found;
    const part = searchPartOf(filter);
    // No rows: the shortest products held too few matches to know the candidates (or none matched at
    // all, which only this tells): the candidates are found among every match.
    if (part === 'near' && !found.length)
      found = await preparedRows<ProductRow>(this.dataSource, productListStatement(filter, 'candidates'));
    // A page that ran out of candidates goes on with the matches after them, unless there are none:
    // fewer candidates than SEARCH_CANDIDATES (as `near` counts them, or as a short first page shows).
    const fewerMatchesThanCandidates =
      (found[0]?.candidateCount ?? SEARCH_CANDIDATES) < SEARCH_CANDIDATES ||
      (!filter.after && found.length < Math.min(filter.limit, SEARCH_CANDIDATES));
    if (found.length >= filter.limit || part === 'rest' || fewerMatchesThanCandidates) return found;
    const rest = await preparedRows<ProductRow>(
      this.dataSource,
      productListStatement({ ...filter, after: undefined, limit: filter.limit - found.length }, 'rest'),
    );
    return [...found, ...rest];
  }

  async productPage(slug: string): Promise<ProductPageRow | undefined> {
    const [found] = await preparedRows<{ page: ProductPageRow }>(this.dataSource, productPageStatement(slug));
    // Passed on as JSON.parse made it: a field changed on it (an instant made a Date) left V8 a slower
    // kind of object to read, about 5% of the API's time on the page. The instants come as ISO text.
    return found?.page;
  }

  verifiedCooperative(id: string) {
    return row<CooperativeProfileRow>(
      this.dataSource,
      `SELECT c.id, c.name_zh AS "nameZh", c.name_en AS "nameEn", c.description_zh AS "descriptionZh", c.description_en AS "descriptionEn",
              c.credit_code AS "creditCode", ${isoInstant('c.verified_at')} AS "verifiedAt",
              t.code AS "townshipCode", t.name AS "townshipName", t.name_en AS "townshipNameEn"
         FROM cooperative c JOIN township t ON t.code = c.township_code
        WHERE c.id = $1 AND c.status = 'VERIFIED'`,
      [id],
    );
  }

  /** Counts only: which households exist is never public. */
  /** The cooperative's parcels shipped, those on time (SHIP_ON_TIME_HOURS after payment or a pre-sale's day) and the claims on them. */
  async quality(cooperativeId: string): Promise<{ shipments: number; onTime: number; claims: number }> {
    return (await row<{ shipments: number; onTime: number; claims: number }>(
      this.dataSource,
      `SELECT count(*)::int AS shipments,
              count(*) FILTER (WHERE f.shipped_at <= greatest(o.paid_at, (f.ships_from::timestamp AT TIME ZONE 'Asia/Shanghai'))
                                                     + make_interval(hours => $2))::int AS "onTime",
              (SELECT count(*) FROM claim c WHERE c.cooperative_id = $1)::int AS claims
         FROM fulfillment f JOIN "order" o ON o.id = f.order_id WHERE f.cooperative_id = $1 AND f.shipped_at IS NOT NULL`,
      [cooperativeId, SHIP_ON_TIME_HOURS],
    ))!;
  }

  linkedHouseholds(cooperativeId: string): Promise<LinkedHouseholdsRow[]> {
    return rows(this.dataSource, linkedHouseholdsOf('$1'), [cooperativeId]);
  }
}
