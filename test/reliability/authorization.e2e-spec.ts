import type { Role } from '@qh/domain';
import request from 'supertest';
import { ERROR_STATUS } from '../../apps/api/src/common/app-error';
import { tokenFor } from '../support/accounts';
import { PNG_1X1 } from '../support/images';
import { sampleOf } from './support/bad-inputs';
import { describeOperation, liveDocument, operationsOf, resolve, type ApiDocument, type Operation } from './support/openapi';
import { ACTORS, buildWorld, type Actor, type World } from './support/world';

const ROLES: Role[] = ['buyer', 'cooperative', 'official', 'admin'];

/**
 * Who may do what, by rule rather than route by route: a route added under a rule's prefix is
 * covered without anyone listing it, and an operation no rule matches fails the suite. A public
 * rule's operations must be documented `x-public: true`, the others `x-roles` with exactly its roles.
 */
interface Rule {
  name: string;
  matches: (operation: Operation) => boolean;
  /** Open to anyone, signed in or not, as far as the roles guard goes. */
  public?: true;
  /** The roles the guard lets in. */
  roles?: readonly Role[];
  /** Who gets through in the end, when the service narrows a public route further. */
  callers?: readonly Actor[];
}

const under = (prefix: string) => (operation: Operation) => operation.path === prefix || operation.path.startsWith(`${prefix}/`);
const underAny =
  (...prefixes: string[]) =>
  (operation: Operation) =>
    prefixes.some((prefix) => under(prefix)(operation));

const POLICY: Rule[] = [
  { name: 'the admin console: admins', matches: under('/api/admin'), roles: ['admin'] },
  { name: 'the cooperative portal: cooperative staff', matches: under('/api/coop'), roles: ['cooperative'] },
  { name: 'the public impact figures: anyone', matches: under('/api/impact/public'), public: true },
  {
    name: 'acknowledging a payout to a household: township officials who visit (the county’s officials are refused by the service)',
    matches: (operation) => operation.path === '/api/impact/household-payouts/{id}/acknowledge',
    roles: ['official'],
    callers: [],
  },
  {
    name: 'a household’s statement: admins and township officials (the county’s officials are refused by the service)',
    matches: (operation) => operation.path === '/api/impact/households/{id}/statement',
    roles: ['official', 'admin'],
    callers: ['admin'],
  },
  { name: "the officials' reports: officials and admins", matches: under('/api/impact'), roles: ['official', 'admin'] },
  { name: 'signing up, in and out: anyone', matches: under('/api/auth'), public: true },
  { name: 'one’s own account: any signed-in role', matches: under('/api/me'), roles: ROLES },
  { name: 'the health check: anyone', matches: under('/api/health'), public: true },
  {
    name: 'the catalog, read only: anyone',
    matches: (operation) => operation.method === 'GET' && underAny('/api/categories', '/api/products', '/api/cooperatives')(operation),
    public: true,
  },
  { name: 'the cart: guests and buyers', matches: under('/api/cart'), public: true, callers: ['anonymous', 'buyer'] },
  {
    name: 'one’s own boxes of a lot, where a claim starts: buyers',
    matches: (operation) => operation.path === '/api/lots/{code}/mine',
    roles: ['buyer'],
  },
  {
    name: 'the lot pages a label’s QR code opens, and their test reports: anyone',
    matches: (operation) => operation.method === 'GET' && under('/api/lots')(operation),
    public: true,
  },
  { name: 'after-sales claims on one’s deliveries: buyers', matches: under('/api/claims'), roles: ['buyer'] },
  {
    name: 'checkout, orders, demo payments, the address book, invoice profiles and arrival reminders: buyers',
    matches: underAny('/api/checkout', '/api/orders', '/api/payments/demo', '/api/addresses', '/api/invoice-profiles', '/api/reminders'),
    roles: ['buyer'],
  },
  { name: 'what an invitation link is for, before signing in: anyone', matches: under('/api/org/invitations/preview'), public: true },
  { name: "one's organisation (单位), its members and sites: buyers", matches: under('/api/org'), roles: ['buyer'] },
  { name: "the payment provider's signed webhook: anyone", matches: under('/api/payments/stripe/webhook'), public: true },
  {
    name: 'which payment provider takes payments: anyone',
    matches: (operation) => operation.method === 'GET' && under('/api/payments/provider')(operation),
    public: true,
  },
];

const ruleOf = (operation: Operation) => POLICY.find((rule) => rule.matches(operation));
const callersOf = (rule: Rule): readonly Actor[] => rule.callers ?? (rule.public ? ACTORS : (rule.roles ?? []));

/** The guard's refusals. An allowed caller may still get a 401 that is the operation's own answer. */
const GUARD_CODES = new Set(['UNAUTHORIZED', 'TOKEN_EXPIRED', 'FORBIDDEN']);
/** Those own answers: a refresh without its cookie, a sign-in with a wrong password. */
const OWN_401_CODES = new Set(['REFRESH_TOKEN_INVALID', 'INVALID_CREDENTIALS']);

const NOWHERE_UUID = '9d0c6f3a-2b1e-4c5d-8e7f-6a5b4c3d2e1f';
const NOWHERE_ORDER = 'QH20000101-000001';

/**
 * A request that gets past every check but the roles without doing harm: ids and order numbers
 * that exist nowhere, a body as the document describes it, no Idempotency-Key (so no checkout).
 */
function harmless(doc: ApiDocument, operation: Operation, n: number): { path: string; body?: unknown } {
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    name === 'number' ? NOWHERE_ORDER : name === 'slug' ? 'no-such-product' : NOWHERE_UUID,
  );
  const known = {
    variantId: NOWHERE_UUID,
    cooperativeId: NOWHERE_UUID,
    lineId: NOWHERE_UUID,
    orderNumber: NOWHERE_ORDER,
    email: `authz-${n}@example.cn`,
    password: 'authz-password-2026',
  };
  const query = operation.parameters
    .filter((p) => p.in === 'query' && p.required)
    .map((p) => `${p.name}=${encodeURIComponent(String(sampleOf(doc, resolve(doc, p.schema ?? {}), p.name, known)))}`);
  const body =
    operation.bodyTypes.includes('application/json') && operation.bodySchema ? sampleOf(doc, operation.bodySchema, '', known) : undefined;
  return { path: path + (query.length ? `?${query.join('&')}` : ''), body };
}

describe('the authorization matrix over the live OpenAPI document', () => {
  let world: World;
  let doc: ApiDocument;
  let operations: Operation[];

  beforeAll(async () => {
    world = await buildWorld();
    doc = await liveDocument(world.t.url);
    operations = operationsOf(doc);
  }, 120_000);
  afterAll(() => world?.t.close());

  const send = (token: string | null, method: string, path: string, body?: unknown) => {
    const test = request(world.t.url)[method.toLowerCase() as 'get'](path);
    if (token) void test.set('Authorization', `Bearer ${token}`);
    return body === undefined ? test : test.send(body as object);
  };
  const tokenOf = (actor: Actor) => (actor === 'anonymous' ? null : world.tokens[actor]);

  it('has a rule for every operation, and every operation declares what its rule allows', () => {
    expect(operations.filter((operation) => !ruleOf(operation)).map(describeOperation)).toEqual([]);
    const disagreements = operations.flatMap((operation) => {
      const rule = ruleOf(operation)!;
      const declared = operation.xPublic ? 'public' : `roles ${[...(operation.xRoles ?? [])].sort().join(', ') || '(none)'}`;
      const expected = rule.public ? 'public' : `roles ${[...(rule.roles ?? [])].sort().join(', ')}`;
      return declared === expected ? [] : [`${describeOperation(operation)} declares ${declared}; "${rule.name}" says ${expected}`];
    });
    expect(disagreements).toEqual([]);
  });

  it('answers anonymous callers 401 UNAUTHORIZED and other roles 403 FORBIDDEN, and lets the allowed ones past', async () => {
    const wrong: string[] = [];
    let checks = 0;
    for (const [index, operation] of operations.entries()) {
      const rule = ruleOf(operation);
      if (!rule) continue;
      const { path, body } = harmless(doc, operation, index);
      for (const actor of ACTORS) {
        const response = await send(tokenOf(actor), operation.method, path, body);
        checks += 1;
        const code = (response.body as { code?: string }).code ?? '';
        const allowed = callersOf(rule).includes(actor);
        const ok = allowed
          ? response.status !== 403 && !GUARD_CODES.has(code) && (response.status !== 401 || OWN_401_CODES.has(code))
          : actor === 'anonymous'
            ? response.status === 401 && code === 'UNAUTHORIZED'
            : response.status === 403 && code === 'FORBIDDEN';
        if (!ok) {
          const expected = allowed ? 'neither 401 nor 403' : actor === 'anonymous' ? '401 UNAUTHORIZED' : '403 FORBIDDEN';
          wrong.push(`${describeOperation(operation)} as ${actor}: ${response.status} ${code}, expected ${expected} (${rule.name})`);
        }
      }
    }
    console.log(`authorization matrix: ${operations.length} operations × ${ACTORS.length} callers = ${checks} checks`);
    expect(wrong).toEqual([]);
  });

  it('refuses a township official every operation but those that keep to its townships', async () => {
    const township = await tokenFor(world.t, 'official', null, ['520525202']);
    const wrong: string[] = [];
    const scoped: string[] = [];
    for (const [index, operation] of operations.entries()) {
      const rule = ruleOf(operation);
      if (!rule || rule.public || !rule.roles?.includes('official')) continue;
      const { path, body } = harmless(doc, operation, index);
      const response = await send(township, operation.method, path, body);
      const code = (response.body as { code?: string }).code ?? '';
      if (operation.xTownshipScoped) {
        scoped.push(describeOperation(operation));
        if (response.status === 401 || GUARD_CODES.has(code) || code === 'OUTSIDE_YOUR_TOWNSHIPS')
          wrong.push(`${describeOperation(operation)}: ${response.status} ${code}, expected its own answer`);
      } else if (response.status !== 403 || code !== 'OUTSIDE_YOUR_TOWNSHIPS') {
        wrong.push(`${describeOperation(operation)}: ${response.status} ${code}, expected 403 OUTSIDE_YOUR_TOWNSHIPS`);
      }
    }
    expect(wrong).toEqual([]);
    // Its own account, its townships' trail, payouts, receipts and household statements, and acknowledging.
    expect(scoped.length).toBeGreaterThanOrEqual(6);
  });

  describe("one tenant on another's things", () => {
    /** What tenant B owns, as stored: it must be the same after every attempt of tenant A. */
    const snapshotOfB = async () => ({
      product: await world.t.sql(`SELECT status, title_en, images, updated_at FROM product WHERE id = $1`, [world.b.productId]),
      variants: await world.t.sql(`SELECT id, label_zh, price_fen, stock FROM product_variant WHERE product_id = $1 ORDER BY id`, [
        world.b.productId,
      ]),
      movements: await world.t.sql(
        `SELECT count(*)::int AS n FROM inventory_movement WHERE variant_id IN (SELECT id FROM product_variant WHERE product_id = $1)`,
        [world.b.productId],
      ),
      fulfillment: await world.t.sql(`SELECT status, carrier, tracking_no FROM fulfillment WHERE id = $1`, [world.b.fulfillmentId]),
      lot: await world.t.sql(
        `SELECT closed_at, (SELECT count(*)::int FROM lot_shipment WHERE lot_id = $1) AS shipped FROM lot WHERE id = $1`,
        [world.b.lotId],
      ),
      orders: await world.t.sql(
        `SELECT o.number, o.status, p.status AS payment FROM "order" o JOIN payment p ON p.order_id = o.id WHERE o.number = ANY($1) ORDER BY o.number`,
        [[world.b.paidOrder, world.b.unpaidOrder]],
      ),
      cart: await world.t.sql(`SELECT id, quantity FROM cart_line WHERE id = $1`, [world.b.cartLineId]),
      organisation: await world.t.sql(`SELECT name, status, contact_name FROM organisation WHERE id = $1`, [world.b.organisationId]),
      members: await world.t.sql(`SELECT account_id, roles FROM organisation_member WHERE organisation_id = $1 ORDER BY account_id`, [
        world.b.organisationId,
      ]),
      sites: await world.t.sql(`SELECT id, name, street, archived_at FROM delivery_site WHERE organisation_id = $1`, [
        world.b.organisationId,
      ]),
      invitations: await world.t.sql(`SELECT id, revoked_at FROM organisation_invitation WHERE organisation_id = $1`, [
        world.b.organisationId,
      ]),
      orgOrders: await world.t.sql(`SELECT number, status, decided_by FROM "order" WHERE organisation_id = $1 ORDER BY number`, [
        world.b.organisationId,
      ]),
      coopPayout: await world.t.sql(`SELECT kind, reason FROM coop_payout_response WHERE payout_id = $1 ORDER BY id`, [
        world.b.coopPayoutId,
      ]),
      invoiceProfiles: await world.t.sql(`SELECT id, title, is_default, archived_at FROM invoice_profile WHERE id = ANY($1) ORDER BY id`, [
        [world.b.orgInvoiceProfileId, world.b.invoiceProfileId],
      ]),
    });
    /** Anything of B's that an answer to A must not hold. */
    const secretsOfB = () => [
      world.b.slug,
      world.b.paidOrder,
      world.b.unpaidOrder,
      world.b.address.name,
      world.b.address.street,
      world.b.paidOrderLineId,
      world.b.organisationId,
      world.b.orgOrder,
      world.b.statementNumber,
      '越秀区某中学饭堂',
      '越华路 118 号 后门',
      '越秀区某中学饭堂（单位发票）',
      world.b.coopPayoutReference,
    ];

    const attempts = (): [string, 'staff' | 'buyer', string, string, object | undefined][] => {
      const { b } = world;
      return [
        ["view B's product", 'staff', 'GET', `/api/coop/products/${b.productId}`, undefined],
        ["close B's lot", 'staff', 'POST', `/api/coop/lots/${b.lotId}/close`, undefined],
        ["print the labels of B's shipment", 'staff', 'GET', `/api/coop/fulfillments/${b.fulfillmentId}/labels`, undefined],
        [
          "ship one's own part from B's lot",
          'staff',
          'POST',
          `/api/coop/fulfillments/${world.a.fulfillmentId}/ship`,
          { carrier: '顺丰速运', trackingNo: 'SF1400238877661', lots: [{ lineId: world.a.paidOrderLineId, lotId: b.lotId, quantity: 1 }] },
        ],
        ["edit B's product", 'staff', 'PATCH', `/api/coop/products/${b.productId}`, { titleEn: 'Taken over' }],
        [
          "add a variant to B's product",
          'staff',
          'POST',
          `/api/coop/products/${b.productId}/variants`,
          { labelZh: '抢占', labelEn: 'Taken', priceFen: 1, weightG: 1 },
        ],
        ["submit B's product for review", 'staff', 'POST', `/api/coop/products/${b.productId}/submit`, undefined],
        ["archive B's product", 'staff', 'POST', `/api/coop/products/${b.productId}/archive`, undefined],
        ["reprice B's variant", 'staff', 'PATCH', `/api/coop/variants/${b.variantId}`, { priceFen: 1 }],
        ["change the stock of B's variant", 'staff', 'PATCH', `/api/coop/variants/${b.variantId}/stock`, { delta: -1, reason: 'DAMAGED' }],
        ["read the stock history of B's variant", 'staff', 'GET', `/api/coop/variants/${b.variantId}/movements`, undefined],
        [
          "ship B's part of an order",
          'staff',
          'POST',
          `/api/coop/fulfillments/${b.fulfillmentId}/ship`,
          { carrier: '顺丰速运', trackingNo: 'SF000000000001' },
        ],
        ["confirm the marketplace's transfer to B", 'staff', 'POST', `/api/coop/payouts/${b.coopPayoutId}/confirm`, undefined],
        ["dispute the marketplace's transfer to B", 'staff', 'POST', `/api/coop/payouts/${b.coopPayoutId}/dispute`, { reason: '不是我的' }],
        ["view B's order", 'buyer', 'GET', `/api/orders/${b.paidOrder}`, undefined],
        ["cancel B's order", 'buyer', 'POST', `/api/orders/${b.unpaidOrder}/cancel`, undefined],
        ["confirm receipt of B's order", 'buyer', 'POST', `/api/orders/${b.paidOrder}/confirm-receipt`, undefined],
        ["pay B's order (demo)", 'buyer', 'POST', `/api/payments/demo/${b.unpaidOrder}/pay`, undefined],
        ["fail B's payment (demo)", 'buyer', 'POST', `/api/payments/demo/${b.unpaidOrder}/fail`, undefined],
        ["change a line of B's cart", 'buyer', 'PATCH', `/api/cart/lines/${b.cartLineId}`, { quantity: 5 }],
        ["remove a line of B's cart", 'buyer', 'DELETE', `/api/cart/lines/${b.cartLineId}`, undefined],
        ["make a member of B's organisation a manager", 'buyer', 'PATCH', `/api/org/members/${b.memberAccountId}`, { roles: ['MANAGER'] }],
        ["remove a member of B's organisation", 'buyer', 'DELETE', `/api/org/members/${b.memberAccountId}`, undefined],
        ["edit B's delivery site", 'buyer', 'PATCH', `/api/org/sites/${b.siteId}`, { street: '改到我这里 1 号' }],
        ["remove B's delivery site", 'buyer', 'DELETE', `/api/org/sites/${b.siteId}`, undefined],
        ["revoke B's invitation", 'buyer', 'DELETE', `/api/org/invitations/${b.invitationId}`, undefined],
        ["view B's organisation order", 'buyer', 'GET', `/api/org/orders/${b.orgOrder}`, undefined],
        [
          "change B's organisation invoice profile",
          'buyer',
          'PUT',
          `/api/org/invoice-profiles/${b.orgInvoiceProfileId}`,
          { kind: 'ORDINARY', title: '改成我的' },
        ],
        ["remove B's organisation invoice profile", 'buyer', 'DELETE', `/api/org/invoice-profiles/${b.orgInvoiceProfileId}`, undefined],
        [
          "change B's own invoice profile",
          'buyer',
          'PUT',
          `/api/invoice-profiles/${b.invoiceProfileId}`,
          { kind: 'ORDINARY', title: '改成我的' },
        ],
        ["remove B's own invoice profile", 'buyer', 'DELETE', `/api/invoice-profiles/${b.invoiceProfileId}`, undefined],
        ["read B's reserved-share progress", 'buyer', 'GET', `/api/impact/organisations/${b.organisationId}/progress`, undefined],
        ["view B's statement", 'buyer', 'GET', `/api/org/statements/${b.statementNumber}`, undefined],
        ["download B's statement", 'buyer', 'GET', `/api/org/statements/${b.statementNumber}/csv`, undefined],
        ["approve B's organisation order", 'buyer', 'POST', `/api/org/orders/${b.orgOrder}/approve`, undefined],
        ["reject B's organisation order", 'buyer', 'POST', `/api/org/orders/${b.orgOrder}/reject`, { reason: '不要了' }],
        ["cancel B's organisation order", 'buyer', 'POST', `/api/org/orders/${b.orgOrder}/cancel`, undefined],
        [
          "accept the delivery of B's organisation order",
          'buyer',
          'POST',
          `/api/org/orders/${b.orgOrder}/fulfillments/${b.orgOrderPartId}/acceptance`,
          { lines: [] },
        ],
        [
          "order to B's delivery site",
          'buyer',
          'POST',
          '/api/org/orders/quote',
          { siteId: b.siteId, lines: [{ variantId: b.variantId, quantity: 1 }] },
        ],
      ];
    };

    it('is refused with 404 or 403 and a code, sees none of it and changes nothing', async () => {
      const before = await snapshotOfB();
      const wrong: string[] = [];
      const cases = attempts();
      for (const [name, who, method, path, body] of cases) {
        const token = who === 'staff' ? world.a.staffToken : world.a.buyerToken;
        const response = await send(token, method, path, body);
        const code = (response.body as { code?: keyof typeof ERROR_STATUS }).code;
        if (![403, 404].includes(response.status) || !code || ERROR_STATUS[code] !== response.status)
          wrong.push(`${name}: ${response.status} ${response.text.slice(0, 200)}`);
        const leaked = secretsOfB().filter((secret) => response.text.includes(secret));
        if (leaked.length) wrong.push(`${name}: the answer holds ${leaked.join(', ')}`);
      }
      const image = await request(world.t.url)
        .post(`/api/coop/products/${world.b.productId}/images`)
        .set('Authorization', `Bearer ${world.a.staffToken}`)
        .attach('image', PNG_1X1, { filename: 'a.png', contentType: 'image/png' });
      if (![403, 404].includes(image.status) || !image.body.code)
        wrong.push(`upload an image to B's product: ${image.status} ${image.text}`);
      expect(wrong).toEqual([]);
      expect(await snapshotOfB()).toEqual(before);
      console.log(`cross-tenant: ${cases.length + 1} attempts on another tenant's things, plus the lists below`);
    });

    it("lists only one's own, and cannot ask for another cooperative's", async () => {
      const { a, b } = world;
      const staff = (path: string) => send(a.staffToken, 'GET', path);
      const products = (await staff('/api/coop/products?limit=100').expect(200)).body.items as { id: string }[];
      expect(products.map((p) => p.id)).toContain(a.productId);
      expect(products.map((p) => p.id)).not.toContain(b.productId);
      const shipments = (await staff('/api/coop/fulfillments?limit=100').expect(200)).body.items as { id: string }[];
      expect(shipments.map((f) => f.id)).toEqual([a.fulfillmentId]);
      const transfers = (await staff('/api/coop/payouts').expect(200)).body.items as { id: string }[];
      expect(transfers.map((p) => p.id)).toEqual([a.coopPayoutId]);
      const asked = (await staff(`/api/coop/payouts?cooperativeId=${b.cooperativeId}`).expect(200)).body.items as { id: string }[];
      expect(asked.map((p) => p.id)).toEqual([a.coopPayoutId]);
      expect((await staff(`/api/coop/products?cooperative=${b.cooperativeId}`).expect(400)).body.code).toBe('VALIDATION_FAILED');
      expect((await staff(`/api/coop/sales?cooperativeId=${b.cooperativeId}`).expect(400)).body.code).toBe('VALIDATION_FAILED');

      const buyer = (path: string) => send(a.buyerToken, 'GET', path);
      const orders = (await buyer('/api/orders?limit=100').expect(200)).body.items as { number: string }[];
      expect(orders.map((o) => o.number).sort()).toEqual([a.paidOrder, a.unpaidOrder].sort());
      const cart = (await buyer('/api/cart').expect(200)).body.lines as { id: string }[];
      expect(cart.map((line) => line.id)).toEqual([a.cartLineId]);

      expect((await buyer('/api/org').expect(200)).body.id).toBe(a.organisationId);
      const ids = (answer: request.Response) => (answer.body.items as { id: string }[]).map((item) => item.id);
      expect(ids(await buyer('/api/org/invoice-profiles').expect(200))).toEqual([a.orgInvoiceProfileId]);
      expect(ids(await buyer('/api/invoice-profiles').expect(200))).toEqual([a.invoiceProfileId]);
      const members = (await buyer('/api/org/members').expect(200)).body.items as { accountId: string }[];
      expect(members.map((m) => m.accountId)).toContain(a.memberAccountId);
      expect(members.map((m) => m.accountId)).not.toContain(b.memberAccountId);
      // The matrix above may have added sites and invitations of A's own.
      const sites = ((await buyer('/api/org/sites').expect(200)).body.items as { id: string }[]).map((s) => s.id);
      expect(sites).toContain(a.siteId);
      expect(sites).not.toContain(b.siteId);
      const invitations = ((await buyer('/api/org/invitations').expect(200)).body.items as { id: string }[]).map((i) => i.id);
      expect(invitations).toContain(a.invitationId);
      expect(invitations).not.toContain(b.invitationId);
    });
  });
});
