// The ceiling of the checkout benchmark: the SQL work of one checkout as one raw `pg` transaction
// (order, one fulfillment per cooperative, lines, conditional stock updates with their movements
// in variant order, payment, emptying the cart), after putting the lines in the cart as the
// add-to-cart would. Same buyers, same rounds, same concurrency as the API run; a child process of
// the bench so that it does not share an event loop with it. Settings come over IPC, the figures
// go back the same way.
import { createHash } from 'node:crypto';
import pg from 'pg';
import { closedLoops } from './bench-support.mjs';
import { ADDRESS, roundsOf } from './checkout-data.mjs';

// The bench is gone (even killed): so is its ceiling.
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));

const RESERVATION_MINUTES = 30;
const sum = (values) => values.reduce((total, value) => total + value, 0);

/** As `shippingFeeFen` in libs/domain. */
const feeFen = (rate, itemsFen, weightG) =>
  rate.free_over_fen !== null && itemsFen >= rate.free_over_fen
    ? 0
    : rate.base_fen + Math.ceil(Math.max(0, weightG - rate.base_weight_g) / 1000) * rate.per_extra_kg_fen;
const poolFen = (line) =>
  line.variant.certified ? Math.floor((line.variant.price_fen * line.quantity * line.variant.benefit_rate_bp) / 10000) : 0;

async function checkout(client, { buyer, cartId, lines, key, requestHash, rate }) {
  // Lines come one per cooperative; stock is taken in variant order, as the API does.
  const shipments = lines.map((line) => {
    const itemsFen = line.variant.price_fen * line.quantity;
    const weightG = line.variant.weight_g * line.quantity;
    return { line, itemsFen, weightG, feeFen: feeFen(rate, itemsFen, weightG) };
  });
  const itemsFen = sum(shipments.map((s) => s.itemsFen));
  const shippingFen = sum(shipments.map((s) => s.feeFen));
  await client.query('BEGIN');
  try {
    const {
      rows: [order],
    } = await client.query(
      `INSERT INTO "order" (number, buyer_id, status, address, note, invoice, items_fen, shipping_fen, total_fen, linked_sales_fen,
                            household_pool_fen, idempotency_key, request_hash, expires_at)
       SELECT 'QH' || to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || '-' || lpad(s.n::text, greatest(6, length(s.n::text)), '0'),
              $1, 'AWAITING_PAYMENT', $2, NULL, NULL, $3, $4, $3::bigint + $4::bigint, $5, $6, $7, $8, now() + make_interval(mins => $9)
         FROM (SELECT nextval('order_number_seq') AS n) s
       RETURNING id`,
      [
        buyer,
        JSON.stringify(ADDRESS),
        itemsFen,
        shippingFen,
        sum(lines.filter((line) => line.variant.certified).map((line) => line.variant.price_fen * line.quantity)),
        sum(lines.map(poolFen)),
        key,
        requestHash,
        RESERVATION_MINUTES,
      ],
    );
    const fulfillments = [];
    for (const s of shipments) {
      const { rows } = await client.query(
        `INSERT INTO fulfillment (order_id, cooperative_id, shipping_class, weight_g, items_fen, fee_fen, ships_from)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [order.id, s.line.variant.cooperative_id, s.line.variant.shipping_class, s.weightG, s.itemsFen, s.feeFen, null],
      );
      fulfillments.push(rows[0].id);
    }
    for (const [i, { line }] of shipments.entries()) {
      const v = line.variant;
      await client.query(
        `INSERT INTO order_line (order_id, fulfillment_id, variant_id, product_id, cooperative_id, product_slug, title_zh, title_en, label_zh,
                                 label_en, category, origin_township_code, unit_price_fen, quantity, line_total_fen, weight_g, certified,
                                 benefit_rate_bp, pool_fen, shipping_class, ships_from)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $21, $15, $16, $17, $18, $19, $20)`,
        [
          order.id,
          fulfillments[i],
          v.variant_id,
          v.product_id,
          v.cooperative_id,
          v.product_slug,
          v.title_zh,
          v.title_en,
          v.label_zh,
          v.label_en,
          v.category,
          v.origin_township_code,
          v.price_fen,
          line.quantity,
          v.weight_g * line.quantity,
          v.certified,
          v.benefit_rate_bp,
          poolFen(line),
          v.shipping_class,
          null,
          v.price_fen * line.quantity,
        ],
      );
    }
    for (const line of [...lines].sort((a, b) => (a.variant.variant_id < b.variant.variant_id ? -1 : 1))) {
      const { rowCount } = await client.query(
        `WITH changed AS (
           UPDATE product_variant SET stock = stock - $2, updated_at = now() WHERE id = $1 AND stock >= $2 RETURNING id, stock)
         INSERT INTO inventory_movement (variant_id, delta, stock_after, reason, note, actor_account_id, order_id)
         SELECT id, -$2::int, stock, 'ORDER_RESERVED', NULL, $3, $4 FROM changed`,
        [line.variant.variant_id, line.quantity, buyer, order.id],
      );
      if (rowCount !== 1) throw new Error(`out of stock: ${line.variant.product_slug}`);
    }
    await client.query(`INSERT INTO payment (order_id, provider, amount_fen) VALUES ($1, 'demo', $2)`, [order.id, itemsFen + shippingFen]);
    await client.query(`DELETE FROM cart_line WHERE cart_id = $1`, [cartId]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

process.once('message', async ({ databaseUrl, concurrency, warmupSeconds, seconds, shop, keyPrefix }) => {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: concurrency, application_name: 'bench-checkout-ceiling' });
  try {
    const carts = [];
    for (const buyer of shop.buyers) {
      await pool.query(`INSERT INTO cart (account_id) VALUES ($1) ON CONFLICT (account_id) DO NOTHING`, [buyer.id]);
      carts.push((await pool.query(`SELECT id FROM cart WHERE account_id = $1`, [buyer.id])).rows[0].id);
    }
    const requestHash = createHash('sha256')
      .update(JSON.stringify([ADDRESS, null, null]))
      .digest('hex');
    const rounds = shop.buyers.map((_, i) => roundsOf(shop.cooperatives, i));
    const result = await closedLoops({
      loops: concurrency,
      warmupSeconds,
      seconds,
      iteration: async (loop, n) => {
        const buyer = shop.buyers[loop].id;
        const lines = rounds[loop]();
        const cartAdd = [];
        for (const line of lines) {
          const started = performance.now();
          await pool.query(
            `INSERT INTO cart_line (cart_id, variant_id, quantity) VALUES ($1, $2, $3)
             ON CONFLICT (cart_id, variant_id) DO UPDATE SET quantity = least(cart_line.quantity + EXCLUDED.quantity, 99)`,
            [carts[loop], line.variant.variant_id, line.quantity],
          );
          cartAdd.push(performance.now() - started);
        }
        const started = performance.now();
        const client = await pool.connect();
        try {
          const key = `${keyPrefix}${loop}-${n}`;
          await checkout(client, { buyer, cartId: carts[loop], lines, key, requestHash, rate: shop.ambientRate });
        } finally {
          client.release();
        }
        return { timings: { checkout: performance.now() - started, cartAdd } };
      },
    });
    process.send({ result });
  } catch (error) {
    process.send({ error: error instanceof Error ? error.message : String(error) });
  } finally {
    await pool.end().catch(() => undefined);
  }
});
