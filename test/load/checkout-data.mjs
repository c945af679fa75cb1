// The checkout benchmark's shop: ambient goods of two cooperatives with stock that cannot run out,
// buyer accounts, and what each buyer puts in the cart on each round. The bench (through the API)
// and its ceiling (raw SQL) take the same rounds, so both do the same work.
import argon2 from 'argon2';

export const ADDRESS = { name: '压测买家', mobile: '13800138000', districtCode: '440106', street: '天河路 385 号' };
export const BUYER_PASSWORD = 'bench-checkout-pass';
const STOCK = 10_000_000;
const VARIANTS_PER_COOPERATIVE = 4;

/** Same LCG as the demo seed: every run, and the API and the ceiling within a run, take the same rounds. */
function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * Up to four variants each of the two cooperatives with the most ambient goods on sale now (not
 * pre-sale), with the columns the checkout snapshots into its order lines, as the API reads them
 * (`OrdersRepository.checkoutLines`). Their stock becomes 10,000,000. Picked and ordered by credit
 * code and SKU, not by id (random at each seed), so that every run buys the same goods.
 */
async function chooseGoods(client) {
  const { rows } = await client.query(
    `WITH buyable AS (
       SELECT v.id AS variant_id, p.id AS product_id, p.slug AS product_slug, p.title_zh, p.title_en, v.label_zh, v.label_en,
              p.category, p.origin_township_code, p.cooperative_id, c.name_zh AS cooperative_name, c.credit_code, v.price_fen, v.weight_g,
              p.shipping_class, (p.certification_no IS NOT NULL AND p.certified_until >= current_date) AS certified,
              coalesce(p.benefit_rate_bp, c.default_benefit_rate_bp) AS benefit_rate_bp,
              row_number() OVER (PARTITION BY p.cooperative_id ORDER BY v.sku) AS nth,
              count(*) OVER (PARTITION BY p.cooperative_id) AS offered
         FROM product_variant v
         JOIN product p ON p.id = v.product_id
         JOIN cooperative c ON c.id = p.cooperative_id
        WHERE p.status = 'PUBLISHED' AND c.status = 'VERIFIED' AND p.shipping_class = 'AMBIENT' AND p.presale_ships_on IS NULL
          AND (p.sale_starts_at IS NULL OR p.sale_starts_at <= now()) AND (p.sale_ends_at IS NULL OR now() < p.sale_ends_at))
     SELECT * FROM buyable
      WHERE credit_code IN (SELECT credit_code FROM buyable GROUP BY credit_code ORDER BY max(offered) DESC, credit_code LIMIT 2)
        AND nth <= $1
      ORDER BY credit_code, nth`,
    [VARIANTS_PER_COOPERATIVE],
  );
  const byCooperative = new Map();
  for (const row of rows) byCooperative.set(row.cooperative_id, [...(byCooperative.get(row.cooperative_id) ?? []), row]);
  const cooperatives = [...byCooperative.values()];
  if (cooperatives.length < 2) throw new Error('the demo data has no two cooperatives with ambient goods on sale: was it seeded?');
  await client.query(`UPDATE product_variant SET stock = $2 WHERE id = ANY($1::uuid[])`, [rows.map((row) => row.variant_id), STOCK]);
  for (const row of rows) {
    delete row.nth;
    delete row.offered;
    delete row.credit_code;
  }
  return { cooperatives, stock: STOCK };
}

/**
 * Cheap argon2id settings for a bench that signs in a thousand buyers: the API verifies a hash with
 * the settings it was made with, so each sign-in takes milliseconds instead of a tenth of a second,
 * through the same login route.
 */
export const CHEAP_HASH = { memoryCost: 4096, timeCost: 1 };

/** `count` buyer accounts, straight into the table with one argon2id hash (as `hashPassword` makes it, unless `hashOptions` say otherwise). */
async function createBuyers(client, count, hashOptions) {
  const hash = await argon2.hash(BUYER_PASSWORD, { type: argon2.argon2id, ...hashOptions });
  const emails = Array.from({ length: count }, (_, i) => `bench-buyer-${String(i + 1).padStart(2, '0')}@example.cn`);
  const { rows } = await client.query(
    `INSERT INTO account (email, password_hash, role, display_name)
     SELECT email, $2, 'buyer', '压测买家 ' || n FROM unnest($1::text[]) WITH ORDINALITY AS e(email, n)
     RETURNING id, email`,
    [emails, hash],
  );
  const ids = new Map(rows.map((row) => [row.email, row.id]));
  return emails.map((email) => ({ email, id: ids.get(email) }));
}

export async function prepareShop(client, { buyers, hashOptions = {} }) {
  const goods = await chooseGoods(client);
  const { rows } = await client.query(`SELECT * FROM shipping_rate WHERE shipping_class = 'AMBIENT'`);
  if (!rows.length) throw new Error('no AMBIENT shipping rate: was the reference data seeded?');
  return { ...goods, ambientRate: rows[0], buyers: await createBuyers(client, buyers, hashOptions) };
}

/**
 * Buyer `buyer`'s rounds: each round one line per cooperative (so every order has two
 * fulfillments), a variant and a quantity of 1–3 drawn from the buyer's own sequence.
 */
export function roundsOf(cooperatives, buyer) {
  const random = prng(20260101 + buyer);
  return () =>
    cooperatives.map((variants) => ({
      variant: variants[Math.floor(random() * variants.length)],
      quantity: 1 + Math.floor(random() * 3),
    }));
}
