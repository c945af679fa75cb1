import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OrderStatus, ShippingClass } from '@qh/domain';
import { DataSource, EntityManager } from 'typeorm';
import { timestampKey } from '../common/keyset-cursor';

/** Where an order goes, as stored with it. */
export interface DeliveryAddress {
  name: string;
  mobile: string;
  districtCode: string;
  street: string;
}

export interface FulfillmentRow {
  id: string;
  order_id: string;
  cooperative_id: string;
  cooperative_name: string;
  cooperative_name_en: string;
  status: 'PENDING' | 'SHIPPED' | 'CANCELLED';
  shipping_class: ShippingClass;
  weight_g: number;
  items_fen: string;
  fee_fen: number;
  ships_from: string | null;
  carrier: string | null;
  tracking_no: string | null;
  /** A Date from a plain row, an ISO string from the JSON of `details`. */
  shipped_at: Date | string | null;
}

export const FULFILLMENT_COLUMNS = `f.id, f.order_id, f.cooperative_id, c.name_zh AS cooperative_name, c.name_en AS cooperative_name_en, f.status,
  f.shipping_class, f.weight_g, f.items_fen, f.fee_fen, to_char(f.ships_from, 'YYYY-MM-DD') AS ships_from, f.carrier, f.tracking_no, f.shipped_at`;

/** Each cooperative's part of an order: written at checkout, shipped by the cooperative, called off with its order. */
@Injectable()
export class FulfillmentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(
    manager: EntityManager,
    f: {
      orderId: string;
      cooperativeId: string;
      shippingClass: ShippingClass;
      weightG: number;
      itemsFen: number;
      feeFen: number;
      shipsFrom: string | null;
    },
  ): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO fulfillment (order_id, cooperative_id, shipping_class, weight_g, items_fen, fee_fen, ships_from)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [f.orderId, f.cooperativeId, f.shippingClass, f.weightG, f.itemsFen, f.feeFen, f.shipsFrom],
    );
    return row.id;
  }

  async cancelUnshipped(manager: EntityManager, orderId: string): Promise<void> {
    await manager.query(`UPDATE fulfillment SET status = 'CANCELLED' WHERE order_id = $1 AND status = 'PENDING'`, [orderId]);
  }

  // Fulfillments as a cooperative sees them: of paid orders only, since only they are the cooperative's
  // business (an order never paid keeps its buyer's name, mobile and address to itself).

  listForCooperative(filter: { cooperativeId: string; status?: string; id?: string; limit: number; after?: { key: string; id: string } }) {
    return this.dataSource.query(
      `SELECT ${FULFILLMENT_COLUMNS}, o.number AS order_number, o.status AS order_status, o.address, o.note,
              ${timestampKey('f.created_at')} AS sort_key
         FROM fulfillment f JOIN cooperative c ON c.id = f.cooperative_id JOIN "order" o ON o.id = f.order_id
        WHERE f.cooperative_id = $1 AND o.paid_at IS NOT NULL AND ($2::text IS NULL OR f.status = $2)
          AND ($3::text IS NULL OR (${timestampKey('f.created_at')}, f.id) < ($3::text, $4::uuid))
          AND ($6::uuid IS NULL OR f.id = $6)
        ORDER BY f.created_at DESC, f.id DESC LIMIT $5`,
      [filter.cooperativeId, filter.status ?? null, filter.after?.key ?? null, filter.after?.id ?? null, filter.limit, filter.id ?? null],
    ) as Promise<
      (FulfillmentRow & {
        order_number: string;
        order_status: OrderStatus;
        address: DeliveryAddress;
        note: string | null;
        sort_key: string;
      })[]
    >;
  }

  async lockFulfillment(manager: EntityManager, id: string) {
    const [row] = await manager.query(
      `SELECT f.id, f.order_id, f.cooperative_id, f.status, to_char(f.ships_from, 'YYYY-MM-DD') AS ships_from, o.status AS order_status,
              o.number AS order_number, o.buyer_id, c.name_zh AS cooperative_name
         FROM fulfillment f JOIN "order" o ON o.id = f.order_id JOIN cooperative c ON c.id = f.cooperative_id
        WHERE f.id = $1 FOR UPDATE OF f, o`,
      [id],
    );
    return row as
      | {
          id: string;
          order_id: string;
          cooperative_id: string;
          status: string;
          ships_from: string | null;
          order_status: OrderStatus;
          order_number: string;
          buyer_id: string;
          cooperative_name: string;
        }
      | undefined;
  }

  async markShipped(manager: EntityManager, id: string, carrier: string, trackingNo: string): Promise<{ shipped: number; parts: number }> {
    await manager.query(`UPDATE fulfillment SET status = 'SHIPPED', carrier = $2, tracking_no = $3, shipped_at = qh_now() WHERE id = $1`, [
      id,
      carrier,
      trackingNo,
    ]);
    const [row] = await manager.query(
      `SELECT count(*) FILTER (WHERE status = 'SHIPPED')::int AS shipped, count(*)::int AS parts
         FROM fulfillment WHERE order_id = (SELECT order_id FROM fulfillment WHERE id = $1)`,
      [id],
    );
    return row;
  }
}
