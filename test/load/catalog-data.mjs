// Grows the demo catalog to benchmark size: products derived from the seeded demo products (same
// cooperatives, townships, categories, descriptions and price ranges), with varied titles, 1–3
// variants, some certified, some in season. Deterministic, and a few multi-row INSERTs in all.
import { randomUUID } from 'node:crypto';
import { pinyin } from 'pinyin-pro';

const DAY_MS = 86_400_000;

/** Same LCG as the demo seed, so every run builds the same catalog. */
function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** As `pinyinOf()` in apps/api/src/database/seed/demo-seed.ts. */
function pinyinOf(text) {
  const full = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'removed' }).join('');
  const initials = pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'removed' }).join('');
  return { full: full.toLowerCase(), initials: initials.toLowerCase() };
}

const PREFIXES = [
  ['', ''],
  ['精选', 'Select '],
  ['特级', 'Premium '],
  ['农家', 'Farmhouse '],
  ['高山', 'Highland '],
  ['生态', 'Eco-Grown '],
  ['新季', 'New-Season '],
  ['山里', 'Hill-Country '],
  ['正宗', 'Genuine '],
  ['产地直发', 'Direct-from-Farm '],
];
const PACKS = [
  ['', ''],
  ['家庭装', 'Family Pack'],
  ['礼盒装', 'Gift Box'],
  ['尝鲜装', 'Tasting Pack'],
  ['团购装', 'Group-Buy Pack'],
  ['组合装', 'Combo Pack'],
  ['单位福利装', 'Workplace Welfare Pack'],
  ['周末特惠装', 'Weekend Offer'],
];
const NOT_PUBLISHED = ['DRAFT', 'PENDING_REVIEW', 'ARCHIVED'];

const isoDate = (ms) => new Date(ms).toISOString().slice(0, 10);

async function demoProducts(client) {
  const { rows } = await client.query(`
    SELECT p.slug, p.cooperative_id, p.category, p.title_zh, p.title_en, p.description_zh, p.description_en,
           p.origin_township_code, p.benefit_rate_bp, p.shipping_class, p.shelf_life_days,
           p.presale_ships_on IS NOT NULL AS presale,
           json_agg(json_build_object('labelZh', v.label_zh, 'labelEn', v.label_en, 'priceFen', v.price_fen, 'weightG', v.weight_g)
                    ORDER BY v.sort_order) AS variants
      FROM product p
      JOIN cooperative c ON c.id = p.cooperative_id AND c.status = 'VERIFIED'
      JOIN product_variant v ON v.product_id = p.id
     WHERE p.status = 'PUBLISHED' AND p.slug !~ '-b[0-9]{5,}$' -- the demo's own, not those grown from them
     GROUP BY p.id
     ORDER BY p.slug`);
  if (!rows.length) throw new Error('no published demo products to derive the catalog from: was the demo data seeded?');
  return rows;
}

/**
 * Adds `published` published products (plus about 5% more that are draft, in review or archived)
 * and their variants and initial stock movements. Returns what it wrote, and the slug of a
 * certified product with three variants for the detail page. `from`: how many products earlier
 * calls added, so that a catalog grows in steps with every slug new.
 */
export async function growCatalog(client, { published, now = Date.now(), from = 0 }) {
  const bases = await demoProducts(client);
  const random = prng(20251129 + from);
  const pick = (items) => items[Math.floor(random() * items.length)];
  const between = (min, max) => min + Math.floor(random() * (max - min + 1));

  const products = [];
  const variants = [];
  const total = published + Math.round(published * 0.05);
  for (let i = 0; i < total; i++) {
    const base = bases[i % bases.length];
    const [prefixZh, prefixEn] = pick(PREFIXES);
    const [packZh, packEn] = pick(PACKS);
    // The part of a demo title before its pack name: "玛瑙红樱桃 家庭装" → "玛瑙红樱桃".
    const coreZh = base.title_zh.split(' ')[0];
    const coreEn = base.title_en.split(',')[0];
    const titleZh = `${prefixZh}${coreZh}${packZh ? ` ${packZh}` : ''}`;
    const titleEn = `${prefixEn}${coreEn}${packEn ? `, ${packEn}` : ''}`;
    const { full, initials } = pinyinOf(titleZh);
    const slug = `${base.slug}-b${String(from + i + 1).padStart(5, '0')}`;
    const status = i < published ? 'PUBLISHED' : pick(NOT_PUBLISHED);

    const certified = random() < 0.4;
    // A few certificates have lapsed: those products list as not certified.
    const certifiedUntil = certified ? isoDate(random() < 0.08 ? now - between(10, 300) * DAY_MS : now + between(60, 700) * DAY_MS) : null;

    // About 30% on sale now (some of them pre-selling), 15% in a coming season, the rest all year.
    const season = random();
    let saleStartsAt = null;
    let saleEndsAt = null;
    let presaleShipsOn = null;
    if (season < 0.3) {
      saleStartsAt = new Date(now - between(5, 60) * DAY_MS).toISOString();
      saleEndsAt = new Date(now + between(20, 120) * DAY_MS).toISOString();
      if (base.presale) presaleShipsOn = isoDate(now + between(5, 40) * DAY_MS);
    } else if (season < 0.45) {
      const starts = now + between(20, 200) * DAY_MS;
      saleStartsAt = new Date(starts).toISOString();
      saleEndsAt = new Date(starts + between(30, 90) * DAY_MS).toISOString();
    }

    const id = randomUUID();
    products.push({
      id,
      cooperativeId: base.cooperative_id,
      category: base.category,
      slug,
      titleZh,
      titleEn,
      descriptionZh: base.description_zh,
      descriptionEn: base.description_en,
      pinyin: full,
      pinyinInitials: initials,
      township: base.origin_township_code,
      certificationNo: certified ? `纳消帮认〔2025〕${String(2000 + i).padStart(5, '0')}号` : null,
      certificationIssuer: certified ? '纳雍县乡村振兴局' : null,
      certificationBatch: certified ? `2025年第${pick(['一', '二', '三'])}批` : null,
      certifiedUntil,
      benefitRateBp: base.benefit_rate_bp,
      shippingClass: base.shipping_class,
      shelfLifeDays: base.shelf_life_days,
      saleStartsAt,
      saleEndsAt,
      presaleShipsOn,
      status,
      submittedAt: status === 'PENDING_REVIEW' ? new Date(now - between(1, 72) * 3_600_000).toISOString() : null,
      // Spread over the last year, so "newest" has something to sort.
      publishedAt:
        status === 'PUBLISHED' || status === 'ARCHIVED' ? new Date(now - Math.floor(random() * 365 * DAY_MS)).toISOString() : null,
    });

    const priceFactor = 0.8 + random() * 0.5;
    const count = between(1, 3);
    products[products.length - 1].variantCount = count;
    for (let k = 0; k < count; k++) {
      const template = base.variants[k % base.variants.length];
      // Beyond the demo product's own variants: a multi-pack of its first one.
      const packs = Math.floor(k / base.variants.length) + 1;
      const stockRoll = random();
      variants.push({
        productId: id,
        sku: `${slug}-${k + 1}`.toUpperCase(),
        labelZh: packs > 1 ? `${template.labelZh} × ${packs}` : template.labelZh,
        labelEn: packs > 1 ? `${template.labelEn} × ${packs}` : template.labelEn,
        priceFen: Math.max(100, Math.round((template.priceFen * packs * priceFactor) / 10) * 10),
        weightG: template.weightG * packs,
        stock: stockRoll < 0.08 ? 0 : stockRoll < 0.18 ? between(1, 9) : between(10, 500),
        sortOrder: k,
      });
    }
  }

  const column = (rows, key) => rows.map((row) => row[key]);
  await client.query('BEGIN');
  try {
    await client.query(
      `INSERT INTO product (id, cooperative_id, category, slug, title_zh, title_en, description_zh, description_en, pinyin, pinyin_initials,
         origin_township_code, certification_no, certification_issuer, certification_batch, certified_until, benefit_rate_bp,
         shipping_class, shelf_life_days, sale_starts_at, sale_ends_at, presale_ships_on, status, submitted_at, published_at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
         $10::text[], $11::varchar[], $12::text[], $13::text[], $14::text[], $15::date[], $16::int[], $17::text[], $18::int[],
         $19::timestamptz[], $20::timestamptz[], $21::date[], $22::text[], $23::timestamptz[], $24::timestamptz[])`,
      [
        'id',
        'cooperativeId',
        'category',
        'slug',
        'titleZh',
        'titleEn',
        'descriptionZh',
        'descriptionEn',
        'pinyin',
        'pinyinInitials',
        'township',
        'certificationNo',
        'certificationIssuer',
        'certificationBatch',
        'certifiedUntil',
        'benefitRateBp',
        'shippingClass',
        'shelfLifeDays',
        'saleStartsAt',
        'saleEndsAt',
        'presaleShipsOn',
        'status',
        'submittedAt',
        'publishedAt',
      ].map((key) => column(products, key)),
    );
    await client.query(
      `INSERT INTO product_variant (product_id, sku, label_zh, label_en, price_fen, weight_g, stock, sort_order)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::int[], $6::int[], $7::int[], $8::int[])`,
      ['productId', 'sku', 'labelZh', 'labelEn', 'priceFen', 'weightG', 'stock', 'sortOrder'].map((key) => column(variants, key)),
    );
    await client.query(
      `INSERT INTO inventory_movement (variant_id, delta, stock_after, reason)
       SELECT id, stock, stock, 'INITIAL_STOCK' FROM product_variant WHERE product_id = ANY($1::uuid[]) AND stock > 0`,
      [column(products, 'id')],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  // Fresh statistics for every table (the demo seed's too: without them PostgreSQL takes the 12
  // cooperatives for 1 and plans the list differently), and no autovacuum in the middle of a run.
  await client.query('VACUUM (ANALYZE)');
  // The product detail to measure: the same one on every run, certified, with three variants.
  const today = isoDate(now);
  const showcase =
    products.find((p) => p.status === 'PUBLISHED' && p.category === 'CHERRY' && p.certifiedUntil > today && p.variantCount === 3) ??
    products.find((p) => p.status === 'PUBLISHED');
  return { products: products.length, published, variants: variants.length, showcaseSlug: showcase?.slug };
}
