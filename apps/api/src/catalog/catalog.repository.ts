import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SHIP_ON_TIME_HOURS, type PriceBreak, type ProductCategory } from '@qh/domain';
import { DataSource } from 'typeorm';
import { timestampKey } from '../common/keyset-cursor';
import { row, rows } from '../database/sql';
import { IS_CERTIFIED, IS_IN_SEASON, IS_PRESALE, priceBreaksOf } from './product-sql';
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
  saleStartsAt: Date | null;
  saleEndsAt: Date | null;
  presaleShipsOn: string | null;
  inSeason: boolean;
  presale: boolean;
  sortKey: string;
}

/** One definition each, used both as a column and as a filter. */

/** Columns of a list item, over `p` joined with ITEM_JOINS. */
const ITEM_COLUMNS = `
  p.id, p.slug, p.title_zh AS "titleZh", p.title_en AS "titleEn", p.category,
  c.id AS "cooperativeId", c.name_zh AS "cooperativeName", c.name_en AS "cooperativeNameEn",
  t.code AS "townshipCode", t.name AS "townshipName", t.name_en AS "townshipNameEn",
  v.min_price_fen AS "minPriceFen", v.max_price_fen AS "maxPriceFen", v.in_stock AS "inStock",
  ${IS_CERTIFIED} AS certified,
  p.images->>0 AS "imageUrl", p.sale_starts_at AS "saleStartsAt", p.sale_ends_at AS "saleEndsAt",
  to_char(p.presale_ships_on, 'YYYY-MM-DD') AS "presaleShipsOn", ${IS_IN_SEASON} AS "inSeason", ${IS_PRESALE} AS presale`;

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

  categoryCounts(): Promise<{ category: ProductCategory; count: number }[]> {
    return rows(this.dataSource, `SELECT p.category, count(*) AS count ${LISTED} GROUP BY p.category`);
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
    return rows(
      this.dataSource,
      `SELECT ${ITEM_COLUMNS}, ${sort.text('page.sort_value')} AS "sortKey"
         FROM (SELECT p.id, ${key} AS sort_value ${LISTED} ${where.map((w) => `AND ${w}`).join(' ')}
                ORDER BY ${key} ${sort.direction}, p.id ${sort.direction} LIMIT ${limit}) page
         JOIN product p ON p.id = page.id ${ITEM_JOINS}
        ORDER BY page.sort_value ${sort.direction}, p.id ${sort.direction}`,
      params,
    );
  }

  productBySlug(slug: string) {
    return row<
      ProductRow & {
        descriptionZh: string;
        descriptionEn: string;
        images: string[];
        shippingClass: string;
        shelfLifeDays: number;
        certificationNo: string | null;
        certificationIssuer: string | null;
        certificationBatch: string | null;
        certifiedUntil: string | null;
      }
    >(
      this.dataSource,
      `SELECT ${ITEM_COLUMNS}, p.description_zh AS "descriptionZh", p.description_en AS "descriptionEn", p.images,
              p.shipping_class AS "shippingClass", p.shelf_life_days AS "shelfLifeDays", p.certification_no AS "certificationNo",
              p.certification_issuer AS "certificationIssuer", p.certification_batch AS "certificationBatch",
              to_char(p.certified_until, 'YYYY-MM-DD') AS "certifiedUntil"
         FROM (SELECT p.id ${LISTED} AND p.slug = $1) page JOIN product p ON p.id = page.id ${ITEM_JOINS}`,
      [slug],
    );
  }

  variants(productId: string): Promise<
    {
      id: string;
      sku: string;
      labelZh: string;
      labelEn: string;
      priceFen: number;
      weightG: number;
      stock: number;
      priceBreaks: PriceBreak[];
    }[]
  > {
    return rows(
      this.dataSource,
      `SELECT v.id, v.sku, v.label_zh AS "labelZh", v.label_en AS "labelEn", v.price_fen AS "priceFen", v.weight_g AS "weightG", v.stock,
              ${priceBreaksOf('v')} AS "priceBreaks"
         FROM product_variant v WHERE v.product_id = $1 ORDER BY v.sort_order, v.price_fen`,
      [productId],
    );
  }

  verifiedCooperative(id: string) {
    return row<{
      id: string;
      nameZh: string;
      nameEn: string;
      descriptionZh: string;
      descriptionEn: string;
      creditCode: string;
      verifiedAt: Date | null;
      townshipCode: string;
      townshipName: string;
      townshipNameEn: string;
    }>(
      this.dataSource,
      `SELECT c.id, c.name_zh AS "nameZh", c.name_en AS "nameEn", c.description_zh AS "descriptionZh", c.description_en AS "descriptionEn",
              c.credit_code AS "creditCode", c.verified_at AS "verifiedAt",
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

  linkedHouseholds(cooperativeId: string): Promise<{ mechanism: string; households: number; total: number }[]> {
    return rows(
      this.dataSource,
      `WITH live AS (
         SELECT household_id, mechanism FROM household_link
          WHERE cooperative_id = $1 AND valid_from <= qh_today() AND (valid_to IS NULL OR valid_to >= qh_today()))
       SELECT mechanism, count(DISTINCT household_id) AS households, (SELECT count(DISTINCT household_id) FROM live) AS total
         FROM live GROUP BY mechanism ORDER BY mechanism`,
      [cooperativeId],
    );
  }
}
