import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ProductCategory } from '@qh/domain';
import { DataSource } from 'typeorm';
import { timestampKey } from '../common/keyset-cursor';
import { IS_CERTIFIED, IS_IN_SEASON, IS_PRESALE } from './product-sql';
import type { ProductSort } from './dto/catalog.dto';

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
  title_zh: string;
  title_en: string;
  category: ProductCategory;
  cooperative_id: string;
  cooperative_name: string;
  cooperative_name_en: string;
  township_code: string;
  township_name: string;
  township_name_en: string;
  min_price_fen: number;
  max_price_fen: number;
  in_stock: boolean;
  certified: boolean;
  image_url: string | null;
  sale_starts_at: Date | null;
  sale_ends_at: Date | null;
  presale_ships_on: string | null;
  in_season: boolean;
  presale: boolean;
  sort_key: string;
}

/** One definition each, used both as a column and as a filter. */

/** Columns of a list item, over `p` joined with ITEM_JOINS. */
const ITEM_COLUMNS = `
  p.id, p.slug, p.title_zh, p.title_en, p.category,
  c.id AS cooperative_id, c.name_zh AS cooperative_name, c.name_en AS cooperative_name_en,
  t.code AS township_code, t.name AS township_name, t.name_en AS township_name_en,
  v.min_price_fen, v.max_price_fen, v.in_stock,
  ${IS_CERTIFIED} AS certified,
  p.images->>0 AS image_url, p.sale_starts_at, p.sale_ends_at, to_char(p.presale_ships_on, 'YYYY-MM-DD') AS presale_ships_on,
  ${IS_IN_SEASON} AS in_season, ${IS_PRESALE} AS presale`;

/** In the shop: published, by a verified cooperative, with something to buy. */
const LISTED = `
  FROM product p
  JOIN cooperative c ON c.id = p.cooperative_id AND c.status = 'VERIFIED'
  WHERE p.status = 'PUBLISHED' AND EXISTS (SELECT 1 FROM product_variant pv WHERE pv.product_id = p.id)`;

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
 * Relevance of a match, highest first: exact title, pinyin or initials; then a title containing the
 * query or pinyin starting with it; then any other match, each refined by trigram similarity.
 */
const rank = (q: string) => `round((CASE
    WHEN p.title_zh = ${q} OR p.pinyin = ${q} OR p.pinyin_initials = ${q} THEN 3
    WHEN strpos(p.title_zh, ${q}) > 0 OR strpos(p.pinyin_initials, ${q}) > 0 OR starts_with(p.pinyin, ${q}) THEN 2
    ELSE 1 END + similarity(p.search_text, ${q}))::numeric, 6)`;

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

@Injectable()
export class CatalogRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async categoryCounts(): Promise<{ category: ProductCategory; count: number }[]> {
    return this.dataSource.query(`SELECT p.category, count(*)::int AS count ${LISTED} GROUP BY p.category`);
  }

  /** One page in keyset order: stable while products are added, and no OFFSET scans. */
  async listProducts(filter: ProductFilter): Promise<ProductRow[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    const add = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    // Only the relevance sort reads the search text as a value: a parameter that no part of the statement uses has no type.
    const q = filter.q && filter.sort === 'relevance' ? `${add(filter.q)}::text` : 'NULL::text';
    if (filter.category) where.push(`p.category = ${add(filter.category)}`);
    if (filter.township) where.push(`p.origin_township_code = ${add(filter.township)}`);
    if (filter.cooperative) where.push(`p.cooperative_id = ${add(filter.cooperative)}`);
    if (filter.certified !== undefined) where.push(`${IS_CERTIFIED} = ${add(filter.certified)}`);
    if (filter.inSeason !== undefined) where.push(`${IS_IN_SEASON} = ${add(filter.inSeason)}`);
    if (filter.q) where.push(`p.search_text LIKE ${add(`%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`);
    const sort = SORTS[filter.sort];
    const key = sort.key(q);
    if (filter.after) {
      const comparator = sort.direction === 'DESC' ? '<' : '>';
      // A row comparison: both columns sort in the same direction.
      where.push(`((${key}), p.id) ${comparator} (${add(filter.after.key)}::${sort.cast}, ${add(filter.after.id)}::uuid)`);
    }
    const limit = add(filter.limit);
    return this.dataSource.query(
      `SELECT ${ITEM_COLUMNS}, ${sort.text('page.sort_value')} AS sort_key
         FROM (SELECT p.id, ${key} AS sort_value ${LISTED} ${where.map((w) => `AND ${w}`).join(' ')}
                ORDER BY ${key} ${sort.direction}, p.id ${sort.direction} LIMIT ${limit}) page
         JOIN product p ON p.id = page.id ${ITEM_JOINS}
        ORDER BY page.sort_value ${sort.direction}, p.id ${sort.direction}`,
      params,
    );
  }

  async productBySlug(slug: string) {
    const [row] = await this.dataSource.query(
      `SELECT ${ITEM_COLUMNS}, p.description_zh, p.description_en, p.images, p.shipping_class, p.shelf_life_days,
              p.certification_no, p.certification_issuer, p.certification_batch, to_char(p.certified_until, 'YYYY-MM-DD') AS certified_until
         FROM (SELECT p.id ${LISTED} AND p.slug = $1) page JOIN product p ON p.id = page.id ${ITEM_JOINS}`,
      [slug],
    );
    return row as
      | (ProductRow & {
          description_zh: string;
          description_en: string;
          images: string[];
          shipping_class: string;
          shelf_life_days: number;
          certification_no: string | null;
          certification_issuer: string | null;
          certification_batch: string | null;
          certified_until: string | null;
        })
      | undefined;
  }

  variants(
    productId: string,
  ): Promise<{ id: string; sku: string; label_zh: string; label_en: string; price_fen: number; weight_g: number; stock: number }[]> {
    return this.dataSource.query(
      `SELECT id, sku, label_zh, label_en, price_fen, weight_g, stock FROM product_variant WHERE product_id = $1 ORDER BY sort_order, price_fen`,
      [productId],
    );
  }

  async verifiedCooperative(id: string) {
    const [row] = await this.dataSource.query(
      `SELECT c.id, c.name_zh, c.name_en, c.description_zh, c.description_en, c.credit_code, c.verified_at,
              t.code AS township_code, t.name AS township_name, t.name_en AS township_name_en
         FROM cooperative c JOIN township t ON t.code = c.township_code
        WHERE c.id = $1 AND c.status = 'VERIFIED'`,
      [id],
    );
    return row as
      | {
          id: string;
          name_zh: string;
          name_en: string;
          description_zh: string;
          description_en: string;
          credit_code: string;
          verified_at: Date | null;
          township_code: string;
          township_name: string;
          township_name_en: string;
        }
      | undefined;
  }

  /** Counts only: which households exist is never public. */
  linkedHouseholds(cooperativeId: string): Promise<{ mechanism: string; households: number; total: number }[]> {
    return this.dataSource.query(
      `WITH live AS (
         SELECT household_id, mechanism FROM household_link
          WHERE cooperative_id = $1 AND valid_from <= qh_today() AND (valid_to IS NULL OR valid_to >= qh_today()))
       SELECT mechanism, count(DISTINCT household_id)::int AS households, (SELECT count(DISTINCT household_id)::int FROM live) AS total
         FROM live GROUP BY mechanism ORDER BY mechanism`,
      [cooperativeId],
    );
  }
}
