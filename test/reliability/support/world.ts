import { addDays, makeCreditCode, makeResidentId } from '@qh/domain';
import request from 'supertest';
import { tokenFor } from '../../support/accounts';
import { startTestApp, TestApp } from '../../support/test-app';

/** Who calls: nobody signed in, or one of the four roles. */
export const ACTORS = ['anonymous', 'buyer', 'cooperative', 'official', 'admin'] as const;
export type Actor = (typeof ACTORS)[number];

/** What one cooperative and one buyer own: the targets of the fuzz and of the cross-tenant cases. */
export interface Tenant {
  cooperativeId: string;
  /** Cooperative staff of `cooperativeId`. */
  staffToken: string;
  productId: string;
  slug: string;
  variantId: string;
  /** A buyer who ordered from this cooperative. */
  buyerToken: string;
  /** Where that buyer's orders go. */
  address: { name: string; street: string };
  /** Paid, its part not shipped yet. */
  paidOrder: string;
  paidOrderLineId: string;
  fulfillmentId: string;
  /** Checked out, not paid. */
  unpaidOrder: string;
  cartLineId: string;
  /**
   * Another product of the cooperative, with one of its variants: the fuzz edits, reprices and
   * archives this one, so that the buyer's cart and orders keep a product on sale.
   */
  spareProductId: string;
  spareVariantId: string;
  /** The organisation the buyer manages (verified), with a delivery site, a second member and an open invitation. */
  organisationId: string;
  siteId: string;
  memberAccountId: string;
  invitationId: string;
  /** An order of the organisation, waiting for approval (the buyer holds every role of it). */
  orgOrder: string;
  orgOrderPartId: string;
  /** The organisation has credit terms and one (empty) statement. */
  statementNumber: string;
  /** The organisation's invoice profile, and the buyer's own. */
  orgInvoiceProfileId: string;
  invoiceProfileId: string;
  /** A transfer of 1 fen from the marketplace to the cooperative against this month's statement, awaiting its answer. */
  coopPayoutId: string;
  coopPayoutReference: string;
  /** A lot of the product, recorded yesterday, nothing shipped from it. */
  lotId: string;
  lotCode: string;
}

export interface World {
  t: TestApp;
  /** Bearer tokens by role; the cooperative's staff and the buyer are tenant A's. */
  tokens: Record<Exclude<Actor, 'anonymous'>, string>;
  a: Tenant;
  b: Tenant;
  pendingCooperativeId: string;
  householdId: string;
  linkId: string;
}

/** Each tenant's buyer ships somewhere else: an answer that held the other's address would be a leak. */
const ADDRESSES = [
  { name: '陈晓岚', mobile: '13800138000', districtCode: '440106', street: '天河路 385 号 12 楼 1203 室' },
  { name: '黄志坚', mobile: '13922223333', districtCode: '440104', street: '中山五路 68 号 3 楼' },
];
/** Each tenant's buyer manages an organisation of its own, with a site of its own. */
const ORGANISATIONS = [
  { name: '天河区某机关饭堂', creditCode: makeCreditCode('11440106000000001'), siteStreet: '天府路 1 号 负一层 卸货区' },
  { name: '越秀区某中学饭堂', creditCode: makeCreditCode('12440104000000002'), siteStreet: '越华路 118 号 后门' },
];

/**
 * The app with the demo data (no order history), and two tenants that each have a cooperative
 * with staff, a product on sale and a buyer with a paid order, an unpaid one and a cart line.
 * Nothing here depends on today's date: the chosen products are put on sale without a window.
 */
export async function buildWorld(): Promise<World> {
  const t = await startTestApp({ DEMO_HISTORY_ORDERS: '0' }, { demoData: true });
  try {
    return await arrange(t);
  } catch (error) {
    await t.close();
    throw error;
  }
}

/** Every choice by what the demo data writes the same each time (credit codes, slugs, household codes), never by random ids. */
async function arrange(t: TestApp): Promise<World> {
  const picks = await t.sql(
    `SELECT DISTINCT ON (c.credit_code) p.cooperative_id AS "cooperativeId", p.id AS "productId", p.slug, v.id AS "variantId"
       FROM product p JOIN product_variant v ON v.product_id = p.id JOIN cooperative c ON c.id = p.cooperative_id
      WHERE c.status = 'VERIFIED' AND p.status = 'PUBLISHED' AND p.shipping_class = 'AMBIENT'
      ORDER BY c.credit_code, p.slug, v.sku`,
  );
  if (picks.length < 2) throw new Error('the demo data should have two cooperatives selling ambient goods');
  const [pickA, pickB] = picks.slice(0, 2) as { cooperativeId: string; productId: string; slug: string; variantId: string }[];
  for (const pick of [pickA, pickB]) {
    await t.sql(`UPDATE product SET sale_starts_at = NULL, sale_ends_at = NULL, presale_ships_on = NULL WHERE id = $1`, [pick.productId]);
    await t.sql(`UPDATE product_variant SET stock = 100000 WHERE product_id = $1`, [pick.productId]);
  }
  const [official, admin] = [await tokenFor(t, 'official'), await tokenFor(t, 'admin')];
  const a = await tenant(t, pickA, ADDRESSES[0], ORGANISATIONS[0], admin);
  const b = await tenant(t, pickB, ADDRESSES[1], ORGANISATIONS[1], admin);
  const [pending] = await t.sql(`SELECT id FROM cooperative WHERE status = 'PENDING' ORDER BY credit_code LIMIT 1`);
  const [link] = await t.sql(
    `SELECT l.id, l.household_id FROM household_link l JOIN household h ON h.id = l.household_id
      ORDER BY h.code, l.valid_from, l.mechanism, l.weight LIMIT 1`,
  );
  return {
    t,
    tokens: { buyer: a.buyerToken, cooperative: a.staffToken, official, admin },
    a,
    b,
    pendingCooperativeId: pending.id as string,
    householdId: link.household_id as string,
    linkId: link.id as string,
  };
}

async function tenant(
  t: TestApp,
  pick: { cooperativeId: string; productId: string; slug: string; variantId: string },
  address: (typeof ADDRESSES)[number],
  organisation: (typeof ORGANISATIONS)[number],
  adminToken: string,
): Promise<Tenant> {
  const staffToken = await tokenFor(t, 'cooperative', pick.cooperativeId);
  const [spare] = await t.sql(
    `SELECT p.id AS "productId", v.id AS "variantId" FROM product p JOIN product_variant v ON v.product_id = p.id
      WHERE p.cooperative_id = $1 AND p.id <> $2 ORDER BY p.slug, v.sku LIMIT 1`,
    [pick.cooperativeId, pick.productId],
  );
  if (!spare) throw new Error('the demo cooperatives should have more than one product each');
  const buyerToken = await tokenFor(t, 'buyer');
  const as = (method: 'get' | 'post' | 'put', path: string, token = buyerToken) =>
    request(t.url)[method](path).set('Authorization', `Bearer ${token}`);
  let orders = 0;
  const order = async () => {
    await as('post', '/api/cart/lines').send({ variantId: pick.variantId, quantity: 1 }).expect(200);
    orders += 1;
    const { body } = await as('post', '/api/checkout')
      .set('Idempotency-Key', `world-${buyerToken.slice(-12)}-${orders}`)
      .send({ address });
    if (!body.number) throw new Error(`checkout failed: ${JSON.stringify(body)}`);
    return body as { number: string; lines?: { id: string }[]; fulfillments: { id: string; lines: { id: string }[] }[] };
  };
  const paid = await order();
  await as('post', `/api/payments/demo/${paid.number}/pay`).expect(200);
  const unpaid = await order();
  const cart = await as('post', '/api/cart/lines').send({ variantId: pick.variantId, quantity: 2 }).expect(200);

  const registered = await as('post', '/api/org')
    .send({
      name: organisation.name,
      creditCode: organisation.creditCode,
      type: 'GOVERNMENT',
      districtCode: address.districtCode,
      budgetUnit: true,
      hasCanteen: true,
      contactName: address.name,
      contactMobile: address.mobile,
    })
    .expect(201);
  const organisationId = registered.body.id as string;
  await as('post', `/api/admin/organisations/${organisationId}/verify`, adminToken).expect(200);
  const site = await as('post', '/api/org/sites')
    .send({
      name: '食堂',
      districtCode: address.districtCode,
      street: organisation.siteStreet,
      contactName: '王师傅',
      contactMobile: '13900139000',
      receivingWindows: [],
    })
    .expect(201);
  // A second member, put in directly: accepting an invitation needs the invited address's own sign-in.
  const memberToken = await tokenFor(t, 'buyer');
  const member = { id: JSON.parse(Buffer.from(memberToken.split('.')[1], 'base64url').toString()).sub as string };
  await t.sql(`INSERT INTO organisation_member (organisation_id, account_id, roles) VALUES ($1, $2, '{PURCHASER}')`, [
    organisationId,
    member.id,
  ]);
  const invitation = await as('post', '/api/org/invitations')
    .send({ email: `invited-${organisationId}@example.cn`, roles: ['FINANCE'] })
    .expect(201);
  const buyerId = JSON.parse(Buffer.from(buyerToken.split('.')[1], 'base64url').toString()).sub as string;
  await request(t.url)
    .patch(`/api/org/members/${buyerId}`)
    .set('Authorization', `Bearer ${buyerToken}`)
    .send({ roles: ['MANAGER', 'PURCHASER', 'APPROVER', 'FINANCE', 'RECEIVER'] })
    .expect(200);
  const orgOrder = await as('post', '/api/org/orders')
    .set('Idempotency-Key', `world-org-${organisationId}`)
    .send({ siteId: site.body.id, deliveryOn: addDays(t.clock.today(), 7), lines: [{ variantId: pick.variantId, quantity: 3 }] })
    .expect(201);
  // Terms after that order (it stays an online one); the statement is made directly: no part has been delivered on account.
  await as('put', `/api/admin/organisations/${organisationId}/credit-terms`, adminToken)
    .send({ paymentDays: 30, creditLimitFen: 1_000_000 })
    .expect(200);
  const statementNumber = `ST20260131-${String(900000 + ORGANISATIONS.findIndex((o) => o.name === organisation.name)).padStart(6, '0')}`;
  await t.sql(
    `INSERT INTO statement (number, organisation_id, period_to, due_on, opening_fen, charges_fen, credits_fen, payments_fen, closing_fen)
     VALUES ($1, $2, '2026-01-31', '2026-03-02', 0, 0, 0, 0, 0)`,
    [statementNumber, organisationId],
  );
  const invoiceProfile = (path: string, title: string) =>
    as('post', path)
      .send({ kind: 'ORDINARY', title, taxNumber: organisation.creditCode })
      .expect(201)
      .then((response) => response.body.id as string);
  const orgInvoiceProfileId = await invoiceProfile('/api/org/invoice-profiles', `${organisation.name}（单位发票）`);
  const invoiceProfileId = await invoiceProfile('/api/invoice-profiles', `${organisation.name}（个人发票）`);
  const coopPayoutReference = `WORLD-${organisation.creditCode.slice(-6)}`;
  const coopPayout = await as('post', '/api/admin/coop-payouts', adminToken)
    .send({
      cooperativeId: pick.cooperativeId,
      amountFen: 1,
      paidOn: t.clock.today(),
      bankReference: coopPayoutReference,
      statements: [{ month: t.clock.today().slice(0, 7), amountFen: 1 }],
    })
    .expect(201);
  const lot = await as('post', '/api/coop/lots', staffToken)
    .send({
      productId: pick.productId,
      village: '新寨村',
      producedOn: addDays(t.clock.today(), -1),
      quantity: 50,
      certificateNo: `HGZ-${organisation.creditCode.slice(-6)}`,
      quarantineNo: `JY-${organisation.creditCode.slice(-6)}`,
    })
    .expect(201);
  return {
    ...pick,
    address,
    staffToken,
    buyerToken,
    paidOrder: paid.number,
    paidOrderLineId: paid.fulfillments[0].lines[0].id,
    fulfillmentId: paid.fulfillments[0].id,
    unpaidOrder: unpaid.number,
    cartLineId: cart.body.lines[0].id as string,
    spareProductId: spare.productId as string,
    spareVariantId: spare.variantId as string,
    organisationId,
    siteId: site.body.id as string,
    memberAccountId: member.id as string,
    invitationId: invitation.body.id as string,
    orgOrder: orgOrder.body.number as string,
    orgOrderPartId: orgOrder.body.fulfillments[0].id as string,
    statementNumber,
    orgInvoiceProfileId,
    invoiceProfileId,
    coopPayoutId: coopPayout.body.id as string,
    coopPayoutReference,
    lotId: lot.body.id as string,
    lotCode: lot.body.code as string,
  };
}

const NOWHERE_UUID = '5b0f3c3e-7d1a-4c6e-9f20-3a8b1c2d4e5f';

/**
 * A real value for a path parameter of `path`, owned by tenant A, so that a request gets past
 * "not found" into the code behind; a route nobody described here gets a well-formed unknown id.
 * Products and variants are the spare ones, which nobody's cart or order holds.
 */
export function realPathValue(world: World, path: string, name: string): string {
  const rules: [RegExp, string, string][] = [
    [/\/cart\/lines\/\{id\}/, 'id', world.a.cartLineId],
    [/\/coop\/products\/\{id\}/, 'id', world.a.spareProductId],
    [/\/coop\/variants\/\{id\}/, 'id', world.a.spareVariantId],
    [/\/coop\/fulfillments\/\{id\}/, 'id', world.a.fulfillmentId],
    [/\/(coop|admin)\/lots\/\{id\}/, 'id', world.a.lotId],
    [/^\/api\/lots\/\{code\}/, 'code', world.a.lotCode],
    [/\/admin\/products\/\{id\}/, 'id', world.a.spareProductId],
    [/\/admin\/cooperatives\/\{id\}/, 'id', world.pendingCooperativeId],
    [/\/admin\/organisations\/\{id\}/, 'id', world.a.organisationId],
    [/\/impact\/organisations\/\{id\}/, 'id', world.a.organisationId],
    [/\/org\/sites\/\{id\}/, 'id', world.a.siteId],
    [/\/(coop\/payouts|admin\/coop-payouts)\/\{id\}/, 'id', world.a.coopPayoutId],
    [/\/org\/invoice-profiles\/\{id\}/, 'id', world.a.orgInvoiceProfileId],
    [/^\/api\/invoice-profiles\/\{id\}/, 'id', world.a.invoiceProfileId],
    [/\/org\/invitations\/\{id\}/, 'id', world.a.invitationId],
    [/\/org\/members\/\{accountId\}/, 'accountId', world.a.memberAccountId],
    [/^\/api\/cooperatives\/\{id\}/, 'id', world.a.cooperativeId],
    [/\/products\/\{slug\}/, 'slug', world.a.slug],
    [/\/households\/\{id\}/, 'id', world.householdId],
    [/\/households\/\{id\}\/links\/\{linkId\}/, 'linkId', world.linkId],
    [/\/org\/orders\/\{number\}/, 'number', world.a.orgOrder],
    [/\/statements\/\{number\}/, 'number', world.a.statementNumber],
    [/\/plans\/\{year\}/, 'year', world.t.clock.today().slice(0, 4)],
    [/\/reserved-shares\/\{districtCode\}/, 'districtCode', '440106'],
    [/\/(cancel|pay|fail)$/, 'number', world.a.unpaidOrder],
    [/\{number\}/, 'number', world.a.paidOrder],
  ];
  const rule = rules.find(([pattern, param]) => param === name && pattern.test(path));
  if (rule) return rule[2];
  return /number/i.test(name) ? 'QH20260101-000001' : /id$/i.test(name) ? NOWHERE_UUID : 'no-such-thing';
}

/** Real values for body fields by name (tenant A's), so that one bad field is the only thing wrong with a body. */
export function realFieldValues(world: World): Record<string, unknown> {
  return {
    variantId: world.a.variantId,
    cooperativeId: world.a.cooperativeId,
    orderNumber: world.a.paidOrder,
    organisationId: world.a.organisationId,
    statementNumber: world.a.statementNumber,
    lineId: world.a.paidOrderLineId,
    // Valid, and no demo household's: a creation that passes every check and reaches the insert.
    idNumber: makeResidentId('520525', '19500101', '997'),
    email: 'fuzz-account@example.cn',
    password: 'fuzz-password-2026',
  };
}
