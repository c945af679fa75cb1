import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OrderStatus, ShippingClass, ShortfallReason } from '@qh/domain';
import { DataSource, EntityManager } from 'typeorm';
import { timestampKey } from '../common/keyset-cursor';
import { isoInstant, row, rows } from '../database/sql';

/** Where an order goes, as stored with it. */
export interface DeliveryAddress {
  name: string;
  mobile: string;
  districtCode: string;
  street: string;
}

export interface FulfillmentRow {
  id: string;
  orderId: string;
  cooperativeId: string;
  cooperativeName: string;
  cooperativeNameEn: string;
  status: 'PENDING' | 'SHIPPED' | 'CANCELLED';
  shippingClass: ShippingClass;
  weightG: number;
  itemsFen: number;
  feeFen: number;
  shipsFrom: string | null;
  carrier: string | null;
  trackingNo: string | null;
  /** A Date from a plain row, an ISO string from the JSON of `details`. */
  shippedAt: Date | string | null;
  /** 验收 of an organisation's part, once recorded (or made automatically). */
  acceptance: FulfillmentAcceptance | null;
}

export interface FulfillmentAcceptance {
  acceptedAt: string;
  automatic: boolean;
  lines: { lineId: string; acceptedQuantity: number; reason: ShortfallReason | null }[];
  claim: {
    id: string;
    status: 'PENDING' | 'REFUNDED' | 'DECLINED';
    refundId: string | null;
    declineReason: string | null;
    photos: string[];
  } | null;
}

export const FULFILLMENT_COLUMNS = `f.id, f.order_id AS "orderId", f.cooperative_id AS "cooperativeId", c.name_zh AS "cooperativeName",
  c.name_en AS "cooperativeNameEn", f.status, f.shipping_class AS "shippingClass", f.weight_g AS "weightG", f.items_fen AS "itemsFen",
  f.fee_fen AS "feeFen", to_char(f.ships_from, 'YYYY-MM-DD') AS "shipsFrom", f.carrier, f.tracking_no AS "trackingNo",
  f.shipped_at AS "shippedAt",
  CASE WHEN f.accepted_at IS NOT NULL THEN json_build_object(
    'acceptedAt', ${isoInstant('f.accepted_at')}, 'automatic', f.accepted_by IS NULL,
    'lines', coalesce((SELECT json_agg(json_build_object('lineId', a.order_line_id, 'acceptedQuantity', a.accepted_quantity,
                                                         'reason', a.shortfall_reason) ORDER BY a.order_line_id)
                         FROM acceptance_line a WHERE a.fulfillment_id = f.id), '[]'),
    'claim', (SELECT json_build_object('id', s.id, 'status', s.status, 'refundId', s.refund_id, 'declineReason', s.decline_reason,
                                   'photos', s.photos)
                FROM shortfall_claim s WHERE s.fulfillment_id = f.id)) END AS acceptance`;

/** Each cooperative's part of an order: written at checkout, shipped by the cooperative, called off with its order. */
@Injectable()
export class FulfillmentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async cancelUnshipped(manager: EntityManager, orderId: string): Promise<void> {
    await manager.query(`UPDATE fulfillment SET status = 'CANCELLED' WHERE order_id = $1 AND status = 'PENDING'`, [orderId]);
  }

  // Fulfillments as a cooperative sees them: of paid orders, or orders confirmed on account, only, since only they
  // are the cooperative's business (an order never paid keeps its buyer's name, mobile and address to itself).

  listForCooperative(filter: { cooperativeId: string; status?: string; id?: string; limit: number; after?: { key: string; id: string } }) {
    return rows<
      FulfillmentRow & {
        orderNumber: string;
        orderStatus: OrderStatus;
        address: DeliveryAddress & { siteName?: string };
        note: string | null;
        sortKey: string;
        deliveryOn: string | null;
        organisationName: string | null;
      }
    >(
      this.dataSource,
      `SELECT ${FULFILLMENT_COLUMNS}, o.number AS "orderNumber", o.status AS "orderStatus", o.address, o.note,
              ${timestampKey('f.created_at')} AS "sortKey", to_char(o.delivery_on, 'YYYY-MM-DD') AS "deliveryOn",
              (SELECT g.name FROM organisation g WHERE g.id = o.organisation_id) AS "organisationName"
         FROM fulfillment f JOIN cooperative c ON c.id = f.cooperative_id JOIN "order" o ON o.id = f.order_id
        WHERE f.cooperative_id = $1 AND (o.paid_at IS NOT NULL OR o.confirmed_at IS NOT NULL) AND ($2::text IS NULL OR f.status = $2)
          AND ($3::text IS NULL OR (${timestampKey('f.created_at')}, f.id) < ($3::text, $4::uuid))
          AND ($6::uuid IS NULL OR f.id = $6)
        ORDER BY f.created_at DESC, f.id DESC LIMIT $5`,
      [filter.cooperativeId, filter.status ?? null, filter.after?.key ?? null, filter.after?.id ?? null, filter.limit, filter.id ?? null],
    );
  }

  lockFulfillment(manager: EntityManager, id: string) {
    return row<{
      id: string;
      orderId: string;
      cooperativeId: string;
      status: string;
      shipsFrom: string | null;
      orderStatus: OrderStatus;
      orderNumber: string;
      buyerId: string;
      cooperativeName: string;
      /** Units not refunded nor being refunded: a refund on its way to the provider already holds its goods back. */
      unitsToSend: number;
    }>(
      manager,
      `SELECT f.id, f.order_id AS "orderId", f.cooperative_id AS "cooperativeId", f.status, to_char(f.ships_from, 'YYYY-MM-DD') AS "shipsFrom",
              o.status AS "orderStatus", o.number AS "orderNumber", o.buyer_id AS "buyerId", c.name_zh AS "cooperativeName",
              (SELECT sum(l.quantity) FROM order_line l WHERE l.fulfillment_id = f.id)
                - (SELECT coalesce(sum(rl.quantity), 0) FROM refund_line rl JOIN refund r ON r.id = rl.refund_id
                     JOIN order_line l ON l.id = rl.order_line_id WHERE l.fulfillment_id = f.id AND r.status <> 'FAILED') AS "unitsToSend"
         FROM fulfillment f JOIN "order" o ON o.id = f.order_id JOIN cooperative c ON c.id = f.cooperative_id
        WHERE f.id = $1 FOR UPDATE OF f, o`,
      [id],
    );
  }

  /** A shipped part of an organisation's order, locked with its order, for its receiver to accept; undefined when unknown. */
  lockForAcceptance(manager: EntityManager, id: string) {
    return row<{
      id: string;
      orderId: string;
      orderNumber: string;
      organisationId: string | null;
      status: string;
      acceptedAt: Date | null;
    }>(
      manager,
      `SELECT f.id, f.order_id AS "orderId", o.number AS "orderNumber", o.organisation_id AS "organisationId", f.status, f.accepted_at AS "acceptedAt"
         FROM fulfillment f JOIN "order" o ON o.id = f.order_id WHERE f.id = $1 FOR UPDATE OF f, o`,
      [id],
    );
  }

  /** The part's lines and the units each delivered: sent and not refunded. */
  deliverableLines(manager: EntityManager, id: string): Promise<{ lineId: string; deliverable: number }[]> {
    return rows(
      manager,
      `SELECT id AS "lineId", quantity - refunded_quantity AS deliverable FROM order_line WHERE fulfillment_id = $1 ORDER BY id`,
      [id],
    );
  }

  /** Records the part accepted, by its receiver or (null) automatically. */
  async markAccepted(manager: EntityManager, id: string, acceptedBy: string | null): Promise<void> {
    await manager.query(`UPDATE fulfillment SET accepted_at = qh_now(), accepted_by = $2 WHERE id = $1`, [id, acceptedBy]);
  }

  /** Organisations' parts shipped more than `days` days ago that nobody accepted yet, oldest first. */
  async dueForAcceptance(days: number, limit: number): Promise<string[]> {
    const due = await rows<{ id: string }>(
      this.dataSource,
      `SELECT f.id FROM fulfillment f JOIN "order" o ON o.id = f.order_id
        WHERE f.status = 'SHIPPED' AND f.accepted_at IS NULL AND o.organisation_id IS NOT NULL
          AND f.shipped_at <= qh_now() - make_interval(days => $1)
        ORDER BY f.shipped_at LIMIT $2`,
      [days, limit],
    );
    return due.map((part) => part.id);
  }

  async markShipped(manager: EntityManager, id: string, carrier: string, trackingNo: string): Promise<void> {
    await manager.query(`UPDATE fulfillment SET status = 'SHIPPED', carrier = $2, tracking_no = $3, shipped_at = qh_now() WHERE id = $1`, [
      id,
      carrier,
      trackingNo,
    ]);
  }

  /** The order's parts that shipped, and those meant to ship (shipped or waiting; not those called off). */
  async shipmentCounts(manager: EntityManager, orderId: string): Promise<{ shipped: number; parts: number }> {
    const [counts] = await rows<{ shipped: number; parts: number }>(
      manager,
      `SELECT count(*) FILTER (WHERE status = 'SHIPPED') AS shipped, count(*) FILTER (WHERE status <> 'CANCELLED') AS parts
         FROM fulfillment WHERE order_id = $1`,
      [orderId],
    );
    return counts;
  }

  /** Calls off the parts still waiting whose every unit was refunded; how many. */
  async cancelEmptied(manager: EntityManager, orderId: string): Promise<number> {
    const cancelled = await rows<{ id: string }>(
      manager,
      `UPDATE fulfillment f SET status = 'CANCELLED'
        WHERE f.order_id = $1 AND f.status = 'PENDING'
          AND NOT EXISTS (SELECT 1 FROM order_line l WHERE l.fulfillment_id = f.id AND l.refunded_quantity < l.quantity)
        RETURNING f.id`,
      [orderId],
    );
    return cancelled.length;
  }
}
