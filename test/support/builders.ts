import { makeCreditCode } from '@qh/domain';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { tokenFor } from './accounts';
import type { TestApp } from './test-app';

/**
 * Test data made the way the product makes it: through the routes cooperatives, admins and buyers
 * use, so that a fixture has every row and side effect the real thing has (movements, audit rows,
 * ledger entries), and a change of those rules reaches the fixtures too. Raw SQL is left for what no
 * route makes (a cooperative's registration) and for moving data behind the app's back on purpose.
 */

export interface Cooperative {
  id: string;
  /** A signed-in staff member's access token. */
  staff: string;
}

export interface Product {
  id: string;
  slug: string;
  /** The first variant's id. */
  variantId: string;
  variantIds: string[];
}

/** A buyer's view of a paid order (`GET /api/orders/:number`). */
export type Order = { number: string; status: string; totalFen: number } & Record<string, unknown>;

const admins = new WeakMap<TestApp, Promise<string>>();
/** One admin per app under test, signed in once. */
function adminOf(t: TestApp): Promise<string> {
  if (!admins.has(t)) admins.set(t, tokenFor(t, 'admin'));
  return admins.get(t)!;
}

let cooperatives = 0;
let checkouts = 0;

function post(t: TestApp, token: string, path: string, body: object = {}, idempotencyKey?: string) {
  const call = request(t.url).post(path).set('Authorization', `Bearer ${token}`);
  return (idempotencyKey ? call.set('Idempotency-Key', idempotencyKey) : call).send(body);
}

/** A farmers' cooperative that registered (no route does that yet: a row as registration makes it) and that an admin verified. */
export async function newCooperative(
  t: TestApp,
  fields: { nameZh?: string; townshipCode?: string; benefitRateBp?: number } = {},
): Promise<Cooperative> {
  cooperatives += 1;
  const [{ id }] = await t.sql(
    `INSERT INTO cooperative (name_zh, name_en, credit_code, township_code, default_benefit_rate_bp)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [
      fields.nameZh ?? `纳雍县测试专业合作社${cooperatives}`,
      `Test Cooperative ${cooperatives}`,
      makeCreditCode(`93520525${randomBytes(5).toString('hex').toUpperCase().slice(0, 9)}`),
      fields.townshipCode ?? '520525202',
      fields.benefitRateBp ?? 800,
    ],
  );
  await post(t, await adminOf(t), `/api/admin/cooperatives/${id}/verify`).expect(200);
  return { id: String(id), staff: await tokenFor(t, 'cooperative', String(id)) };
}

/** An ambient product all year (noodles unless told otherwise), with one variant holding `stock` units. */
export const AMBIENT_PRODUCT = {
  category: 'NOODLE',
  titleZh: '纳雍手工挂面',
  titleEn: 'Nayong hand-made noodles',
  descriptionZh: '石磨面粉，晾晒七天。',
  originTownshipCode: '520525202',
  shippingClass: 'AMBIENT',
  shelfLifeDays: 180,
};

/**
 * A product the cooperative made in its portal, submitted and approved by an admin (and certified when
 * `certifiedUntil` is given): on sale, with `stock` units of its one variant unless `variants` says otherwise.
 */
export async function newProduct(
  t: TestApp,
  cooperative: Cooperative,
  options: { stock?: number; priceFen?: number; certifiedUntil?: string; fields?: object; variants?: object[] } = {},
): Promise<Product> {
  const variants = options.variants ?? [
    { labelZh: '500克', labelEn: '500 g', priceFen: options.priceFen ?? 1500, weightG: 600, stock: options.stock ?? 100 },
  ];
  const { body: draft } = await post(t, cooperative.staff, '/api/coop/products', {
    ...AMBIENT_PRODUCT,
    ...options.fields,
    variants,
  }).expect(201);
  await post(t, cooperative.staff, `/api/coop/products/${draft.id}/submit`).expect(200);
  const admin = await adminOf(t);
  await post(t, admin, `/api/admin/products/${draft.id}/approve`).expect(200);
  if (options.certifiedUntil) {
    await post(t, admin, `/api/admin/products/${draft.id}/certify`, {
      number: `黔扶认〔2026〕${String(cooperatives).padStart(4, '0')}`,
      issuer: '纳雍县乡村振兴局',
      validUntil: options.certifiedUntil,
    }).expect(200);
  }
  const variantIds = (draft.variants as { id: string }[]).map((variant) => variant.id);
  return { id: draft.id, slug: draft.slug, variantId: variantIds[0], variantIds };
}

const staff = new WeakMap<TestApp, Map<string, Promise<string>>>();
/** One signed-in staff member per cooperative and app under test. */
function staffOf(t: TestApp, cooperativeId: string): Promise<string> {
  if (!staff.has(t)) staff.set(t, new Map());
  const tokens = staff.get(t)!;
  if (!tokens.has(cooperativeId)) tokens.set(cooperativeId, tokenFor(t, 'cooperative', cooperativeId));
  return tokens.get(cooperativeId)!;
}

/** Sets a variant's stock as its cooperative would: a count correction in the portal, recorded as a movement. */
export async function setStock(t: TestApp, variantId: string, stock: number): Promise<void> {
  const [variant] = await t.sql(
    `SELECT p.cooperative_id AS "cooperativeId", v.stock FROM product_variant v JOIN product p ON p.id = v.product_id WHERE v.id = $1`,
    [variantId],
  );
  const delta = stock - (variant.stock as number);
  if (delta === 0) return;
  await request(t.url)
    .patch(`/api/coop/variants/${variantId}/stock`)
    .set('Authorization', `Bearer ${await staffOf(t, variant.cooperativeId as string)}`)
    .send({ delta, reason: 'COUNT_CORRECTION' })
    .expect(200);
}

export const GUANGZHOU_ADDRESS = { name: '陈晓岚', mobile: '13800138000', districtCode: '440106', street: '天河路 385 号 12 楼 1203 室' };

/** An order the buyer put in the cart, checked out to Tianhe and paid on the demo page. */
export async function paidOrder(t: TestApp, buyer: string, lines: { variantId: string; quantity: number }[]): Promise<Order> {
  for (const line of lines) await post(t, buyer, '/api/cart/lines', line).expect(200);
  checkouts += 1;
  const { body: placed } = await post(
    t,
    buyer,
    '/api/checkout',
    { address: GUANGZHOU_ADDRESS },
    `builder-${process.pid}-${checkouts}`,
  ).expect(201);
  const { body: paid } = await post(t, buyer, `/api/payments/demo/${placed.number}/pay`).expect(200);
  return paid;
}

let shipments = 0;

/**
 * The lots a part ships from, as its cooperative's shipping form picks them: each line from the oldest
 * open lot of its product. Empty for products nobody recorded a lot of (they ship without).
 */
export async function lotsFor(t: TestApp, fulfillmentId: string): Promise<{ lineId: string; lotId: string; quantity: number }[]> {
  return (await t.sql(
    `SELECT l.id AS "lineId", lt.id AS "lotId", l.quantity - l.refunded_quantity AS quantity
       FROM order_line l
       JOIN LATERAL (SELECT id FROM lot WHERE product_id = l.product_id AND closed_at IS NULL AND recalled_at IS NULL
                      ORDER BY created_at, id LIMIT 1) lt ON true
      WHERE l.fulfillment_id = $1 AND l.quantity > l.refunded_quantity ORDER BY l.id`,
    [fulfillmentId],
  )) as { lineId: string; lotId: string; quantity: number }[];
}

/** The cooperative's staff ship a part of an order by SF Express, with a tracking number of its own. */
export async function shipPart(t: TestApp, staffToken: string, fulfillmentId: string): Promise<void> {
  shipments += 1;
  const trackingNo = `SF${String(Date.now()).slice(-8)}${String(process.pid % 100).padStart(2, '0')}${String(shipments % 1000).padStart(3, '0')}`;
  const lots = await lotsFor(t, fulfillmentId);
  await post(t, staffToken, `/api/coop/fulfillments/${fulfillmentId}/ship`, { carrier: '顺丰速运', trackingNo, lots }).expect(200);
}
