import { addDays, reversalShareFen } from '@qh/domain';
import fc from 'fast-check';
import { Client } from 'pg';
import request from 'supertest';
import { ClaimsService } from '../../apps/api/src/claims/claims.service';
import { SettlementService } from '../../apps/api/src/impact/settlement.service';
import { PAYMENT_PROVIDER, PaymentProviderUnavailable, type PaymentProvider } from '../../apps/api/src/payments/payment-provider';
import { RefundsService } from '../../apps/api/src/payments/refunds.service';
import { tokenFor } from '../support/accounts';
import { newCooperative, newProduct, paidOrder, shipPart, type Cooperative, type Product } from '../support/builders';
import { jpegOfSize, PNG_1X1, WEBP_1X1 } from '../support/images';
import { joinedMember, signedInBuyer, verifiedCanteen, type Canteen } from '../support/organisations';
import { startTestApp, type TestApp } from '../support/test-app';
import { linkedHousehold, todayOf } from '../support/trail';

/** A minimal PDF: a test report as labs send them. */
const PDF_REPORT = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
const HOUR = 3600_000;

interface Line {
  id: string;
  variantId: string;
  unitPriceFen: number;
  quantity: number;
  refundedQuantity: number;
  lineTotalFen: number;
  lots: { code: string; quantity: number }[];
}
interface Part {
  id: string;
  status: string;
  cooperative: { id: string };
  lines: Line[];
}
interface BuyerOrder {
  number: string;
  status: string;
  totalFen: number;
  refundedFen: number;
  fulfillments: Part[];
  refunds: { kind: string; status: string; amountFen: number; shippingFen: number }[];
}
interface Lot {
  id: string;
  code: string;
  bestBefore: string;
  producedOn: string;
  quantity: number;
  shippedQuantity: number;
  hasReport: boolean;
  closedAt: string | null;
}
interface Buyer {
  id: string;
  token: string;
}

/**
 * 批次 and 售后 as their users see them: cooperatives record lots with their papers and name the lots
 * every shipment came from; a lot that shipped never changes; a label's QR code opens the lot's
 * public page; an admin recalls a lot and everybody who received it hears of it. Buyers (and an
 * organisation's receivers) claim on delivered goods within the category's window; the cooperative
 * accepts, offers or disputes; an admin decides; granted units go back through the refund flow and
 * the ledger gives back exactly their share. Every day here is counted from the app's clock.
 */
describe('lots and after-sales claims', () => {
  let t: TestApp;
  let admin: string;
  let official: string;
  let today: string;
  let eggCoop: Cooperative;
  let teaCoop: Cooperative;
  let strangerCoop: Cooperative;
  /** Eggs (30 days' shelf life, certified) and noodles of the egg cooperative; tea of another, never traced by lot. */
  let eggs: Product;
  let noodles: Product;
  let tea: Product;
  let strangerNoodles: Product;
  /** A large egg lot most shipments draw from. */
  let stockLot: Lot;
  let canteen: Canteen;
  /** A buyer who bought nothing of what the tests look at. */
  let stranger: Buyer;
  /** Cooperatives of their own, for the lot page (other township, linked households), quality figures and the ledger property. */
  let pageCoop: Cooperative;
  let pageTea: Product;
  let qualityCoop: Cooperative;
  let qualityGoods: Product;
  let propCoop: Cooperative;
  let propClaimed: Product;
  let propKept: Product;

  const EGG_FEN = 3000;
  const TEA_FEN = 3800;

  const as = (token: string) => ({
    get: (path: string) => request(t.url).get(path).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: object = {}, key?: string) => {
      const call = request(t.url).post(path).set('Authorization', `Bearer ${token}`);
      return (key ? call.set('Idempotency-Key', key) : call).send(body);
    },
    upload: (path: string, bytes: Buffer, name: string) =>
      request(t.url).post(path).set('Authorization', `Bearer ${token}`).attach('file', bytes, name),
  });
  /** A download's bytes, whatever its type (supertest leaves a PDF unparsed otherwise). */
  const download = (call: request.Test) =>
    call.buffer(true).parse((response, done) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => done(null, Buffer.concat(chunks)));
    });

  beforeAll(async () => {
    t = await startTestApp();
    today = await todayOf(t);
    const certifiedUntil = addDays(today, 365);
    [admin, official, eggCoop, teaCoop, strangerCoop, pageCoop, qualityCoop, propCoop] = await Promise.all([
      tokenFor(t, 'admin'),
      tokenFor(t, 'official'),
      newCooperative(t, { nameZh: '纳雍县土鸡蛋养殖专业合作社', benefitRateBp: 1000 }),
      newCooperative(t, { nameZh: '纳雍县总溪河茶叶专业合作社' }),
      newCooperative(t, { nameZh: '纳雍县别家专业合作社' }),
      newCooperative(t, { nameZh: '纳雍县阳长茶叶专业合作社', townshipCode: '520525101', benefitRateBp: 1200 }),
      newCooperative(t, { nameZh: '纳雍县质量测试专业合作社' }),
      newCooperative(t, { nameZh: '纳雍县性质测试专业合作社', benefitRateBp: 777 }),
    ]);
    [eggs, noodles, tea, strangerNoodles, pageTea, qualityGoods, propClaimed, propKept, canteen, stranger] = await Promise.all([
      newProduct(t, eggCoop, {
        priceFen: EGG_FEN,
        stock: 100_000,
        certifiedUntil,
        fields: { category: 'EGG', shippingClass: 'CHILLED', shelfLifeDays: 30, titleZh: '散养土鸡蛋', titleEn: 'Free-range eggs' },
      }),
      newProduct(t, eggCoop, { priceFen: 1200 }),
      newProduct(t, teaCoop, {
        priceFen: TEA_FEN,
        stock: 10_000,
        certifiedUntil,
        fields: { category: 'TEA', titleZh: '纳雍高山绿茶', titleEn: 'Nayong green tea', shelfLifeDays: 540 },
      }),
      newProduct(t, strangerCoop, { priceFen: 900 }),
      newProduct(t, pageCoop, {
        priceFen: 5000,
        certifiedUntil,
        fields: { category: 'TEA', titleZh: '阳长高山红茶', titleEn: 'Yangchang black tea', shelfLifeDays: 365 },
      }),
      newProduct(t, qualityCoop, { priceFen: 2500, fields: { titleZh: '质量测试挂面' } }),
      newProduct(t, propCoop, { stock: 100_000, certifiedUntil, fields: { titleZh: '性质测试挂面' } }),
      newProduct(t, propCoop, { priceFen: 1333, stock: 100_000, certifiedUntil, fields: { titleZh: '性质测试粉丝' } }),
      verifiedCanteen(t, admin),
      signedInBuyer(t, 'stranger'),
    ]);
    stockLot = await eggLot(1_000_000, addDays(today, -1));
  });
  afterAll(() => t.close());

  // ---------------------------------------------------------------- helpers

  let serial = 0;
  const tracking = () => `SF${String(Date.now()).slice(-8)}${String((serial += 1)).padStart(5, '0')}`;

  const LOT_PAPERS = { certificateNo: 'CN-GZ-NY-2026-00871', quarantineNo: '5205251202612030017' };
  function recordLot(coop: Cooperative, productId: string, fields: object = {}) {
    return as(coop.staff).post('/api/coop/lots', {
      productId,
      village: '化作村',
      producedOn: addDays(today, -2),
      quantity: 100,
      certificateNo: LOT_PAPERS.certificateNo,
      ...fields,
    });
  }
  async function eggLot(quantity: number, producedOn = addDays(today, -2)): Promise<Lot> {
    return (await recordLot(eggCoop, eggs.id, { quantity, producedOn, quarantineNo: LOT_PAPERS.quarantineNo }).expect(201)).body;
  }

  const newBuyer = (label = 'buyer'): Promise<Buyer> => signedInBuyer(t, label);
  const orderOf = async (buyer: Buyer, number: string): Promise<BuyerOrder> =>
    (await as(buyer.token).get(`/api/orders/${number}`).expect(200)).body;
  const partOf = (order: BuyerOrder, coop: Cooperative) => order.fulfillments.find((f) => f.cooperative.id === coop.id)!;

  /** A household buyer's paid order. */
  async function bought(buyer: Buyer, lines: [Product, number][]): Promise<BuyerOrder> {
    const paid = await paidOrder(
      t,
      buyer.token,
      lines.map(([product, quantity]) => ({ variantId: product.variantId, quantity })),
    );
    return orderOf(buyer, paid.number);
  }

  const ship = (coop: Cooperative, partId: string, lots: { lineId: string; lotId: string; quantity: number }[] = []) =>
    as(coop.staff).post(`/api/coop/fulfillments/${partId}/ship`, { carrier: '顺丰速运', trackingNo: tracking(), lots });

  /** A paid household order of eggs (and tea, when asked) whose egg part shipped from the stock lot (and tea part, without lots). */
  async function shippedEggs(quantity: number, options: { buyer?: Buyer; tea?: number } = {}) {
    const buyer = options.buyer ?? (await newBuyer());
    const order = await bought(
      buyer,
      options.tea
        ? [
            [eggs, quantity],
            [tea, options.tea],
          ]
        : [[eggs, quantity]],
    );
    const part = partOf(order, eggCoop);
    await ship(eggCoop, part.id, [{ lineId: part.lines[0].id, lotId: stockLot.id, quantity }]).expect(200);
    if (options.tea) await shipPart(t, teaCoop.staff, partOf(order, teaCoop).id);
    return { buyer, order, part, line: part.lines[0] };
  }

  /** The canteen's paid order of eggs for a day, its egg part and line. */
  async function canteenEggOrder(quantity: number) {
    const manager = canteen.manager;
    const { body: placed } = await as(manager.token)
      .post(
        '/api/org/orders',
        { siteId: canteen.siteId, deliveryOn: addDays(today, 4), lines: [{ variantId: eggs.variantId, quantity }] },
        `lots-claims-org-${(serial += 1)}-${Date.now()}`,
      )
      .expect(201);
    await as(manager.token).post(`/api/payments/demo/${placed.number}/pay`).expect(200);
    const part = (placed.fulfillments as Part[])[0];
    return { number: placed.number as string, part, line: part.lines[0] };
  }

  const openClaim = (token: string, orderNumber: string, lines: { lineId: string; quantity: number }[], reason = 'DAMAGED') =>
    as(token).post('/api/claims', { orderNumber, reason, note: '到货时蛋壳破裂', lines });
  const auditOf = async (entityId: string) =>
    (await t.sql(`SELECT action FROM audit_log WHERE entity_type = 'claim' AND entity_id = $1 ORDER BY id`, [entityId])).map(
      (row) => row.action,
    );
  const lotShipments = (lineId: string) => t.sql(`SELECT lot_id FROM lot_shipment WHERE order_line_id = $1`, [lineId]);
  const ledgerOfLine = async (lineId: string) =>
    (await t.sql(
      `SELECT kind, refund_id AS "refundId", quantity, linked_sales_fen::float8 AS linked, pool_fen::float8 AS pool
         FROM attribution_entry WHERE order_line_id = $1 ORDER BY id`,
      [lineId],
    )) as { kind: string; refundId: string | null; quantity: number; linked: number; pool: number }[];
  const stockOf = async (variantId: string) =>
    (await t.sql(`SELECT stock FROM product_variant WHERE id = $1`, [variantId]))[0].stock as number;

  // ---------------------------------------------------------------- lots

  describe('lots', () => {
    it('records a lot of eggs with a readable code and its best-before; eggs need their quarantine number, tea does not', async () => {
      const producedOn = addDays(today, -3);
      const { body: lot } = await recordLot(eggCoop, eggs.id, {
        producedOn,
        quantity: 240,
        village: '  化作村  ',
        quarantineNo: LOT_PAPERS.quarantineNo,
      }).expect(201);
      expect(lot.code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
      expect(lot).toMatchObject({
        product: { id: eggs.id, category: 'EGG' },
        cooperativeId: eggCoop.id,
        village: '化作村',
        producedOn,
        // The production day is day 1 of the 30.
        bestBefore: addDays(producedOn, 29),
        quantity: 240,
        shippedQuantity: 0,
        certificateNo: LOT_PAPERS.certificateNo,
        quarantineNo: LOT_PAPERS.quarantineNo,
        hasReport: false,
        closedAt: null,
        recalledAt: null,
      });

      const before = (await t.sql(`SELECT count(*)::int AS n FROM lot`))[0].n as number;
      const noQuarantine = await recordLot(eggCoop, eggs.id).expect(422);
      expect(noQuarantine.body).toMatchObject({ code: 'QUARANTINE_CERTIFICATE_REQUIRED', details: [{ field: 'quarantineNo' }] });

      const { body: teaLot } = await recordLot(teaCoop, tea.id, { producedOn: today }).expect(201);
      expect(teaLot).toMatchObject({ quarantineNo: null, producedOn: today, bestBefore: addDays(today, 539) });

      const future = await recordLot(teaCoop, tea.id, { producedOn: addDays(today, 1) }).expect(400);
      expect(future.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'producedOn' }] });
      expect((await recordLot(strangerCoop, eggs.id, { quarantineNo: LOT_PAPERS.quarantineNo }).expect(404)).body.code).toBe(
        'PRODUCT_NOT_FOUND',
      );
      for (const papers of [
        { certificateNo: 'ab1' },
        { certificateNo: '合格证12345' },
        { certificateNo: '-ABC-1234' },
        { certificateNo: 'A'.repeat(41) },
        { certificateNo: 'CN 2026 0087' },
        { quarantineNo: 'x!' },
      ]) {
        const bad = await recordLot(teaCoop, tea.id, papers).expect(400);
        expect(bad.body.code).toBe('VALIDATION_FAILED');
      }
      expect((await recordLot(teaCoop, tea.id, { quantity: 0 }).expect(400)).body.code).toBe('VALIDATION_FAILED');
      // Only the tea lot was added by all of that.
      expect((await t.sql(`SELECT count(*)::int AS n FROM lot`))[0].n).toBe(before + 1);
    });

    it('keeps a test report, a PDF or a photo by its content, and shows it to anyone; a text file is refused', async () => {
      const pdfLot = await eggLot(10);
      const shown = await as(eggCoop.staff).upload(`/api/coop/lots/${pdfLot.id}/report`, PDF_REPORT, 'report.pdf').expect(200);
      expect(shown.body).toMatchObject({ id: pdfLot.id, hasReport: true });
      const served = await download(request(t.url).get(`/api/lots/${pdfLot.code}/report`)).expect(200);
      expect(served.headers['content-type']).toMatch(/^application\/pdf/);
      expect((served.body as Buffer).equals(PDF_REPORT)).toBe(true);
      expect((await request(t.url).get(`/api/lots/${pdfLot.code}`).expect(200)).body.hasReport).toBe(true);

      const photoLot = await eggLot(10);
      await as(eggCoop.staff).upload(`/api/coop/lots/${photoLot.id}/report`, PNG_1X1, 'report.png').expect(200);
      const photo = await download(request(t.url).get(`/api/lots/${photoLot.code}/report`)).expect(200);
      expect(photo.headers['content-type']).toMatch(/^image\/png/);
      expect((photo.body as Buffer).equals(PNG_1X1)).toBe(true);

      const textLot = await eggLot(10);
      const refused = await as(eggCoop.staff)
        .upload(`/api/coop/lots/${textLot.id}/report`, Buffer.from('检测合格 / passed, honest'), 'report.pdf')
        .expect(415);
      expect(refused.body.code).toBe('UNSUPPORTED_REPORT_FILE');
      expect((await request(t.url).get(`/api/lots/${textLot.code}/report`).expect(404)).body.code).toBe('LOT_REPORT_NOT_FOUND');
      // Another cooperative's staff cannot touch the lot.
      expect(
        (await as(strangerCoop.staff).upload(`/api/coop/lots/${textLot.id}/report`, PDF_REPORT, 'report.pdf').expect(404)).body.code,
      ).toBe('LOT_NOT_FOUND');
      expect((await request(t.url).get(`/api/lots/${textLot.code}`).expect(200)).body.hasReport).toBe(false);
    });

    it('ships a part only from lots of its product that add up, are open, in date and not overdrawn; a refused ship writes nothing', async () => {
      const lotA = await eggLot(5);
      const lotB = await eggLot(10);
      const closed = await eggLot(10);
      const { body: closedNow } = await as(eggCoop.staff).post(`/api/coop/lots/${closed.id}/close`).expect(200);
      expect(closedNow.closedAt).toEqual(expect.any(String));
      expect((await as(eggCoop.staff).post(`/api/coop/lots/${closed.id}/close`).expect(409)).body.code).toBe('LOT_CLOSED');
      const expired = await eggLot(10, addDays(today, -20));
      // Moved behind the app's back, as time would: this lot has never shipped, so it may still change.
      await t.sql(`UPDATE lot SET best_before = qh_today() - 1 WHERE id = $1`, [expired.id]);
      const small = await eggLot(2);
      const { body: noodleLot } = await recordLot(eggCoop, noodles.id).expect(201);
      const { body: strangerLot } = await recordLot(strangerCoop, strangerNoodles.id).expect(201);

      const buyer = await newBuyer();
      const order = await bought(buyer, [[eggs, 3]]);
      const part = partOf(order, eggCoop);
      const lineId = part.lines[0].id;
      const tries: [{ lotId: string; quantity: number }[], number, string][] = [
        [[], 422, 'LOT_QUANTITIES_DO_NOT_ADD_UP'],
        [[{ lotId: lotA.id, quantity: 2 }], 422, 'LOT_QUANTITIES_DO_NOT_ADD_UP'],
        [
          [
            { lotId: lotA.id, quantity: 2 },
            { lotId: lotB.id, quantity: 2 },
          ],
          422,
          'LOT_QUANTITIES_DO_NOT_ADD_UP',
        ],
        [[{ lotId: noodleLot.id, quantity: 3 }], 422, 'LOT_OF_ANOTHER_PRODUCT'],
        [[{ lotId: strangerLot.id, quantity: 3 }], 404, 'LOT_NOT_FOUND'],
        [[{ lotId: closed.id, quantity: 3 }], 409, 'LOT_CLOSED'],
        [[{ lotId: expired.id, quantity: 3 }], 422, 'LOT_EXPIRED'],
        [[{ lotId: small.id, quantity: 3 }], 409, 'LOT_OVERDRAWN'],
      ];
      for (const [lots, status, code] of tries) {
        const refused = await ship(
          eggCoop,
          part.id,
          lots.map((lot) => ({ lineId, ...lot })),
        );
        expect({ status: refused.status, code: refused.body.code }).toEqual({ status, code });
      }
      expect(await lotShipments(lineId)).toEqual([]);
      const untouched = partOf(await orderOf(buyer, order.number), eggCoop);
      expect(untouched).toMatchObject({ status: 'PENDING', lines: [expect.objectContaining({ lots: [] })] });

      const shipped = await ship(eggCoop, part.id, [
        { lineId, lotId: lotA.id, quantity: 2 },
        { lineId, lotId: lotB.id, quantity: 1 },
      ]).expect(200);
      expect(shipped.body.status).toBe('SHIPPED');
      const seen = partOf(await orderOf(buyer, order.number), eggCoop);
      expect(seen.status).toBe('SHIPPED');
      expect(seen.lines[0].lots).toEqual(
        [
          { code: lotA.code, quantity: 2 },
          { code: lotB.code, quantity: 1 },
        ].sort((a, b) => a.code.localeCompare(b.code)),
      );

      const { body: listed } = await as(eggCoop.staff).get(`/api/coop/lots?productId=${eggs.id}&limit=100`).expect(200);
      const byId = new Map((listed.items as Lot[]).map((lot) => [lot.id, lot]));
      expect(byId.get(lotA.id)).toMatchObject({ quantity: 5, shippedQuantity: 2 });
      expect(byId.get(lotB.id)).toMatchObject({ quantity: 10, shippedQuantity: 1 });
      const { body: shippable } = await as(eggCoop.staff).get(`/api/coop/lots?productId=${eggs.id}&shippable=true&limit=100`).expect(200);
      const shippableIds = (shippable.items as Lot[]).map((lot) => lot.id);
      expect(shippableIds).toEqual(expect.arrayContaining([lotA.id, lotB.id, small.id]));
      expect(shippableIds).not.toContain(closed.id);
      expect(shippableIds).not.toContain(expired.id);
    });

    it('lets a lot give only what it holds: a second order drawing the same units fails and its parcel stays as it was', async () => {
      const lot = await eggLot(4);
      const [firstBuyer, secondBuyer] = await Promise.all([newBuyer(), newBuyer()]);
      const [first, second] = await Promise.all([bought(firstBuyer, [[eggs, 3]]), bought(secondBuyer, [[eggs, 3]])]);
      const firstPart = partOf(first, eggCoop);
      const secondPart = partOf(second, eggCoop);
      await ship(eggCoop, firstPart.id, [{ lineId: firstPart.lines[0].id, lotId: lot.id, quantity: 3 }]).expect(200);

      const refused = await ship(eggCoop, secondPart.id, [{ lineId: secondPart.lines[0].id, lotId: lot.id, quantity: 3 }]).expect(409);
      expect(refused.body).toMatchObject({ code: 'LOT_OVERDRAWN', details: [{ field: 'lots.0' }] });
      expect(await lotShipments(secondPart.lines[0].id)).toEqual([]);
      expect(partOf(await orderOf(secondBuyer, second.number), eggCoop).status).toBe('PENDING');
      expect((await as(eggCoop.staff).get(`/api/coop/lots?productId=${eggs.id}&limit=100`).expect(200)).body.items).toContainEqual(
        expect.objectContaining({ id: lot.id, shippedQuantity: 3 }),
      );

      // What is left of it, and the rest from another lot, ships.
      await ship(eggCoop, secondPart.id, [
        { lineId: secondPart.lines[0].id, lotId: lot.id, quantity: 1 },
        { lineId: secondPart.lines[0].id, lotId: stockLot.id, quantity: 2 },
      ]).expect(200);
      expect(await t.sql(`SELECT sum(quantity)::int AS shipped FROM lot_shipment WHERE lot_id = $1`, [lot.id])).toEqual([{ shipped: 4 }]);
    });

    it('lets a lot give only what it holds when two shipments draw its last units at the same moment', async () => {
      const lot = await eggLot(3);
      const parts = await Promise.all([0, 1].map(async () => partOf(await bought(await newBuyer(), [[eggs, 3]]), eggCoop)));
      // Someone else (another shipment, a close) holds the lot for a moment: both shipments wait for it.
      const blocker = new Client({ connectionString: t.database.url });
      await blocker.connect();
      try {
        await blocker.query('BEGIN');
        await blocker.query('SELECT id FROM lot WHERE id = $1 FOR UPDATE', [lot.id]);
        const shipping = parts.map((part) =>
          ship(eggCoop, part.id, [{ lineId: part.lines[0].id, lotId: lot.id, quantity: 3 }]).then((response) => response),
        );
        for (let waited = 0; waited < 250; waited += 1) {
          const [{ waiting }] = await t.sql(
            `SELECT count(*)::int AS waiting FROM pg_stat_activity
              WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%FROM lot lt%FOR UPDATE%'`,
          );
          if (waiting === 2) break;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        await blocker.query('COMMIT');
        const responses = await Promise.all(shipping);
        expect(responses.map((response) => response.status).sort()).toEqual([200, 409]);
        expect(responses.find((response) => response.status === 409)!.body.code).toBe('LOT_OVERDRAWN');
      } finally {
        await blocker.end();
      }
      expect(await t.sql(`SELECT coalesce(sum(quantity), 0)::int AS shipped FROM lot_shipment WHERE lot_id = $1`, [lot.id])).toEqual([
        { shipped: 3 },
      ]);
    });

    it('fixes a lot once it has shipped: no report afterwards, no change even by SQL, but it can be closed', async () => {
      const lot = await eggLot(6);
      const buyer = await newBuyer();
      const order = await bought(buyer, [[eggs, 2]]);
      const part = partOf(order, eggCoop);
      await ship(eggCoop, part.id, [{ lineId: part.lines[0].id, lotId: lot.id, quantity: 2 }]).expect(200);

      const late = await as(eggCoop.staff).upload(`/api/coop/lots/${lot.id}/report`, PDF_REPORT, 'report.pdf').expect(409);
      expect(late.body.code).toBe('LOT_SHIPPED');
      for (const change of [
        `UPDATE lot SET village = '另一个村' WHERE id = $1`,
        `UPDATE lot SET best_before = best_before + 30 WHERE id = $1`,
        `UPDATE lot SET quantity = quantity + 1 WHERE id = $1`,
      ]) {
        await expect(t.sql(change, [lot.id])).rejects.toMatchObject({ code: '23001' });
      }
      await expect(t.sql(`DELETE FROM lot_shipment WHERE lot_id = $1`, [lot.id])).rejects.toMatchObject({ code: '23001' });
      await expect(t.sql(`UPDATE lot_shipment SET quantity = 1 WHERE lot_id = $1`, [lot.id])).rejects.toMatchObject({ code: '23001' });

      const { body: closed } = await as(eggCoop.staff).post(`/api/coop/lots/${lot.id}/close`).expect(200);
      expect(closed).toMatchObject({ village: '化作村', quantity: 6, shippedQuantity: 2, hasReport: false, closedAt: expect.any(String) });
    });

    it('prints one label per line and lot, as many copies as units, for the part’s own cooperative only', async () => {
      const first = await eggLot(3);
      const second = await eggLot(3);
      const order = await bought(await newBuyer(), [[eggs, 5]]);
      const part = partOf(order, eggCoop);
      const lineId = part.lines[0].id;
      await ship(eggCoop, part.id, [
        { lineId, lotId: first.id, quantity: 3 },
        { lineId, lotId: second.id, quantity: 2 },
      ]).expect(200);

      const { body: sheet } = await as(eggCoop.staff).get(`/api/coop/fulfillments/${part.id}/labels`).expect(200);
      const [{ name: township }] = await t.sql(`SELECT name FROM township WHERE code = '520525202'`);
      expect(sheet.orderNumber).toBe(order.number);
      expect(sheet.cooperativeName).toBe('纳雍县土鸡蛋养殖专业合作社');
      const label = (lot: Lot, copies: number) => ({
        titleZh: '散养土鸡蛋',
        titleEn: 'Free-range eggs',
        labelZh: expect.any(String),
        lotCode: lot.code,
        lotPath: `/lot/${lot.code}`,
        village: '化作村',
        townshipName: township,
        producedOn: lot.producedOn,
        bestBefore: lot.bestBefore,
        certificateNo: LOT_PAPERS.certificateNo,
        quarantineNo: LOT_PAPERS.quarantineNo,
        copies,
      });
      expect(sheet.labels).toEqual([label(first, 3), label(second, 2)].sort((a, b) => a.lotCode.localeCompare(b.lotCode)));

      expect((await as(strangerCoop.staff).get(`/api/coop/fulfillments/${part.id}/labels`).expect(404)).body.code).toBe(
        'FULFILLMENT_NOT_FOUND',
      );
      expect((await as(eggCoop.staff).get('/api/coop/fulfillments/not-a-uuid/labels').expect(404)).body.code).toBe('FULFILLMENT_NOT_FOUND');
    });

    it('opens the lot page to anyone: origin, papers, households (none shown below 5) and the year’s trail; the buyer finds their boxes', async () => {
      const { body: lot } = await recordLot(pageCoop, pageTea.id, { village: '阳长村', producedOn: addDays(today, -10) }).expect(201);
      const buyer = await newBuyer();
      const order = await bought(buyer, [[pageTea, 4]]);
      const part = order.fulfillments[0];
      await ship(pageCoop, part.id, [{ lineId: part.lines[0].id, lotId: lot.id, quantity: 4 }]).expect(200);
      await linkedHousehold(t, admin, pageCoop.id, { townshipCode: '520525101' });

      const [{ name: township }] = await t.sql(`SELECT name FROM township WHERE code = '520525101'`);
      const page = (await request(t.url).get(`/api/lots/${lot.code}`).expect(200)).body;
      expect(page).toMatchObject({
        code: lot.code,
        product: { id: pageTea.id, titleZh: '阳长高山红茶', category: 'TEA' },
        cooperative: { id: pageCoop.id, nameZh: '纳雍县阳长茶叶专业合作社' },
        township: { code: '520525101', name: township },
        village: '阳长村',
        producedOn: addDays(today, -10),
        bestBefore: addDays(today, -10 + 364),
        certificateNo: LOT_PAPERS.certificateNo,
        quarantineNo: null,
        hasReport: false,
        recall: null,
      });
      // One household linked: too few to show.
      expect(page.linkedHouseholds.households).toBeNull();
      expect(page.linkedHouseholds.byMechanism).toContainEqual({ mechanism: 'EQUITY_DIVIDEND', households: null });

      // The day settled, the year's trail holds what the sales pledged to the households.
      await t.app.get(SettlementService).settleThrough(today);
      const [{ pool }] = await t.sql(`SELECT coalesce(sum(pool_fen), 0)::float8 AS pool FROM attribution_entry WHERE cooperative_id = $1`, [
        pageCoop.id,
      ]);
      expect(pool).toBeGreaterThan(0);
      await Promise.all([1, 2, 3, 4].map(() => linkedHousehold(t, admin, pageCoop.id, { townshipCode: '520525101' })));
      // Asked in lower case, as a hand-typed code may be.
      const later = (await request(t.url).get(`/api/lots/${lot.code.toLowerCase()}`).expect(200)).body;
      expect(later.linkedHouseholds.households).toBe(5);
      expect(later.trail).toEqual({ year: Number(today.slice(0, 4)), pledgedFen: pool, paidToHouseholdsFen: 0 });

      for (const code of ['Z2Z2Z2Z2', 'ABC', 'O0O0O0O0', 'ILIL2345', `${lot.code}2`]) {
        const missing = await request(t.url).get(`/api/lots/${code}`).expect(404);
        expect(missing.body.code).toBe('LOT_NOT_FOUND');
      }

      const { body: mine } = await as(buyer.token).get(`/api/lots/${lot.code}/mine`).expect(200);
      expect(mine).toEqual({ lines: [{ orderNumber: order.number, lineId: part.lines[0].id, quantity: 4 }] });
      expect((await as(stranger.token).get(`/api/lots/${lot.code}/mine`).expect(200)).body).toEqual({ lines: [] });
      expect((await request(t.url).get(`/api/lots/${lot.code}/mine`).expect(401)).body.code).toBe('UNAUTHORIZED');
      expect((await as(buyer.token).get('/api/lots/Z2Z2Z2Z2/mine').expect(404)).body.code).toBe('LOT_NOT_FOUND');
    });

    it('recalls a lot: its page shows the notice, every order and organisation that got it is listed and told once, and it ships no more', async () => {
      const lot = await eggLot(12);
      const [household, otherHousehold, lateBuyer] = await Promise.all([newBuyer(), newBuyer(), newBuyer()]);
      const [first, second, org, late] = await Promise.all([
        bought(household, [[eggs, 2]]),
        bought(otherHousehold, [[eggs, 3]]),
        canteenEggOrder(4),
        bought(lateBuyer, [[eggs, 1]]),
      ]);
      const firstPart = partOf(first, eggCoop);
      await ship(eggCoop, firstPart.id, [{ lineId: firstPart.lines[0].id, lotId: lot.id, quantity: 2 }]).expect(200);
      const secondPart = partOf(second, eggCoop);
      await ship(eggCoop, secondPart.id, [
        { lineId: secondPart.lines[0].id, lotId: lot.id, quantity: 1 },
        { lineId: secondPart.lines[0].id, lotId: stockLot.id, quantity: 2 },
      ]).expect(200);
      await ship(eggCoop, org.part.id, [{ lineId: org.line.id, lotId: lot.id, quantity: 4 }]).expect(200);

      const { body: before } = await as(admin).get(`/api/admin/lots/${lot.id}/recipients`).expect(200);
      expect(before).toMatchObject({ orders: 3, organisations: 1, notified: 0 });

      const notice = '该批次鸡蛋检出问题，请停止食用并联系我们退款。';
      expect((await as(eggCoop.staff).post(`/api/admin/lots/${lot.id}/recall`, { notice }).expect(403)).body.code).toBe('FORBIDDEN');
      expect((await as(admin).post(`/api/admin/lots/${lot.id}/recall`, { notice: '坏' }).expect(400)).body.code).toBe('VALIDATION_FAILED');
      const { body: recalled } = await as(admin).post(`/api/admin/lots/${lot.id}/recall`, { notice }).expect(200);
      expect(recalled).toMatchObject({ lot: { id: lot.id, recallNotice: notice }, orders: 3, organisations: 1, notified: 3 });
      const byOrder = (number: string) => recalled.lines.find((line: { orderNumber: string }) => line.orderNumber === number);
      expect(recalled.lines).toHaveLength(3);
      expect(byOrder(first.number)).toMatchObject({ lineId: firstPart.lines[0].id, quantity: 2, organisationName: null });
      expect(byOrder(second.number)).toMatchObject({ lineId: secondPart.lines[0].id, quantity: 1, organisationName: null });
      expect(byOrder(org.number)).toMatchObject({ lineId: org.line.id, quantity: 4, organisationName: canteen.name });

      const page = (await request(t.url).get(`/api/lots/${lot.code}`).expect(200)).body;
      expect(page.recall).toEqual({ at: expect.any(String), notice });

      const told = await t.sql(
        `SELECT n.account_id AS "accountId", o.number, n.payload->>'lotCode' AS "lotCode"
           FROM notification_outbox n JOIN "order" o ON o.id = n.order_id WHERE n.topic = 'LOT_RECALLED' ORDER BY o.number`,
      );
      expect(told).toEqual(
        [
          { accountId: household.id, number: first.number, lotCode: lot.code },
          { accountId: otherHousehold.id, number: second.number, lotCode: lot.code },
          { accountId: canteen.manager.id, number: org.number, lotCode: lot.code },
        ].sort((a, b) => a.number.localeCompare(b.number)),
      );

      expect((await as(admin).post(`/api/admin/lots/${lot.id}/recall`, { notice }).expect(409)).body.code).toBe('LOT_RECALLED');
      expect(await t.sql(`SELECT count(*)::int AS n FROM notification_outbox WHERE topic = 'LOT_RECALLED'`)).toEqual([{ n: 3 }]);
      expect((await as(admin).post('/api/admin/lots/00000000-0000-4000-8000-000000000000/recall', { notice }).expect(404)).body.code).toBe(
        'LOT_NOT_FOUND',
      );

      // Units are left in it, but a recalled lot ships no more.
      const latePart = partOf(late, eggCoop);
      const refused = await ship(eggCoop, latePart.id, [{ lineId: latePart.lines[0].id, lotId: lot.id, quantity: 1 }]).expect(409);
      expect(refused.body.code).toBe('LOT_CLOSED');
      // The canteen's receiver finds the organisation's boxes of it.
      expect((await as(canteen.manager.token).get(`/api/lots/${lot.code}/mine`).expect(200)).body.lines).toEqual([
        { orderNumber: org.number, lineId: org.line.id, quantity: 4 },
      ]);
    });
  });

  // ---------------------------------------------------------------- claims

  describe('claims', () => {
    it('opens a claim on a shipped line for the price paid, with 24 h for the cooperative to answer, and tells its staff', async () => {
      const { buyer, order, line } = await shippedEggs(3);
      const { body: claim } = await openClaim(buyer.token, order.number, [{ lineId: line.id, quantity: 2 }]).expect(201);
      expect(claim).toMatchObject({
        status: 'OPEN',
        orderNumber: order.number,
        cooperative: { id: eggCoop.id, name: '纳雍县土鸡蛋养殖专业合作社' },
        organisationName: null,
        reason: 'DAMAGED',
        note: '到货时蛋壳破裂',
        photos: 0,
        askedFen: 2 * EGG_FEN,
        offeredFen: null,
        grantedFen: null,
        refund: null,
        closedAt: null,
        lines: [{ lineId: line.id, unitPriceFen: EGG_FEN, quantity: 3, askedQuantity: 2, offeredQuantity: null, grantedQuantity: null }],
      });
      expect(Date.parse(claim.answerDueAt) - Date.parse(claim.createdAt)).toBe(24 * HOUR);
      expect(Math.abs(Date.parse(claim.createdAt) - t.clock.now().getTime())).toBeLessThan(60_000);

      // The cooperative's staff hear of it, each once; the step is audited.
      const staff = (await t.sql(`SELECT id FROM account WHERE cooperative_id = $1 ORDER BY id`, [eggCoop.id])).map((row) => row.id);
      const opened = await t.sql(
        `SELECT account_id AS "accountId", (payload->>'amountFen')::int AS "amountFen" FROM notification_outbox
          WHERE topic = 'CLAIM_OPENED' AND payload->>'claimId' = $1 ORDER BY account_id`,
        [claim.id],
      );
      expect(opened).toEqual(staff.map((accountId) => ({ accountId, amountFen: 2 * EGG_FEN })));
      expect(await auditOf(claim.id)).toEqual(['claim.opened']);

      // Units an undecided claim holds cannot be asked for again; what is left can.
      const twice = await openClaim(buyer.token, order.number, [{ lineId: line.id, quantity: 2 }]).expect(422);
      expect(twice.body.code).toBe('CLAIM_QUANTITY_TOO_LARGE');
      const { body: rest } = await openClaim(buyer.token, order.number, [{ lineId: line.id, quantity: 1 }], 'SHORT').expect(201);
      expect(rest).toMatchObject({ status: 'OPEN', askedFen: EGG_FEN });
      expect((await openClaim(buyer.token, order.number, [{ lineId: line.id, quantity: 1 }]).expect(422)).body.code).toBe(
        'CLAIM_QUANTITY_TOO_LARGE',
      );

      // The buyer and the cooperative list it; another cooperative does not.
      const mine = (await as(buyer.token).get('/api/claims').expect(200)).body.items.map((c: { id: string }) => c.id);
      expect(mine).toEqual([rest.id, claim.id]);
      const coopList = (await as(eggCoop.staff).get('/api/coop/claims?status=OPEN&limit=100').expect(200)).body.items;
      expect(coopList.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining([claim.id, rest.id]));
      expect((await as(strangerCoop.staff).get('/api/coop/claims').expect(200)).body.items).toEqual([]);
    });

    it('refuses a claim on a parcel not shipped, beyond what was bought, on two parcels at once, or on somebody else’s order', async () => {
      const buyer = await newBuyer();
      const order = await bought(buyer, [
        [eggs, 2],
        [tea, 2],
      ]);
      const eggPart = partOf(order, eggCoop);
      const teaLine = partOf(order, teaCoop).lines[0];
      const eggLine = eggPart.lines[0];
      const before = (await t.sql(`SELECT count(*)::int AS n FROM claim`))[0].n;

      const unshipped = await openClaim(buyer.token, order.number, [{ lineId: eggLine.id, quantity: 1 }]).expect(409);
      expect(unshipped.body.code).toBe('FULFILLMENT_STATUS_CONFLICT');
      await ship(eggCoop, eggPart.id, [{ lineId: eggLine.id, lotId: stockLot.id, quantity: 2 }]).expect(200);
      expect((await openClaim(buyer.token, order.number, [{ lineId: teaLine.id, quantity: 1 }]).expect(409)).body.code).toBe(
        'FULFILLMENT_STATUS_CONFLICT',
      );
      await shipPart(t, teaCoop.staff, partOf(order, teaCoop).id);

      expect((await openClaim(buyer.token, order.number, [{ lineId: eggLine.id, quantity: 3 }]).expect(422)).body.code).toBe(
        'CLAIM_QUANTITY_TOO_LARGE',
      );
      expect((await openClaim(buyer.token, order.number, [{ lineId: eggLine.id, quantity: 0 }]).expect(422)).body.code).toBe(
        'NOTHING_CLAIMED',
      );
      const twoParcels = await openClaim(buyer.token, order.number, [
        { lineId: eggLine.id, quantity: 1 },
        { lineId: teaLine.id, quantity: 1 },
      ]).expect(400);
      expect(twoParcels.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'lines' }] });
      expect((await openClaim(stranger.token, order.number, [{ lineId: eggLine.id, quantity: 1 }]).expect(404)).body.code).toBe(
        'ORDER_NOT_FOUND',
      );
      expect((await openClaim(buyer.token, 'QH20000101-000001', [{ lineId: eggLine.id, quantity: 1 }]).expect(404)).body.code).toBe(
        'ORDER_NOT_FOUND',
      );
      expect((await openClaim(buyer.token, order.number, [{ lineId: eggLine.id, quantity: 1 }], 'UGLY').expect(400)).body.code).toBe(
        'VALIDATION_FAILED',
      );
      expect((await openClaim(eggCoop.staff, order.number, [{ lineId: eggLine.id, quantity: 1 }]).expect(403)).body.code).toBe('FORBIDDEN');
      expect((await t.sql(`SELECT count(*)::int AS n FROM claim`))[0].n).toBe(before);
    });

    it('closes the window 48 h after receipt for eggs and 168 h for tea', async () => {
      const { buyer, order } = await shippedEggs(3, { tea: 2 });
      const received = await as(buyer.token).post(`/api/orders/${order.number}/confirm-receipt`).expect(200);
      expect(received.body.status).toBe('COMPLETED');
      const eggLine = partOf(order, eggCoop).lines[0];
      const teaLine = partOf(order, teaCoop).lines[0];

      await t.sql(`UPDATE "order" SET completed_at = qh_now() - interval '49 hours' WHERE number = $1`, [order.number]);
      const late = await openClaim(buyer.token, order.number, [{ lineId: eggLine.id, quantity: 1 }], 'SPOILED').expect(422);
      expect(late.body).toMatchObject({ code: 'CLAIM_WINDOW_CLOSED', details: [{ field: `lines.${eggLine.id}` }] });
      const { body: teaClaim } = await openClaim(buyer.token, order.number, [{ lineId: teaLine.id, quantity: 1 }], 'QUALITY').expect(201);
      expect(teaClaim).toMatchObject({ status: 'OPEN', askedFen: TEA_FEN, cooperative: { id: teaCoop.id } });

      await t.sql(`UPDATE "order" SET completed_at = qh_now() - interval '47 hours' WHERE number = $1`, [order.number]);
      const { body: eggClaim } = await openClaim(buyer.token, order.number, [{ lineId: eggLine.id, quantity: 1 }], 'SPOILED').expect(201);
      expect(eggClaim).toMatchObject({ status: 'OPEN', askedFen: EGG_FEN });
      await t.sql(`UPDATE "order" SET completed_at = qh_now() - interval '169 hours' WHERE number = $1`, [order.number]);
      expect((await openClaim(buyer.token, order.number, [{ lineId: teaLine.id, quantity: 1 }]).expect(422)).body.code).toBe(
        'CLAIM_WINDOW_CLOSED',
      );
    });

    it('keeps up to five photos, shown only to the claim’s buyer, its cooperative and admins', async () => {
      const { buyer, order, line } = await shippedEggs(2);
      const { body: claim } = await openClaim(buyer.token, order.number, [{ lineId: line.id, quantity: 1 }]).expect(201);
      const add = (token: string, bytes: Buffer, name: string) => as(token).upload(`/api/claims/${claim.id}/photos`, bytes, name);

      expect((await add(buyer.token, PNG_1X1, 'egg.png').expect(200)).body.photos).toBe(1);
      const jpeg = jpegOfSize(2048);
      expect((await add(buyer.token, jpeg, 'egg.jpg').expect(200)).body.photos).toBe(2);
      expect((await add(buyer.token, WEBP_1X1, 'egg.webp').expect(200)).body.photos).toBe(3);
      const notAnImage = await add(buyer.token, Buffer.from('<svg onload="alert(1)"/>'), 'egg.png').expect(415);
      expect(notAnImage.body.code).toBe('UNSUPPORTED_IMAGE_TYPE');
      expect((await add(stranger.token, PNG_1X1, 'egg.png').expect(404)).body.code).toBe('CLAIM_NOT_FOUND');
      await add(buyer.token, PNG_1X1, 'egg.png').expect(200);
      expect((await add(buyer.token, PNG_1X1, 'egg.png').expect(200)).body.photos).toBe(5);
      expect((await add(buyer.token, PNG_1X1, 'egg.png').expect(422)).body.code).toBe('TOO_MANY_IMAGES');
      expect((await as(buyer.token).get(`/api/claims/${claim.id}`).expect(200)).body.photos).toBe(5);

      const photo = async (call: request.Test, bytes: Buffer, type: string) => {
        const served = await download(call).expect(200);
        expect(served.headers['content-type']).toMatch(new RegExp(`^${type}`));
        expect((served.body as Buffer).equals(bytes)).toBe(true);
      };
      await photo(as(buyer.token).get(`/api/claims/${claim.id}/photos/0`), PNG_1X1, 'image/png');
      await photo(as(eggCoop.staff).get(`/api/coop/claims/${claim.id}/photos/1`), jpeg, 'image/jpeg');
      await photo(as(admin).get(`/api/admin/claims/${claim.id}/photos/2`), WEBP_1X1, 'image/webp');
      expect((await as(buyer.token).get(`/api/claims/${claim.id}/photos/5`).expect(404)).body.code).toBe('CLAIM_PHOTO_NOT_FOUND');
      expect((await as(buyer.token).get(`/api/claims/${claim.id}/photos/x`).expect(404)).body.code).toBe('CLAIM_PHOTO_NOT_FOUND');

      // Nobody else reads the claim or its photos.
      expect((await as(stranger.token).get(`/api/claims/${claim.id}`).expect(404)).body.code).toBe('CLAIM_NOT_FOUND');
      expect((await as(stranger.token).get(`/api/claims/${claim.id}/photos/0`).expect(404)).body.code).toBe('CLAIM_NOT_FOUND');
      expect((await as(strangerCoop.staff).get(`/api/coop/claims/${claim.id}`).expect(404)).body.code).toBe('CLAIM_NOT_FOUND');
      expect((await as(strangerCoop.staff).get(`/api/coop/claims/${claim.id}/photos/0`).expect(404)).body.code).toBe('CLAIM_NOT_FOUND');
      expect((await request(t.url).get(`/api/claims/${claim.id}/photos/0`).expect(401)).body.code).toBe('UNAUTHORIZED');
      expect((await request(t.url).get(`/api/coop/claims/${claim.id}/photos/0`).expect(401)).body.code).toBe('UNAUTHORIZED');
      expect((await request(t.url).get(`/api/claims/${claim.id}`).expect(401)).body.code).toBe('UNAUTHORIZED');
      expect((await as(buyer.token).get('/api/claims/not-a-uuid').expect(404)).body.code).toBe('CLAIM_NOT_FOUND');
    });

    it('settles an accepted offer with a claim refund of the offered units alone, and the ledger gives back exactly their share', async () => {
      const { buyer, order, line } = await shippedEggs(2);
      const [sale] = await ledgerOfLine(line.id);
      expect(sale).toMatchObject({ kind: 'SALE', quantity: 2, linked: 2 * EGG_FEN });
      const figures = async () =>
        (await as(official).get(`/api/impact/summary?cooperativeId=${eggCoop.id}`).expect(200)).body as {
          gmvFen: number;
          linkedSalesFen: number;
          poolFen: number;
        };
      const stock = await stockOf(eggs.variantId);

      const { body: claim } = await openClaim(buyer.token, order.number, [{ lineId: line.id, quantity: 2 }]).expect(201);
      // Not the cooperative's to answer for another; more than asked cannot be offered.
      expect(
        (
          await as(strangerCoop.staff)
            .post(`/api/coop/claims/${claim.id}/answer`, { decision: 'OFFER', lines: [{ lineId: line.id, quantity: 1 }] })
            .expect(404)
        ).body.code,
      ).toBe('CLAIM_NOT_FOUND');
      expect(
        (
          await as(eggCoop.staff)
            .post(`/api/coop/claims/${claim.id}/answer`, { decision: 'OFFER', lines: [{ lineId: line.id, quantity: 3 }] })
            .expect(422)
        ).body.code,
      ).toBe('CLAIM_QUANTITY_TOO_LARGE');
      const { body: offered } = await as(eggCoop.staff)
        .post(`/api/coop/claims/${claim.id}/answer`, { decision: 'OFFER', lines: [{ lineId: line.id, quantity: 1 }], note: '只有一盒破损' })
        .expect(200);
      expect(offered).toMatchObject({
        status: 'OFFERED',
        offeredFen: EGG_FEN,
        answerNote: '只有一盒破损',
        answeredAt: expect.any(String),
        lines: [{ askedQuantity: 2, offeredQuantity: 1, grantedQuantity: null }],
        refund: null,
      });
      const before = await figures();

      // The provider is out of reach for a moment: the claim settles, its refund waits for it.
      const provider = t.app.get<PaymentProvider>(PAYMENT_PROVIDER);
      const refundSpy = jest.spyOn(provider, 'refund').mockRejectedValueOnce(new PaymentProviderUnavailable('test: provider unreachable'));
      let settled;
      try {
        settled = (await as(buyer.token).post(`/api/claims/${claim.id}/accept-offer`).expect(200)).body;
      } finally {
        refundSpy.mockRestore();
      }
      expect(settled).toMatchObject({
        status: 'SETTLED',
        grantedFen: EGG_FEN,
        closedAt: expect.any(String),
        lines: [{ askedQuantity: 2, offeredQuantity: 1, grantedQuantity: 1 }],
        refund: { status: 'PENDING', amountFen: EGG_FEN },
      });
      const pending = await orderOf(buyer, order.number);
      expect(pending.refundedFen).toBe(0);
      expect(await ledgerOfLine(line.id)).toHaveLength(1);
      expect(await figures()).toEqual(before);

      // The provider confirms: the order, the line, the ledger and the officials' figures move, by one box exactly.
      await t.app.get(RefundsService).submitPending();
      expect((await as(buyer.token).get(`/api/claims/${claim.id}`).expect(200)).body.refund).toMatchObject({
        status: 'SUCCEEDED',
        amountFen: EGG_FEN,
      });
      const after = await orderOf(buyer, order.number);
      expect(after.status).toBe('SHIPPED');
      expect(after.refundedFen).toBe(EGG_FEN);
      expect(after.refunds).toEqual([expect.objectContaining({ kind: 'CLAIM', status: 'SUCCEEDED', amountFen: EGG_FEN, shippingFen: 0 })]);
      expect(partOf(after, eggCoop).lines[0]).toMatchObject({ quantity: 2, refundedQuantity: 1 });
      const reversals = (await ledgerOfLine(line.id)).filter((entry) => entry.kind === 'REVERSAL');
      const poolBack = reversalShareFen(sale.pool, 2, 0, 1);
      expect(reversals).toEqual([{ kind: 'REVERSAL', refundId: settled.refund.id, quantity: -1, linked: -EGG_FEN, pool: -poolBack }]);
      expect(await figures()).toEqual({
        ...before,
        gmvFen: before.gmvFen - EGG_FEN,
        linkedSalesFen: before.linkedSalesFen - EGG_FEN,
        poolFen: before.poolFen - poolBack,
      });
      // Delivered goods do not go back on the shelf.
      expect(await stockOf(eggs.variantId)).toBe(stock);

      expect(await auditOf(claim.id)).toEqual(['claim.opened', 'claim.offered', 'claim.settled']);
      const updates = await t.sql(
        `SELECT account_id AS "accountId", payload->>'status' AS status, (payload->>'amountFen')::int AS "amountFen"
           FROM notification_outbox WHERE topic = 'CLAIM_UPDATED' AND payload->>'claimId' = $1 AND account_id = $2 ORDER BY id`,
        [claim.id, buyer.id],
      );
      expect(updates).toEqual([
        { accountId: buyer.id, status: 'OFFERED', amountFen: EGG_FEN },
        { accountId: buyer.id, status: 'SETTLED', amountFen: EGG_FEN },
      ]);
      // The buyer took the offer: the cooperative's staff hear that it settled.
      const staffTold = await t.sql(
        `SELECT count(*)::int AS n FROM notification_outbox n JOIN account a ON a.id = n.account_id
          WHERE n.topic = 'CLAIM_UPDATED' AND n.payload->>'claimId' = $1 AND a.cooperative_id = $2 AND n.payload->>'status' = 'SETTLED'`,
        [claim.id, eggCoop.id],
      );
      expect(staffTold[0].n).toBeGreaterThan(0);

      // Settled is the end of it.
      for (const step of ['accept-offer', 'escalate', 'withdraw']) {
        expect((await as(buyer.token).post(`/api/claims/${claim.id}/${step}`).expect(409)).body.code).toBe('CLAIM_STATUS_CONFLICT');
      }
      expect((await as(buyer.token).upload(`/api/claims/${claim.id}/photos`, PNG_1X1, 'egg.png').expect(409)).body.code).toBe(
        'CLAIM_STATUS_CONFLICT',
      );
      // The box not granted is free to claim again; the refunded one is not.
      expect((await openClaim(buyer.token, order.number, [{ lineId: line.id, quantity: 2 }]).expect(422)).body.code).toBe(
        'CLAIM_QUANTITY_TOO_LARGE',
      );
      await openClaim(buyer.token, order.number, [{ lineId: line.id, quantity: 1 }]).expect(201);
    });

    it('does not let units granted by a claim be claimed again while their refund waits for the provider', async () => {
      const { buyer, order, line } = await shippedEggs(2);
      const { body: claim } = await openClaim(buyer.token, order.number, [{ lineId: line.id, quantity: 2 }]).expect(201);
      const provider = t.app.get<PaymentProvider>(PAYMENT_PROVIDER);
      const refundSpy = jest.spyOn(provider, 'refund').mockRejectedValue(new PaymentProviderUnavailable('test: provider unreachable'));
      try {
        const { body: settled } = await as(eggCoop.staff).post(`/api/coop/claims/${claim.id}/answer`, { decision: 'ACCEPT' }).expect(200);
        expect(settled).toMatchObject({ status: 'SETTLED', refund: { status: 'PENDING', amountFen: 2 * EGG_FEN } });
        // Both boxes are on their way back: there is nothing left to claim on this line.
        const again = await openClaim(buyer.token, order.number, [{ lineId: line.id, quantity: 1 }]);
        expect({ status: again.status, code: again.body.code }).toEqual({ status: 422, code: 'CLAIM_QUANTITY_TOO_LARGE' });
      } finally {
        refundSpy.mockRestore();
        await t.app.get(RefundsService).submitPending();
      }
      expect((await orderOf(buyer, order.number)).refundedFen).toBe(2 * EGG_FEN);
    });

    it('accepts a claim in full: every unit asked is refunded, and a second answer is refused', async () => {
      const { buyer, order, line } = await shippedEggs(3);
      const { body: claim } = await openClaim(buyer.token, order.number, [{ lineId: line.id, quantity: 2 }]).expect(201);
      const { body: settled } = await as(eggCoop.staff).post(`/api/coop/claims/${claim.id}/answer`, { decision: 'ACCEPT' }).expect(200);
      expect(settled).toMatchObject({
        status: 'SETTLED',
        grantedFen: 2 * EGG_FEN,
        answeredAt: expect.any(String),
        lines: [{ askedQuantity: 2, grantedQuantity: 2 }],
        refund: { status: 'SUCCEEDED', amountFen: 2 * EGG_FEN },
      });
      for (const answer of [
        { decision: 'ACCEPT' },
        { decision: 'OFFER', lines: [{ lineId: line.id, quantity: 1 }] },
        { decision: 'DISPUTE', note: '不' },
      ]) {
        expect((await as(eggCoop.staff).post(`/api/coop/claims/${claim.id}/answer`, answer).expect(409)).body.code).toBe(
          'CLAIM_STATUS_CONFLICT',
        );
      }
      const after = await orderOf(buyer, order.number);
      expect(after.refundedFen).toBe(2 * EGG_FEN);
      expect(after.refunds).toEqual([expect.objectContaining({ kind: 'CLAIM', amountFen: 2 * EGG_FEN, shippingFen: 0 })]);
      expect(partOf(after, eggCoop).lines[0].refundedQuantity).toBe(2);
      expect(await auditOf(claim.id)).toEqual(['claim.opened', 'claim.settled']);
      const reversal = (await ledgerOfLine(line.id)).filter((entry) => entry.kind === 'REVERSAL');
      expect(reversal).toMatchObject([{ quantity: -2, linked: -2 * EGG_FEN }]);
    });

    it('goes from a dispute to the buyer’s escalation to an admin’s decision; an admin decides an unanswered claim only after 24 h', async () => {
      const { buyer, order, line } = await shippedEggs(4);
      const { body: claim } = await openClaim(buyer.token, order.number, [{ lineId: line.id, quantity: 2 }]).expect(201);
      const noNote = await as(eggCoop.staff).post(`/api/coop/claims/${claim.id}/answer`, { decision: 'DISPUTE' }).expect(400);
      expect(noNote.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'note' }] });
      const { body: disputed } = await as(eggCoop.staff)
        .post(`/api/coop/claims/${claim.id}/answer`, { decision: 'DISPUTE', note: '出库时拍照完好，运输签收无异常' })
        .expect(200);
      expect(disputed).toMatchObject({ status: 'DISPUTED', answerNote: '出库时拍照完好，运输签收无异常', closedAt: null });
      expect((await as(eggCoop.staff).post(`/api/coop/claims/${claim.id}/answer`, { decision: 'ACCEPT' }).expect(409)).body.code).toBe(
        'CLAIM_STATUS_CONFLICT',
      );
      expect((await as(buyer.token).post(`/api/claims/${claim.id}/accept-offer`).expect(409)).body.code).toBe('CLAIM_STATUS_CONFLICT');
      const { body: escalated } = await as(buyer.token).post(`/api/claims/${claim.id}/escalate`).expect(200);
      expect(escalated.status).toBe('ESCALATED');
      expect(
        (
          await as(admin)
            .post(`/api/admin/claims/${claim.id}/decide`, { lines: [{ lineId: line.id, quantity: 0 }] })
            .expect(400)
        ).body.code,
      ).toBe('VALIDATION_FAILED');
      const { body: rejected } = await as(admin)
        .post(`/api/admin/claims/${claim.id}/decide`, { lines: [{ lineId: line.id, quantity: 0 }], note: '证据不足' })
        .expect(200);
      expect(rejected).toMatchObject({
        status: 'REJECTED',
        grantedFen: 0,
        decisionNote: '证据不足',
        refund: null,
        closedAt: expect.any(String),
      });
      expect((await orderOf(buyer, order.number)).refunds).toEqual([]);
      expect(await auditOf(claim.id)).toEqual(['claim.opened', 'claim.disputed', 'claim.escalated', 'claim.rejected']);
      const buyerTold = await t.sql(
        `SELECT payload->>'status' AS status FROM notification_outbox
          WHERE topic = 'CLAIM_UPDATED' AND payload->>'claimId' = $1 AND account_id = $2 ORDER BY id`,
        [claim.id, buyer.id],
      );
      expect(buyerTold.map((row) => row.status)).toEqual(['DISPUTED', 'REJECTED']);

      // Unanswered: the admin waits for the cooperative's 24 h.
      const { body: open } = await openClaim(buyer.token, order.number, [{ lineId: line.id, quantity: 1 }]).expect(201);
      const decide = () =>
        as(admin).post(`/api/admin/claims/${open.id}/decide`, { lines: [{ lineId: line.id, quantity: 1 }], note: '合作社未答复' });
      expect((await decide().expect(409)).body.code).toBe('CLAIM_STATUS_CONFLICT');
      await t.sql(`UPDATE claim SET answer_due_at = qh_now() - interval '1 minute' WHERE id = $1`, [open.id]);
      // The job tells the admins (and the late cooperative) once.
      const claims = t.app.get(ClaimsService);
      expect(await claims.tellOverdue()).toBe(1);
      expect(await claims.tellOverdue()).toBe(0);
      const told = await t.sql(
        `SELECT DISTINCT a.role FROM notification_outbox n JOIN account a ON a.id = n.account_id
          WHERE n.topic = 'CLAIM_UPDATED' AND n.payload->>'claimId' = $1 AND n.payload->>'status' = 'OVERDUE' ORDER BY a.role`,
        [open.id],
      );
      expect(told.map((row) => row.role)).toEqual(['admin', 'cooperative']);
      const { body: granted } = await decide().expect(200);
      expect(granted).toMatchObject({
        status: 'SETTLED',
        grantedFen: EGG_FEN,
        answeredAt: null,
        refund: { status: 'SUCCEEDED', amountFen: EGG_FEN },
      });
      expect((await decide().expect(409)).body.code).toBe('CLAIM_STATUS_CONFLICT');
      expect((await orderOf(buyer, order.number)).refundedFen).toBe(EGG_FEN);
      expect(await auditOf(open.id)).toEqual(['claim.opened', 'claim.settled']);
    });

    it('lets the buyer withdraw while nothing is decided, and then nobody can act on it', async () => {
      const { buyer, order, line } = await shippedEggs(2);
      const { body: claim } = await openClaim(buyer.token, order.number, [{ lineId: line.id, quantity: 2 }]).expect(201);
      const { body: offered } = await as(eggCoop.staff)
        .post(`/api/coop/claims/${claim.id}/answer`, { decision: 'OFFER', lines: [{ lineId: line.id, quantity: 1 }] })
        .expect(200);
      expect(offered.status).toBe('OFFERED');
      expect((await as(stranger.token).post(`/api/claims/${claim.id}/withdraw`).expect(404)).body.code).toBe('CLAIM_NOT_FOUND');
      const { body: withdrawn } = await as(buyer.token).post(`/api/claims/${claim.id}/withdraw`).expect(200);
      expect(withdrawn).toMatchObject({ status: 'WITHDRAWN', closedAt: expect.any(String), refund: null });

      for (const step of ['withdraw', 'escalate', 'accept-offer']) {
        expect((await as(buyer.token).post(`/api/claims/${claim.id}/${step}`).expect(409)).body.code).toBe('CLAIM_STATUS_CONFLICT');
      }
      expect((await as(eggCoop.staff).post(`/api/coop/claims/${claim.id}/answer`, { decision: 'ACCEPT' }).expect(409)).body.code).toBe(
        'CLAIM_STATUS_CONFLICT',
      );
      expect(
        (
          await as(admin)
            .post(`/api/admin/claims/${claim.id}/decide`, { lines: [{ lineId: line.id, quantity: 1 }], note: '已撤回' })
            .expect(409)
        ).body.code,
      ).toBe('CLAIM_STATUS_CONFLICT');
      expect((await as(buyer.token).upload(`/api/claims/${claim.id}/photos`, PNG_1X1, 'egg.png').expect(409)).body.code).toBe(
        'CLAIM_STATUS_CONFLICT',
      );
      expect((await orderOf(buyer, order.number)).refundedFen).toBe(0);
      expect(await auditOf(claim.id)).toEqual(['claim.opened', 'claim.offered', 'claim.withdrawn']);
      // Its units are free again.
      await openClaim(buyer.token, order.number, [{ lineId: line.id, quantity: 2 }]).expect(201);
    });

    it('lets an organisation’s receiver claim on its delivered order and its other receivers follow it; a plain member cannot', async () => {
      const org = await canteenEggOrder(6);
      await ship(eggCoop, org.part.id, [{ lineId: org.line.id, lotId: stockLot.id, quantity: 6 }]).expect(200);
      const receiver = await joinedMember(t, canteen.manager.token, ['RECEIVER']);
      const purchaser = await joinedMember(t, canteen.manager.token, ['PURCHASER']);

      const { body: claim } = await openClaim(receiver.token, org.number, [{ lineId: org.line.id, quantity: 2 }], 'SPOILED').expect(201);
      expect(claim).toMatchObject({ status: 'OPEN', organisationName: canteen.name, askedFen: 2 * org.line.unitPriceFen });
      // Another receiver of the organisation (here its manager) reads it, lists it and acts on it.
      expect((await as(canteen.manager.token).get(`/api/claims/${claim.id}`).expect(200)).body.id).toBe(claim.id);
      expect((await as(canteen.manager.token).get('/api/claims').expect(200)).body.items.map((c: { id: string }) => c.id)).toContain(
        claim.id,
      );
      await as(canteen.manager.token).upload(`/api/claims/${claim.id}/photos`, PNG_1X1, 'case.png').expect(200);
      await download(as(receiver.token).get(`/api/claims/${claim.id}/photos/0`)).expect(200);

      // A member without the receiver's role is nobody to it.
      expect((await as(purchaser.token).get(`/api/claims/${claim.id}`).expect(404)).body.code).toBe('CLAIM_NOT_FOUND');
      expect((await as(purchaser.token).get(`/api/claims/${claim.id}/photos/0`).expect(404)).body.code).toBe('CLAIM_NOT_FOUND');
      expect((await as(purchaser.token).get('/api/claims').expect(200)).body.items).toEqual([]);
      expect((await openClaim(purchaser.token, org.number, [{ lineId: org.line.id, quantity: 1 }]).expect(404)).body.code).toBe(
        'ORDER_NOT_FOUND',
      );
      expect((await as(purchaser.token).post(`/api/claims/${claim.id}/withdraw`).expect(404)).body.code).toBe('CLAIM_NOT_FOUND');

      const { body: settled } = await as(eggCoop.staff).post(`/api/coop/claims/${claim.id}/answer`, { decision: 'ACCEPT' }).expect(200);
      expect(settled).toMatchObject({ status: 'SETTLED', refund: { status: 'SUCCEEDED', amountFen: 2 * org.line.unitPriceFen } });
      const seen = (await as(canteen.manager.token).get(`/api/org/orders/${org.number}`).expect(200)).body;
      expect(seen.refundedFen).toBe(2 * org.line.unitPriceFen);
      expect(seen.refunds).toEqual([expect.objectContaining({ kind: 'CLAIM', amountFen: 2 * org.line.unitPriceFen, shippingFen: 0 })]);
    });

    it('shows the cooperative’s quality: shipments, claims, claim rate and what claims refunded; the public page only from 20 shipments', async () => {
      const goods = qualityGoods;
      const [buyer, otherBuyer] = await Promise.all([newBuyer(), newBuyer()]);
      const orders = await Promise.all([bought(buyer, [[goods, 2]]), bought(otherBuyer, [[goods, 3]])]);
      for (const order of orders) await shipPart(t, qualityCoop.staff, order.fulfillments[0].id);
      const line = orders[0].fulfillments[0].lines[0];
      const { body: claim } = await openClaim(buyer.token, orders[0].number, [{ lineId: line.id, quantity: 1 }]).expect(201);
      await as(qualityCoop.staff).post(`/api/coop/claims/${claim.id}/answer`, { decision: 'ACCEPT' }).expect(200);

      const expected = {
        cooperativeId: qualityCoop.id,
        cooperativeName: '纳雍县质量测试专业合作社',
        shipments: 2,
        onTimeShipments: 2,
        claims: 1,
        claimRateBp: 5000,
        shippedFen: 5 * 2500,
        refundedByClaimsFen: 2500,
        refundedShareBp: 2000,
      };
      const { body: own } = await as(qualityCoop.staff).get('/api/coop/quality').expect(200);
      expect(own.byCooperative).toEqual([{ ...expected, productId: null, productTitle: null }]);
      expect(own.byProduct).toEqual([{ ...expected, productId: goods.id, productTitle: '质量测试挂面' }]);
      const { body: chosen } = await as(admin).get(`/api/admin/quality?cooperativeId=${qualityCoop.id}`).expect(200);
      expect(chosen).toEqual(own);
      const { body: all } = await as(admin).get('/api/admin/quality').expect(200);
      expect(all.byCooperative).toContainEqual({ ...expected, productId: null, productTitle: null });
      expect(all.byCooperative.map((row: { cooperativeId: string }) => row.cooperativeId)).toContain(eggCoop.id);
      expect((await as(qualityCoop.staff).get('/api/admin/quality').expect(403)).body.code).toBe('FORBIDDEN');

      expect((await request(t.url).get(`/api/cooperatives/${qualityCoop.id}`).expect(200)).body.quality).toBeNull();
    });

    it('reverses exactly the granted units’ share of the ledger, for any quantities, prices and grants', async () => {
      const [claimed, kept] = [propClaimed, propKept];
      const buyer = await newBuyer();
      const sums = async (lineId: string) => {
        const entries = await ledgerOfLine(lineId);
        return {
          linked: entries.reduce((sum, entry) => sum + entry.linked, 0),
          pool: entries.reduce((sum, entry) => sum + entry.pool, 0),
          sale: entries.find((entry) => entry.kind === 'SALE')!,
        };
      };

      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 1, max: 9 }),
          fc.integer({ min: 1, max: 99_999 }),
          fc.nat(),
          fc.nat(),
          async (quantity, priceFen, askSeed, grantSeed) => {
            const asked = 1 + (askSeed % quantity);
            const granted = 1 + (grantSeed % asked);
            await t.sql(`UPDATE product_variant SET price_fen = $2 WHERE id = $1`, [claimed.variantId, priceFen]);
            const order = await bought(buyer, [
              [claimed, quantity],
              [kept, 2],
            ]);
            const part = order.fulfillments[0];
            await shipPart(t, propCoop.staff, part.id);
            const line = part.lines.find((l) => l.variantId === claimed.variantId)!;
            const other = part.lines.find((l) => l.variantId === kept.variantId)!;
            expect(line.unitPriceFen).toBe(priceFen);
            const saleOfLine = (await sums(line.id)).sale;
            const before = await sums(other.id);

            const { body: claim } = await openClaim(buyer.token, order.number, [{ lineId: line.id, quantity: asked }]).expect(201);
            if (granted === asked) {
              await as(propCoop.staff).post(`/api/coop/claims/${claim.id}/answer`, { decision: 'ACCEPT' }).expect(200);
            } else {
              await as(propCoop.staff)
                .post(`/api/coop/claims/${claim.id}/answer`, { decision: 'OFFER', lines: [{ lineId: line.id, quantity: granted }] })
                .expect(200);
              await as(buyer.token).post(`/api/claims/${claim.id}/accept-offer`).expect(200);
            }
            const after = await orderOf(buyer, order.number);
            expect(after.refundedFen).toBe(granted * priceFen);
            const now = await sums(line.id);
            expect(now.linked).toBe(priceFen * (quantity - granted));
            expect(now.pool).toBe(saleOfLine.pool - reversalShareFen(saleOfLine.pool, quantity, 0, granted));
            // The other line of the parcel keeps all it had.
            expect(await sums(other.id)).toEqual(before);
          },
        ),
        { numRuns: 8 },
      );
    });
  });
});
