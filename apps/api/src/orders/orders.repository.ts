import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OrderStatus, OrderTab, ShippingClass, ShippingRate } from '@qh/domain';
import { DataSource, EntityManager } from 'typeorm';
import { uniqueViolated } from '../common/unique-conflicts';
import { timestampKey } from '../common/keyset-cursor';
import { together } from '../database/unit-of-work';
import { matchingIds, preparedRow, preparedRowsForIds, preparedRowsIn, recordSet, row, rows, type IdsParameter } from '../database/sql';
import type { PricedLine } from './cart.repository';
import { FULFILLMENT_COLUMNS, type DeliveryAddress, type FulfillmentRow } from './fulfillments.repository';
import type { StoredInvoice } from '../invoices/dto/invoice-profile.dto';

export type { FulfillmentRow };

export interface OrderRow {
  id: string;
  number: string;
  buyerId: string;
  status: OrderStatus;
  address: DeliveryAddress;
  note: string | null;
  invoice: StoredInvoice | null;
  itemsFen: number;
  shippingFen: number;
  totalFen: number;
  linkedSalesFen: number;
  householdPoolFen: number;
  requestHash: string;
  refundedFen: number;
  cancelReason: string | null;
  expiresAt: Date;
  paidAt: Date | null;
  createdAt: Date;
  sortKey: string;
  /** Set for an organisation's order, with where and when it is delivered and who decided on it. */
  organisationId: string | null;
  deliverySiteId: string | null;
  deliveryOn: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  rejectionReason: string | null;
  /** Paid on account (the organisation's credit terms): confirmed without a payment, settled by bank transfer. */
  onAccount: boolean;
}

/**
 * For each of the orders `$1`: what its refunds took back from the ledger, the cooperatives behind its
 * certified lines not refunded in full, each with the households linked to it today, and how many
 * distinct households that reaches in all: the buyer's impact receipt.
 */
const impactOfOrders = (orders: IdsParameter) => `WITH coops AS (
         SELECT DISTINCT l.order_id, l.cooperative_id FROM order_line l
          WHERE l.order_id ${matchingIds(orders)} AND l.certified AND l.refunded_quantity < l.quantity),
       linked AS (
         SELECT c.order_id, c.cooperative_id, hl.household_id FROM coops c
           JOIN household_link hl ON hl.cooperative_id = c.cooperative_id
          WHERE hl.valid_from <= qh_today() AND (hl.valid_to IS NULL OR hl.valid_to >= qh_today())),
       reversed AS (
         SELECT e.order_id, sum(e.linked_sales_fen) AS linked, sum(e.pool_fen) AS pool FROM attribution_entry e
          WHERE e.order_id ${matchingIds(orders)} AND e.kind = 'REVERSAL' GROUP BY e.order_id)
       SELECT o.id AS "orderId", coalesce(r.linked, 0) AS "reversedLinkedSalesFen", coalesce(r.pool, 0) AS "reversedPoolFen",
              coalesce((SELECT json_agg(json_build_object('id', co.id, 'name', co.name_zh, 'nameEn', co.name_en, 'township', t.name,
                                 'townshipEn', t.name_en,
                                 'households', (SELECT count(DISTINCT household_id) FROM linked k WHERE k.order_id = c.order_id AND k.cooperative_id = c.cooperative_id))
                                 ORDER BY co.name_zh)
                          FROM coops c JOIN cooperative co ON co.id = c.cooperative_id JOIN township t ON t.code = co.township_code
                         WHERE c.order_id = o.id), '[]') AS cooperatives,
              (SELECT count(DISTINCT household_id) FROM linked k WHERE k.order_id = o.id)::int AS households
         FROM unnest(${orders === 'one' ? 'ARRAY[$1::uuid]' : '$1::uuid[]'}) AS o(id) LEFT JOIN reversed r ON r.order_id = o.id`;

export interface OrderImpactRow {
  orderId: string;
  /** What refunds reversed in the ledger (zero or less). */
  reversedLinkedSalesFen: number;
  reversedPoolFen: number;
  cooperatives: { id: string; name: string; nameEn: string; township: string; townshipEn: string; households: number }[];
  households: number;
}

/** What an order page shows beside the order's row: its parts, lines and impact. */
export interface OrderDetails {
  fulfillments: FulfillmentRow[];
  lines: OrderLineRow[];
  impacts: OrderImpactRow[];
}

export interface AdminOrderRow {
  id: string;
  number: string;
  status: OrderStatus;
  createdAt: Date;
  totalFen: number;
  refundedFen: number;
  buyerEmail: string;
  recipient: string;
  mobile: string;
  cooperatives: string[];
  sortKey: string;
}

export interface OrderLineRow {
  id: string;
  orderId: string;
  fulfillmentId: string;
  variantId: string;
  productSlug: string;
  titleZh: string;
  titleEn: string;
  labelZh: string;
  labelEn: string;
  unitPriceFen: number;
  quantity: number;
  refundedQuantity: number;
  lineTotalFen: number;
  certified: boolean;
  shipsFrom: string | null;
  imageUrl: string | null;
  lots: { code: string; quantity: number }[];
}

const ORDER_COLUMNS = `o.id, o.number, o.buyer_id AS "buyerId", o.status, o.address, o.note, o.invoice, o.items_fen AS "itemsFen",
  o.shipping_fen AS "shippingFen", o.total_fen AS "totalFen", o.linked_sales_fen AS "linkedSalesFen",
  o.household_pool_fen AS "householdPoolFen", o.refunded_fen AS "refundedFen", o.cancel_reason AS "cancelReason",
  o.request_hash AS "requestHash", o.expires_at AS "expiresAt", o.paid_at AS "paidAt", o.created_at AS "createdAt",
  ${timestampKey('o.created_at')} AS "sortKey", o.organisation_id AS "organisationId", o.delivery_site_id AS "deliverySiteId",
  to_char(o.delivery_on, 'YYYY-MM-DD') AS "deliveryOn", o.decided_by AS "decidedBy", o.decided_at AS "decidedAt",
  o.rejection_reason AS "rejectionReason", o.on_account AS "onAccount"`;

const LINE_COLUMNS = `id, order_id AS "orderId", fulfillment_id AS "fulfillmentId", variant_id AS "variantId", product_slug AS "productSlug",
  title_zh AS "titleZh", title_en AS "titleEn", label_zh AS "labelZh", label_en AS "labelEn", unit_price_fen AS "unitPriceFen", quantity,
  refunded_quantity AS "refundedQuantity", line_total_fen AS "lineTotalFen", certified, to_char(ships_from, 'YYYY-MM-DD') AS "shipsFrom",
  (SELECT p.images->>0 FROM product p WHERE p.id = order_line.product_id) AS "imageUrl",
  (SELECT coalesce(json_agg(json_build_object('code', lt.code, 'quantity', s.quantity) ORDER BY lt.code), '[]')
     FROM lot_shipment s JOIN lot lt ON lt.id = s.lot_id WHERE s.order_line_id = order_line.id) AS lots`;

/** Which orders each tab of the buyer's list holds, over an order `o`. */
const TAB_CONDITION: Record<OrderTab, string> = {
  UNPAID: `o.status = 'AWAITING_PAYMENT'`,
  TO_SHIP: `o.status IN ('ON_ACCOUNT', 'PAID', 'PARTIALLY_SHIPPED') AND EXISTS (SELECT 1 FROM fulfillment f WHERE f.order_id = o.id AND f.status = 'PENDING')`,
  TO_RECEIVE: `o.status IN ('PARTIALLY_SHIPPED', 'SHIPPED')`,
  AFTER_SALES: `(o.refunded_fen > 0 OR o.status = 'REFUNDED' OR EXISTS (SELECT 1 FROM refund r WHERE r.order_id = o.id))`,
};

/** The fulfillments, lines and impact of the orders `$1`, as three JSON columns. */
const detailsOfOrders = (orders: IdsParameter) => `
  (SELECT coalesce(json_agg(x ORDER BY x.created_at, x.id), '[]')
     FROM (SELECT ${FULFILLMENT_COLUMNS}, f.created_at FROM fulfillment f JOIN cooperative c ON c.id = f.cooperative_id
            WHERE f.order_id ${matchingIds(orders)}) x) AS fulfillments,
  (SELECT coalesce(json_agg(y ORDER BY y."titleZh", y.id), '[]')
     FROM (SELECT ${LINE_COLUMNS} FROM order_line WHERE order_id ${matchingIds(orders)}) y) AS lines,
  (SELECT coalesce(json_agg(i), '[]') FROM (${impactOfOrders(orders)}) i) AS impacts`;

/** What a payment fixes on each line of its order (OrdersRepository.fixAttribution). */
const LINE_ATTRIBUTIONS = recordSet({ id: 'uuid', certified: 'boolean', pool_fen: 'bigint' });

/** One order's page beyond its row (OrdersRepository.details of one order). */
export const DETAILS_OF_ONE_ORDER = `SELECT ${detailsOfOrders('one')}`;
const DETAILS = { one: DETAILS_OF_ONE_ORDER, many: `SELECT ${detailsOfOrders('many')}` };
/** One order with its details: what a checkout answers with (OrdersRepository.findWithDetails). */
export const ORDER_WITH_DETAILS = `SELECT ${ORDER_COLUMNS}, ${detailsOfOrders('one')} FROM "order" o WHERE o.id = $1`;

/** The first key of the advisory lock a buyer's checkouts take turns on (the second is the buyer's). */
const CHECKOUT_LOCK_SPACE = 5205_2544;

/** An order's row and its page beyond it (OrdersRepository.findWithDetails). */
export interface OrderWithDetails {
  order: OrderRow;
  details: OrderDetails;
}

/** Whether a district has cold-chain delivery, and the rate of each shipping class. */
export interface DeliveryTerms {
  coldChain: boolean | undefined;
  rates: Map<ShippingClass, ShippingRate>;
}

@Injectable()
export class OrdersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Whether the district has cold-chain delivery, and the rate of each shipping class: one round trip. */
  async deliveryTerms(districtCode: string, manager: EntityManager = this.dataSource.manager): Promise<DeliveryTerms> {
    const [terms] = await preparedRowsIn<{ coldChain: boolean | null; rates: (ShippingRate & { shippingClass: ShippingClass })[] | null }>(
      manager,
      `SELECT (SELECT cold_chain FROM delivery_district WHERE code = $1) AS "coldChain",
              (SELECT json_agg(json_build_object('shippingClass', shipping_class, 'baseFen', base_fen, 'baseWeightG', base_weight_g,
                                                 'perExtraKgFen', per_extra_kg_fen, 'freeOverFen', free_over_fen))
                 FROM shipping_rate) AS rates`,
      [districtCode],
    );
    const rates = new Map((terms.rates ?? []).map(({ shippingClass, ...rate }) => [shippingClass, rate]));
    return { coldChain: terms.coldChain ?? undefined, rates };
  }

  /**
   * A buyer's checkout begins: it takes the buyer's lock until the transaction ends (a second
   * checkout at once waits here, so that two cannot both pass a cap) and an order number with it (a
   * round trip fewer: a checkout refused after it leaves a gap in the numbers, as a rolled-back one
   * always did); then, seeing what committed before the lock was theirs, the order placed earlier
   * with `idempotencyKey`, if any, and what the buyer holds unpaid: orders and the units they reserve.
   * Both statements go together (one round trip): the second starts once the first has the lock.
   */
  async beginCheckout(
    manager: EntityManager,
    buyerId: string,
    idempotencyKey: string,
  ): Promise<{ sequence: number; earlier: { number: string; requestHash: string } | null; unpaid: { orders: number; units: number } }> {
    const [[{ sequence }], [{ earlier, ...unpaid }]] = await together(manager, [
      () =>
        preparedRowsIn<{ sequence: number }>(
          manager,
          `SELECT pg_advisory_xact_lock($1, hashtext($2)), nextval('order_number_seq') AS sequence`,
          [CHECKOUT_LOCK_SPACE, buyerId],
        ),
      () => this.unpaidAndEarlier(manager, buyerId, idempotencyKey),
    ]);
    return { sequence, earlier, unpaid };
  }

  /** What the buyer holds unpaid, and the order placed with `idempotencyKey` if any (beginCheckout). */
  private unpaidAndEarlier(manager: EntityManager, buyerId: string, idempotencyKey: string) {
    return preparedRowsIn<{
      orders: number;
      units: number;
      earlier: { number: string; requestHash: string } | null;
    }>(
      manager,
      `SELECT count(DISTINCT o.id) AS orders, coalesce(sum(l.quantity), 0) AS units,
              (SELECT json_build_object('number', k.number, 'requestHash', k.request_hash) FROM "order" k
                WHERE k.buyer_id = $1 AND k.idempotency_key = $2) AS earlier
         FROM "order" o JOIN order_line l ON l.order_id = o.id
        WHERE o.buyer_id = $1 AND o.status = 'AWAITING_PAYMENT' AND o.organisation_id IS NULL`,
      [buyerId, idempotencyKey],
    );
  }

  async nextSequence(manager: EntityManager): Promise<number> {
    const [next] = await preparedRowsIn<{ n: number }>(manager, `SELECT nextval('order_number_seq') AS n`, []);
    return next.n;
  }

  async insertOrder(
    manager: EntityManager,
    order: {
      /** Chosen by the caller (randomUUID), so that the order's parts can be written before this statement answers. */
      id: string;
      number: string;
      buyerId: string;
      address: object;
      note: string | null;
      invoice: object | null;
      itemsFen: number;
      shippingFen: number;
      linkedSalesFen: number;
      householdPoolFen: number;
      idempotencyKey: string;
      requestHash: string;
      /** How long the order holds its stock unpaid (or, waiting for approval, undecided). */
      reservationMinutes: number;
      /** An organisation's order: for whom, delivered where and when, whether it waits for approval and whether it is paid on account. */
      organisation?: { id: string; siteId: string; deliveryOn: string; awaitingApproval: boolean; onAccount: boolean };
    },
  ): Promise<void> {
    await preparedRowsIn(
      manager,
      `INSERT INTO "order" (id, number, buyer_id, status, address, note, invoice, items_fen, shipping_fen, total_fen, linked_sales_fen,
                            household_pool_fen, idempotency_key, request_hash, expires_at, organisation_id, delivery_site_id, delivery_on,
                            on_account, confirmed_at)
       VALUES ($18, $1, $2, $13, $3, $4, $5, $6, $7, $6::bigint + $7::bigint, $8, $9, $10, $11, qh_now() + make_interval(mins => $12),
               $14, $15, $16, $17, CASE WHEN $13::text = 'ON_ACCOUNT' THEN qh_now() END)`,
      [
        order.number,
        order.buyerId,
        JSON.stringify(order.address),
        order.note,
        order.invoice ? JSON.stringify(order.invoice) : null,
        order.itemsFen,
        order.shippingFen,
        order.linkedSalesFen,
        order.householdPoolFen,
        order.idempotencyKey,
        order.requestHash,
        order.reservationMinutes,
        order.organisation?.awaitingApproval ? 'AWAITING_APPROVAL' : order.organisation?.onAccount ? 'ON_ACCOUNT' : 'AWAITING_PAYMENT',
        order.organisation?.id ?? null,
        order.organisation?.siteId ?? null,
        order.organisation?.deliveryOn ?? null,
        order.organisation?.onAccount ?? false,
        order.id,
      ],
    );
  }

  /** An approver's decision on an organisation's order; an approved one now holds its stock for `reservationMinutes` more, unpaid. */
  async decide(
    manager: EntityManager,
    orderId: string,
    decision: { by: string; approved: true; reservationMinutes: number } | { by: string; approved: false; reason: string },
  ): Promise<void> {
    await manager.query(
      `UPDATE "order" SET decided_by = $2, decided_at = qh_now(), rejection_reason = $3,
              expires_at = CASE WHEN $4::int IS NULL THEN expires_at ELSE qh_now() + make_interval(mins => $4::int) END
        WHERE id = $1`,
      [orderId, decision.by, decision.approved ? null : decision.reason, decision.approved ? decision.reservationMinutes : null],
    );
  }

  /** The e-mail addresses of these accounts (who placed or decided on an order). */
  emailsOf(ids: string[]): Promise<{ id: string; email: string }[]> {
    return rows(this.dataSource, `SELECT id, email FROM account WHERE id = ANY($1::uuid[])`, [[...new Set(ids)]]);
  }

  /** An organisation's orders, newest first, optionally of one status. */
  listForOrganisation(
    organisationId: string,
    limit: number,
    after?: { key: string; id: string },
    status?: OrderStatus,
  ): Promise<OrderRow[]> {
    return rows(
      this.dataSource,
      `SELECT ${ORDER_COLUMNS} FROM "order" o
        WHERE o.organisation_id = $1 AND ($2::text IS NULL OR (${timestampKey('o.created_at')}, o.id) < ($2::text, $3::uuid))
          AND ($5::text IS NULL OR o.status = $5)
        ORDER BY o.created_at DESC, o.id DESC LIMIT $4`,
      [organisationId, after?.key ?? null, after?.id ?? null, limit, status ?? null],
    );
  }

  /**
   * The organisation's orders still holding stock undecided or unpaid. Takes the organisation's order
   * lock first (until the transaction ends), so that two submissions at once cannot both pass a cap.
   */
  async lockAndCountOpen(manager: EntityManager, organisationId: string): Promise<number> {
    await manager.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [CHECKOUT_LOCK_SPACE, organisationId]);
    const [open] = await rows<{ orders: number }>(
      manager,
      `SELECT count(*) AS orders FROM "order" WHERE organisation_id = $1 AND status IN ('AWAITING_APPROVAL', 'AWAITING_PAYMENT')`,
      [organisationId],
    );
    return open.orders;
  }

  /**
   * An order's parcels (one fulfillment per cooperative) and their lines, with each line's pool, in one
   * statement: a checkout's round trips were most of its time.
   */
  async insertParts<Line extends PricedLine>(
    manager: EntityManager,
    orderId: string,
    parts: {
      cooperativeId: string;
      shippingClass: ShippingClass;
      weightG: number;
      itemsFen: number;
      feeFen: number;
      shipsFrom: string | null;
      lines: Line[];
    }[],
    poolOf: (line: Line) => number,
  ): Promise<void> {
    const lines = parts.flatMap((part) => part.lines);
    const ofLines = <T>(value: (line: Line) => T) => lines.map(value);
    await preparedRowsIn(
      manager,
      `WITH part AS (
         INSERT INTO fulfillment (order_id, cooperative_id, shipping_class, weight_g, items_fen, fee_fen, ships_from)
         SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::int[], $5::bigint[], $6::int[], $7::date[])
         RETURNING id, cooperative_id)
       INSERT INTO order_line (order_id, fulfillment_id, variant_id, product_id, cooperative_id, product_slug, title_zh, title_en,
                               label_zh, label_en, category, origin_township_code, unit_price_fen, quantity, line_total_fen, weight_g,
                               certified, benefit_rate_bp, pool_fen, shipping_class, ships_from)
       SELECT $1, part.id, x.variant_id, x.product_id, x.cooperative_id, x.product_slug, x.title_zh, x.title_en, x.label_zh, x.label_en,
              x.category, x.origin_township_code, x.unit_price_fen, x.quantity, x.unit_price_fen::bigint * x.quantity,
              x.weight_g * x.quantity, x.certified, x.benefit_rate_bp, x.pool_fen, x.shipping_class, x.ships_from
         FROM unnest($8::uuid[], $9::uuid[], $10::uuid[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[],
                     $17::text[], $18::int[], $19::int[], $20::int[], $21::boolean[], $22::int[], $23::bigint[], $24::text[], $25::date[])
              WITH ORDINALITY AS x(variant_id, product_id, cooperative_id, product_slug, title_zh, title_en, label_zh, label_en, category,
                                   origin_township_code, unit_price_fen, quantity, weight_g, certified, benefit_rate_bp, pool_fen,
                                   shipping_class, ships_from, n)
         JOIN part ON part.cooperative_id = x.cooperative_id
        ORDER BY x.n`,
      [
        orderId,
        parts.map((part) => part.cooperativeId),
        parts.map((part) => part.shippingClass),
        parts.map((part) => part.weightG),
        parts.map((part) => part.itemsFen),
        parts.map((part) => part.feeFen),
        parts.map((part) => part.shipsFrom),
        ofLines((line) => line.variantId),
        ofLines((line) => line.productId),
        ofLines((line) => line.cooperativeId),
        ofLines((line) => line.productSlug),
        ofLines((line) => line.titleZh),
        ofLines((line) => line.titleEn),
        ofLines((line) => line.labelZh),
        ofLines((line) => line.labelEn),
        ofLines((line) => line.category),
        ofLines((line) => line.originTownshipCode),
        ofLines((line) => line.priceFen),
        ofLines((line) => line.quantity),
        ofLines((line) => line.weightG),
        ofLines((line) => line.certified),
        ofLines((line) => line.benefitRateBp),
        ofLines(poolOf),
        ofLines((line) => line.shippingClass),
        ofLines((line) => line.shipsFrom),
      ],
    );
  }

  findByKey(buyerId: string, idempotencyKey: string): Promise<OrderRow | undefined> {
    return preparedRow(this.dataSource, `SELECT ${ORDER_COLUMNS} FROM "order" o WHERE o.buyer_id = $1 AND o.idempotency_key = $2`, [
      buyerId,
      idempotencyKey,
    ]);
  }

  /**
   * When `error` is a placement losing the race of its Idempotency-Key (two requests with one key at
   * once), the order the first one placed: it is the answer to both. Undefined for any other error.
   */
  async keyRaceWinner(error: unknown, buyerId: string, idempotencyKey: string): Promise<OrderRow | undefined> {
    return uniqueViolated(error) === 'order_buyer_id_idempotency_key_key' ? this.findByKey(buyerId, idempotencyKey) : undefined;
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<OrderRow | undefined> {
    return preparedRow(manager, `SELECT ${ORDER_COLUMNS} FROM "order" o WHERE o.id = $1`, [id]);
  }

  findByNumber(number: string, manager: EntityManager = this.dataSource.manager): Promise<OrderRow | undefined> {
    return preparedRow(manager, `SELECT ${ORDER_COLUMNS} FROM "order" o WHERE o.number = $1`, [number]);
  }

  /** The order, locked, unless another transaction holds it (that one decides) or it is gone. */
  lockUnlessBusy(manager: EntityManager, orderId: string): Promise<{ id: string; status: OrderStatus; expired: boolean } | undefined> {
    return row(manager, `SELECT id, status, expires_at <= qh_now() AS expired FROM "order" WHERE id = $1 FOR UPDATE SKIP LOCKED`, [
      orderId,
    ]);
  }

  lockByNumber(
    manager: EntityManager,
    number: string,
  ): Promise<
    | {
        id: string;
        buyerId: string;
        status: OrderStatus;
        expiresAt: Date;
        organisationId: string | null;
        totalFen: number;
        expired: boolean;
        onAccount: boolean;
      }
    | undefined
  > {
    return row(
      manager,
      `SELECT id, buyer_id AS "buyerId", status, expires_at AS "expiresAt", organisation_id AS "organisationId", total_fen AS "totalFen",
              expires_at <= qh_now() AS expired, on_account AS "onAccount"
         FROM "order" WHERE number = $1 FOR UPDATE`,
      [number],
    );
  }

  listForBuyer(buyerId: string, limit: number, after?: { key: string; id: string }, tab?: OrderTab): Promise<OrderRow[]> {
    return rows(
      this.dataSource,
      `SELECT ${ORDER_COLUMNS} FROM "order" o
        WHERE o.buyer_id = $1 AND o.organisation_id IS NULL
          AND ($2::text IS NULL OR (${timestampKey('o.created_at')}, o.id) < ($2::text, $3::uuid))
          AND ${tab ? TAB_CONDITION[tab] : 'true'}
        ORDER BY o.created_at DESC, o.id DESC LIMIT $4`,
      [buyerId, after?.key ?? null, after?.id ?? null, limit],
    );
  }

  /**
   * For admins: orders, newest first, found by number (or its start), by the mobile number they were
   * sent to, or by the buyer's email; and by status.
   */
  search(query: { q?: string; status?: OrderStatus }, limit: number, after?: { key: string; id: string }): Promise<AdminOrderRow[]> {
    const values: unknown[] = [after?.key ?? null, after?.id ?? null, limit];
    const conditions = [`($1::text IS NULL OR (${timestampKey('o.created_at')}, o.id) < ($1::text, $2::uuid))`];
    const q = query.q?.trim();
    if (q && /^QH/i.test(q)) conditions.push(`o.number LIKE $${values.push(`${q.toUpperCase().replace(/[\\%_]/g, '')}%`)}`);
    else if (q && /^1[3-9]\d{9}$/.test(q)) conditions.push(`o.address->>'mobile' = $${values.push(q)}`);
    else if (q) conditions.push(`lower(a.email) = lower($${values.push(q)})`);
    if (query.status) conditions.push(`o.status = $${values.push(query.status)}`);
    return rows(
      this.dataSource,
      `SELECT o.id, o.number, o.status, o.created_at AS "createdAt", o.total_fen AS "totalFen", o.refunded_fen AS "refundedFen",
              a.email AS "buyerEmail", o.address->>'name' AS recipient, o.address->>'mobile' AS mobile,
              (SELECT array_agg(c.name_zh ORDER BY f.created_at) FROM fulfillment f JOIN cooperative c ON c.id = f.cooperative_id
                WHERE f.order_id = o.id) AS cooperatives,
              ${timestampKey('o.created_at')} AS "sortKey"
         FROM "order" o JOIN account a ON a.id = o.buyer_id
        WHERE ${conditions.join(' AND ')}
        ORDER BY o.created_at DESC, o.id DESC LIMIT $3`,
      values,
    );
  }

  lines(orderIds: string[]): Promise<OrderLineRow[]> {
    return rows(this.dataSource, `SELECT ${LINE_COLUMNS} FROM order_line WHERE order_id = ANY($1) ORDER BY title_zh, id`, [orderIds]);
  }

  /**
   * Everything an order page shows beyond the order row, for a set of orders, in one round trip:
   * their fulfillments, lines and what they did for households, as JSON arrays.
   */
  async details(orderIds: string[]): Promise<OrderDetails> {
    const [details] = await preparedRowsForIds<OrderDetails>(this.dataSource, DETAILS, orderIds);
    return details;
  }

  /** One order with its details, in one statement: what a checkout answers with, read in its own transaction. */
  async findWithDetails(manager: EntityManager, id: string): Promise<OrderWithDetails | undefined> {
    const [found] = await preparedRowsIn<OrderRow & OrderDetails>(manager, ORDER_WITH_DETAILS, [id]);
    if (!found) return undefined;
    const { fulfillments, lines, impacts, ...order } = found;
    return { order, details: { fulfillments, lines, impacts } };
  }

  /** What the payment fixed: each line's certification and pool, and the order's sums of them. */
  async fixAttribution(
    manager: EntityManager,
    orderId: string,
    attribution: { lines: { id: string; certified: boolean; poolFen: number }[]; linkedSalesFen: number; poolFen: number },
  ): Promise<void> {
    const { lines } = attribution;
    // Every payment writes these: prepared, so that its connection plans them once (the lines as a recordSet for that).
    await preparedRowsIn(
      manager,
      `UPDATE order_line l SET certified = x.certified, pool_fen = x.pool_fen FROM ${LINE_ATTRIBUTIONS.from('$1', 'x')} WHERE l.id = x.id`,
      [LINE_ATTRIBUTIONS.value(lines.map((line) => ({ id: line.id, certified: line.certified, pool_fen: line.poolFen })))],
    );
    await preparedRowsIn(manager, `UPDATE "order" SET linked_sales_fen = $2, household_pool_fen = $3 WHERE id = $1`, [
      orderId,
      attribution.linkedSalesFen,
      attribution.poolFen,
    ]);
  }

  /** Returns the order's refunded total after adding `amountFen`. */
  async addRefundedFen(manager: EntityManager, orderId: string, amountFen: number): Promise<number> {
    const updated = await row<{ refundedFen: number }>(
      manager,
      `UPDATE "order" SET refunded_fen = refunded_fen + $2, updated_at = qh_now() WHERE id = $1 RETURNING refunded_fen AS "refundedFen"`,
      [orderId, amountFen],
    );
    return updated!.refundedFen;
  }

  async addRefundedUnits(manager: EntityManager, units: { lineId: string; quantity: number }[]): Promise<void> {
    if (units.length === 0) return;
    await manager.query(
      `UPDATE order_line l SET refunded_quantity = l.refunded_quantity + x.quantity
         FROM unnest($1::uuid[], $2::int[]) AS x(id, quantity) WHERE l.id = x.id`,
      [units.map((unit) => unit.lineId), units.map((unit) => unit.quantity)],
    );
  }

  /** Frees the key of an order that never got its payment, so the buyer's retry is a new checkout. */
  async releaseIdempotencyKey(manager: EntityManager, orderId: string): Promise<void> {
    await manager.query(`UPDATE "order" SET idempotency_key = NULL, updated_at = qh_now() WHERE id = $1`, [orderId]);
  }

  async hasUnshippedPart(manager: EntityManager, orderId: string): Promise<boolean> {
    const [waiting] = await manager.query(`SELECT 1 FROM fulfillment WHERE order_id = $1 AND status = 'PENDING' LIMIT 1`, [orderId]);
    return Boolean(waiting);
  }

  /** Shipped orders whose parts have all shipped (or been called off), the last more than `days` ago. */
  async dueToComplete(days: number, limit: number): Promise<string[]> {
    const due = await rows<{ id: string }>(
      this.dataSource,
      `SELECT o.id FROM "order" o
        WHERE o.status = 'SHIPPED'
          AND (SELECT bool_and(f.status <> 'PENDING') AND max(f.shipped_at) < qh_now() - make_interval(days => $1)
                 FROM fulfillment f WHERE f.order_id = o.id)
        ORDER BY o.id LIMIT $2`,
      [days, limit],
    );
    return due.map((order) => order.id);
  }

  /** Orders past their reservation in `status` (unpaid, or undecided by an approver), the oldest first. */
  async dueToExpire(limit: number, status: 'AWAITING_PAYMENT' | 'AWAITING_APPROVAL' = 'AWAITING_PAYMENT'): Promise<string[]> {
    const due = await rows<{ id: string }>(
      this.dataSource,
      // The status written out, so that the planner matches it with its partial index.
      `SELECT id FROM "order" WHERE status = '${status}' AND expires_at <= qh_now() ORDER BY expires_at LIMIT $1`,
      [limit],
    );
    return due.map((order) => order.id);
  }

  async setStatus(
    manager: EntityManager,
    orderId: string,
    status: OrderStatus,
    extra: { paid?: boolean; cancelReason?: string; completed?: boolean; confirmed?: boolean } = {},
  ) {
    // Every payment, shipment and cancellation writes this: prepared, so that its connection plans it once.
    await preparedRowsIn(
      manager,
      `UPDATE "order" SET status = $2, updated_at = qh_now(),
              paid_at = CASE WHEN $3 THEN qh_now() ELSE paid_at END,
              confirmed_at = CASE WHEN $6 THEN qh_now() ELSE confirmed_at END,
              cancelled_at = CASE WHEN $4::text IS NOT NULL THEN qh_now() ELSE cancelled_at END, cancel_reason = coalesce($4, cancel_reason),
              completed_at = CASE WHEN $5 THEN qh_now() ELSE completed_at END
        WHERE id = $1`,
      [orderId, status, extra.paid ?? false, extra.cancelReason ?? null, extra.completed ?? false, extra.confirmed ?? false],
    );
  }

  /** The order's lines (or those of its parts still waiting to ship) as stock to put back, in variant order like the checkout took it. */
  /** The order's units per variant, less those refunded. */
  unitsNotRefunded(manager: EntityManager, orderId: string): Promise<{ variantId: string; quantity: number }[]> {
    return rows(
      manager,
      `SELECT variant_id AS "variantId", sum(quantity - refunded_quantity) AS quantity FROM order_line
        WHERE order_id = $1 GROUP BY variant_id HAVING sum(quantity - refunded_quantity) > 0 ORDER BY variant_id`,
      [orderId],
    );
  }

  /** Of these units, per variant, those whose part has not shipped (nor been called off). */
  unitsNotShipped(
    manager: EntityManager,
    units: { lineId: string; quantity: number }[],
  ): Promise<{ variantId: string; quantity: number }[]> {
    return rows(
      manager,
      `SELECT l.variant_id AS "variantId", sum(x.quantity) AS quantity
         FROM unnest($1::uuid[], $2::int[]) AS x(line_id, quantity)
         JOIN order_line l ON l.id = x.line_id JOIN fulfillment f ON f.id = l.fulfillment_id
        WHERE f.status = 'PENDING' GROUP BY l.variant_id ORDER BY l.variant_id`,
      [units.map((unit) => unit.lineId), units.map((unit) => unit.quantity)],
    );
  }
}
