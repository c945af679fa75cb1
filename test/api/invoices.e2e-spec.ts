import { addDays } from '@qh/domain';
import request from 'supertest';
import { tokenFor } from '../support/accounts';
import { GUANGZHOU_ADDRESS, newCooperative, newProduct, shipPart, type Cooperative, type Product } from '../support/builders';
import { PNG_1X1 } from '../support/images';
import { joinedMember, organisationCreditCode, signedInBuyer, verifiedCanteen } from '../support/organisations';
import { startTestApp, type TestApp } from '../support/test-app';

/** A small PDF, as a tax platform hands them out (only its content says what it is). */
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n', 'latin1');
/** The start of an OFD package: a ZIP whose first entry is OFD.xml. */
const OFD = Buffer.concat([Buffer.from('PK\u0003\u0004', 'latin1'), Buffer.alloc(26), Buffer.from('OFD.xml<ofd:OFD/>', 'latin1')]);

interface Order {
  number: string;
  fulfillments: { id: string; itemsFen: number; feeFen: number; lines: { id: string; unitPriceFen: number }[] }[];
}

/**
 * Invoices from the cooperatives: each shipped part of an order that asked for an invoice is a
 * request in its cooperative's portal, closed by an e-invoice for exactly what is due; a refund after
 * invoicing opens a red-letter request; the files reach the buyer and finance, and nobody else.
 */
describe('invoices from the cooperatives', () => {
  let t: TestApp;
  let admin: string;
  let coop: Cooperative;
  let otherCoop: Cooperative;
  let product: Product;
  let serial = 0;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await tokenFor(t, 'admin');
    coop = await newCooperative(t);
    otherCoop = await newCooperative(t);
    product = await newProduct(t, coop, { priceFen: 12_800, stock: 5_000 });
  });
  afterAll(() => t.close());

  const as = (token: string) => ({
    get: (path: string) => request(t.url).get(path).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: object = {}, key?: string) => {
      const call = request(t.url).post(path).set('Authorization', `Bearer ${token}`);
      return (key ? call.set('Idempotency-Key', key) : call).send(body);
    },
  });

  const upload = (token: string, requestId: string, file: Buffer, fields: Record<string, string | number>, name = 'invoice.pdf') => {
    let call = request(t.url).post(`/api/coop/invoice-requests/${requestId}/invoice`).set('Authorization', `Bearer ${token}`);
    for (const [key, value] of Object.entries(fields)) call = call.field(key, String(value));
    return call.attach('file', file, { filename: name });
  };

  const ship = (part: { id: string }) => shipPart(t, coop.staff, part.id);

  interface Requested {
    id: string;
    orderNumber: string;
    kind: string;
    status: string;
    amountFen: number;
    invoice: { title: string };
    overdue: boolean;
  }
  const requestsOf = async (token: string, orderNumber: string) =>
    ((await as(token).get('/api/coop/invoice-requests').expect(200)).body.items as Requested[]).filter(
      (item) => item.orderNumber === orderNumber,
    );

  async function invoicedOrder(quantity: number) {
    const buyer = await signedInBuyer(t);
    const { body: profile } = await as(buyer.token)
      .post('/api/invoice-profiles', { kind: 'ORDINARY', title: '广州某某科技有限公司', taxNumber: organisationCreditCode('12') })
      .expect(201);
    await as(buyer.token).post('/api/cart/lines', { variantId: product.variantId, quantity }).expect(200);
    serial += 1;
    const { body: placed } = await as(buyer.token)
      .post('/api/checkout', { address: GUANGZHOU_ADDRESS, invoiceProfileId: profile.id }, `invoices-${serial}`)
      .expect(201);
    const { body: order } = await as(buyer.token).post(`/api/payments/demo/${placed.number}/pay`).expect(200);
    return { buyer, profile, order: order as Order };
  }

  it('asks the cooperative for an invoice once the part ships, takes only the amount due in a PDF or OFD, and serves it to the buyer only', async () => {
    const { buyer, order } = await invoicedOrder(3);
    const part = order.fulfillments[0];
    // Not shipped: nothing to invoice yet.
    expect(await requestsOf(coop.staff, order.number)).toEqual([]);
    await ship(part);
    const [open] = await requestsOf(coop.staff, order.number);
    const dueFen = part.itemsFen + part.feeFen;
    expect(open).toMatchObject({
      kind: 'INVOICE',
      status: 'OPEN',
      amountFen: dueFen,
      invoice: { title: '广州某某科技有限公司' },
      overdue: false,
    });

    const fields = { invoiceNumber: `2644200000${String(Date.now()).slice(-10)}`, issuedOn: t.clock.today(), amountFen: dueFen };
    const wrongAmount = await upload(coop.staff, open.id, PDF, { ...fields, amountFen: dueFen - 1 });
    expect([wrongAmount.status, wrongAmount.body.code]).toEqual([422, 'INVOICE_AMOUNT_MISMATCH']);
    const image = await upload(coop.staff, open.id, PNG_1X1, fields, 'invoice.pdf');
    expect([image.status, image.body.code]).toEqual([415, 'UNSUPPORTED_INVOICE_FILE']);
    const huge = await upload(coop.staff, open.id, Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]), fields);
    expect([huge.status, huge.body.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    const noDate = await upload(coop.staff, open.id, PDF, { invoiceNumber: fields.invoiceNumber, amountFen: dueFen });
    expect([noDate.status, noDate.body.code, noDate.body.details[0].field]).toEqual([400, 'VALIDATION_FAILED', 'issuedOn']);
    const tomorrow = await upload(coop.staff, open.id, PDF, { ...fields, issuedOn: addDays(t.clock.today(), 1) });
    expect([tomorrow.status, tomorrow.body.code, tomorrow.body.details[0].field]).toEqual([400, 'VALIDATION_FAILED', 'issuedOn']);
    const foreign = await upload(otherCoop.staff, open.id, PDF, fields);
    expect([foreign.status, foreign.body.code]).toEqual([404, 'INVOICE_REQUEST_NOT_FOUND']);
    expect((await requestsOf(coop.staff, order.number))[0].status).toBe('OPEN');

    const issued = await upload(coop.staff, open.id, PDF, fields).expect(200);
    expect(issued.body).toMatchObject({
      status: 'ISSUED',
      invoiceNumber: fields.invoiceNumber,
      issuedOn: fields.issuedOn,
      fileType: 'PDF',
    });
    const again = await upload(coop.staff, open.id, PDF, fields);
    expect([again.status, again.body.code]).toEqual([409, 'INVOICE_REQUEST_STATUS_CONFLICT']);

    const { body: mine } = await as(buyer.token).get(`/api/orders/${order.number}/invoices`).expect(200);
    expect(mine.items).toEqual([expect.objectContaining({ id: open.id, status: 'ISSUED', amountFen: dueFen })]);
    const file = await as(buyer.token).get(`/api/orders/${order.number}/invoices/${open.id}/file`).buffer(true).expect(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toMatch(/^attachment/);
    expect(Buffer.compare(file.body as Buffer, PDF)).toBe(0);

    // Nobody else: another buyer, another cooperative; the admin may.
    const stranger = await signedInBuyer(t);
    expect((await as(stranger.token).get(`/api/orders/${order.number}/invoices`).expect(404)).body.code).toBe('ORDER_NOT_FOUND');
    expect((await as(stranger.token).get(`/api/orders/${order.number}/invoices/${open.id}/file`).expect(404)).body.code).toBe(
      'INVOICE_NOT_FOUND',
    );
    expect((await as(otherCoop.staff).get(`/api/coop/invoice-requests/${open.id}/file`).expect(404)).body.code).toBe('INVOICE_NOT_FOUND');
    await as(admin).get(`/api/admin/invoice-requests/${open.id}/file`).expect(200);
  });

  it('opens a red-letter request for a refund after invoicing, closed by the credit invoice; a refund before invoicing lowers the invoice', async () => {
    const { buyer, order } = await invoicedOrder(5);
    const part = order.fulfillments[0];
    await ship(part);
    const lineId = part.lines[0].id;
    // One unit back before the invoice: the invoice is for what is left.
    await as(admin)
      .post('/api/admin/refunds', { orderNumber: order.number, lines: [{ lineId, quantity: 1 }], reason: '破损' })
      .expect(201);
    const [open] = await requestsOf(coop.staff, order.number);
    const dueFen = part.itemsFen + part.feeFen - 12_800;
    expect(open.amountFen).toBe(dueFen);
    await upload(
      coop.staff,
      open.id,
      OFD,
      { invoiceNumber: `INV${Date.now()}`, issuedOn: t.clock.today(), amountFen: dueFen },
      'invoice.ofd',
    )
      .expect(200)
      .expect((response) => expect(response.body.fileType).toBe('OFD'));

    // Two units back after it: a red-letter request for exactly those.
    await as(admin)
      .post('/api/admin/refunds', { orderNumber: order.number, lines: [{ lineId, quantity: 2 }], reason: '少发' })
      .expect(201);
    const requests = await requestsOf(coop.staff, order.number);
    const red = requests.find((item) => item.kind === 'RED_LETTER')!;
    expect(red).toMatchObject({ status: 'OPEN', amountFen: 2 * 12_800 });
    expect(requests.find((item) => item.kind === 'INVOICE')).toMatchObject({ status: 'ISSUED', amountFen: dueFen });
    const wrong = await upload(coop.staff, red.id, PDF, {
      invoiceNumber: `RED${Date.now()}`,
      issuedOn: t.clock.today(),
      amountFen: 12_800,
    });
    expect([wrong.status, wrong.body.code]).toEqual([422, 'INVOICE_AMOUNT_MISMATCH']);
    await upload(coop.staff, red.id, PDF, { invoiceNumber: `RED${Date.now()}`, issuedOn: t.clock.today(), amountFen: 2 * 12_800 }).expect(
      200,
    );
    const { body: mine } = await as(buyer.token).get(`/api/orders/${order.number}/invoices`).expect(200);
    expect(mine.items.map((item: { kind: string; status: string }) => [item.kind, item.status])).toEqual([
      ['INVOICE', 'ISSUED'],
      ['RED_LETTER', 'ISSUED'],
    ]);

    // Everything else back: the red-letter request is for what the invoice still stood for.
    await as(admin).post('/api/admin/refunds', { orderNumber: order.number, reason: '整单' }).expect(201);
    const last = (await requestsOf(coop.staff, order.number)).filter((item) => item.kind === 'RED_LETTER' && item.status === 'OPEN');
    expect(last).toEqual([expect.objectContaining({ amountFen: dueFen - 2 * 12_800 })]);
  });

  it('lets the organisation’s finance members, and only them, download the invoices of its orders; flags requests open over 7 days', async () => {
    const org = await verifiedCanteen(t, admin, { terms: { paymentDays: 30, creditLimitFen: 100_000_000 } });
    const finance = await joinedMember(t, org.manager.token, ['FINANCE']);
    const purchaser = await joinedMember(t, org.manager.token, ['PURCHASER']);
    const { body: profile } = await as(finance.token)
      .post('/api/org/invoice-profiles', {
        kind: 'SPECIAL',
        title: '广州市天河区某机关',
        taxNumber: organisationCreditCode('11'),
        address: '广州市天河区天府路 1 号',
        phone: '020-38880000',
        bankName: '中国工商银行广州天河支行',
        bankAccount: '3602000009200123456',
      })
      .expect(201);
    serial += 1;
    const { body: order } = await as(org.manager.token)
      .post(
        '/api/org/orders',
        {
          siteId: org.siteId,
          deliveryOn: addDays(t.clock.today(), 4),
          lines: [{ variantId: product.variantId, quantity: 20 }],
          invoiceProfileId: profile.id,
        },
        `org-invoices-${serial}`,
      )
      .expect(201);
    await ship(order.fulfillments[0]);
    const [open] = await requestsOf(coop.staff, order.number);
    expect(open.invoice).toMatchObject({ title: '广州市天河区某机关' });

    // Left open past 7 days, it is flagged to admins.
    await t.sql(`UPDATE invoice_request SET created_at = created_at - interval '8 days' WHERE id = $1`, [open.id]);
    const { body: overdue } = await as(admin).get('/api/admin/invoice-requests/overdue').expect(200);
    expect(overdue.items).toEqual(expect.arrayContaining([expect.objectContaining({ id: open.id, overdue: true, openDays: 8 })]));

    await upload(coop.staff, open.id, PDF, {
      invoiceNumber: `ORG${Date.now()}`,
      issuedOn: t.clock.today(),
      amountFen: open.amountFen,
    }).expect(200);
    expect(
      (await as(admin).get('/api/admin/invoice-requests/overdue').expect(200)).body.items.map((item: { id: string }) => item.id),
    ).not.toContain(open.id);
    const { body: seen } = await as(finance.token).get(`/api/org/orders/${order.number}/invoices`).expect(200);
    expect(seen.items).toEqual([expect.objectContaining({ id: open.id, status: 'ISSUED' })]);
    await as(finance.token).get(`/api/org/orders/${order.number}/invoices/${open.id}/file`).expect(200);
    // The statement shows the delivery's invoice and its state.
    const { body: statement } = await as(finance.token).post('/api/org/statements').expect(201);
    expect(statement.items).toEqual([
      expect.objectContaining({
        kind: 'CHARGE',
        orderNumber: order.number,
        invoiceId: open.id,
        invoiceStatus: 'ISSUED',
        invoiceNumber: expect.any(String),
      }),
    ]);
    const notFinance = await as(purchaser.token).get(`/api/org/orders/${order.number}/invoices`);
    expect([notFinance.status, notFinance.body.code]).toEqual([403, 'ORGANISATION_ROLE_REQUIRED']);
    const other = await verifiedCanteen(t, admin);
    expect((await as(other.manager.token).get(`/api/org/orders/${order.number}/invoices`).expect(404)).body.code).toBe('ORDER_NOT_FOUND');
    expect((await as(other.manager.token).get(`/api/org/orders/${order.number}/invoices/${open.id}/file`).expect(404)).body.code).toBe(
      'INVOICE_NOT_FOUND',
    );
  });
});
