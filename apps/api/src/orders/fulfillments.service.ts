import { Injectable } from '@nestjs/common';
import { CARRIERS, isTrackingNumberOf, nextOrderStatus } from '@qh/domain';
import { cooperativeOf, type Acting } from '../auth/current-user';
import { AppError } from '../common/app-error';
import { decodeCursor, keysetPage } from '../common/keyset-cursor';
import { UnitOfWork } from '../database/unit-of-work';
import { CoopFulfillmentDto, CoopFulfillmentPageDto, ShipDto } from './dto/order.dto';
import { OrderTransitions } from './order-transitions';
import { FulfillmentsRepository } from './fulfillments.repository';
import { OrdersRepository } from './orders.repository';
import { toFulfillment } from './orders.service';
import { Clock } from '../config/clock';
import { LotsService } from '../lots/lots.service';

const DEFAULT_PAGE_SIZE = 20;

/** A cooperative ships its own part of each paid order; it sees its lines and the address, nothing of other cooperatives. */
@Injectable()
export class FulfillmentsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly fulfillments: FulfillmentsRepository,
    private readonly orders: OrdersRepository,
    private readonly transitions: OrderTransitions,
    private readonly clock: Clock,
    private readonly lots: LotsService,
  ) {}

  async list(user: Acting, query: { status?: string; id?: string; limit?: number; cursor?: string }): Promise<CoopFulfillmentPageDto> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.fulfillments.listForCooperative({
      cooperativeId: cooperativeOf(user),
      status: query.status,
      id: query.id,
      limit: limit + 1,
      after: query.cursor ? decodeCursor(query.cursor, 'fulfillments') : undefined,
    });
    const page = keysetPage(rows, limit, 'fulfillments', (row) => row);
    const lines = page.items.length ? await this.orders.lines(page.items.map((row) => row.orderId)) : [];
    return {
      items: page.items.map((row): CoopFulfillmentDto => ({
        ...toFulfillment(row, lines),
        orderNumber: row.orderNumber,
        orderStatus: row.orderStatus,
        address: row.address,
        note: row.note,
        delivery: row.deliveryOn
          ? { on: row.deliveryOn, organisationName: row.organisationName ?? '', siteName: row.address.siteName ?? '' }
          : null,
      })),
      nextCursor: page.nextCursor,
    };
  }

  async ship(user: Acting, id: string, dto: ShipDto): Promise<CoopFulfillmentDto> {
    await this.unitOfWork.run(async ({ manager, audit }) => {
      const fulfillment = await this.fulfillments.lockFulfillment(manager, id);
      if (!fulfillment) throw new AppError('FULFILLMENT_NOT_FOUND', 'No such shipment.');
      if (fulfillment.cooperativeId !== cooperativeOf(user))
        throw new AppError('NOT_YOUR_COOPERATIVE', 'This shipment belongs to another cooperative.');
      if (fulfillment.status !== 'PENDING')
        throw new AppError('FULFILLMENT_STATUS_CONFLICT', `This shipment is already ${fulfillment.status.toLowerCase()}.`);
      if (fulfillment.unitsToSend <= 0)
        throw new AppError('FULFILLMENT_STATUS_CONFLICT', 'Everything in this shipment has been refunded: there is nothing to send.');
      if (!nextOrderStatus(fulfillment.orderStatus, 'shipPart')) {
        throw new AppError('ORDER_STATUS_CONFLICT', `A ${fulfillment.orderStatus} order cannot ship: only paid orders do.`);
      }
      if (fulfillment.shipsFrom && fulfillment.shipsFrom > this.clock.today()) {
        throw new AppError('PRESALE_NOT_SHIPPABLE', `Pre-sale goods ship from ${fulfillment.shipsFrom}.`);
      }
      if (!isTrackingNumberOf(dto.carrier, dto.trackingNo)) {
        const example = CARRIERS.find((carrier) => carrier.name === dto.carrier.trim())?.example;
        throw new AppError('VALIDATION_FAILED', `This is not a ${dto.carrier} tracking number.`, [
          { field: 'trackingNo', problems: [`not a ${dto.carrier} tracking number, e.g. ${example}`], rules: ['trackingFormat'] },
        ]);
      }
      await this.lots.assign(manager, fulfillment.cooperativeId, id, dto.lots ?? []);
      const status = await this.transitions.shipped(manager, fulfillment, { carrier: dto.carrier, trackingNo: dto.trackingNo });
      await audit({
        actor: user,
        action: 'fulfillment.shipped',
        entityType: 'fulfillment',
        entityId: id,
        after: { ...dto, orderStatus: status },
      });
    });
    return (await this.list(user, { id, limit: 1 })).items[0];
  }
}
