import { Injectable } from '@nestjs/common';
import { coldestShippingClass, shippingFeeFen, sumFen, type ShippingClass } from '@qh/domain';
import type { EntityManager } from 'typeorm';
import { AppError, type FieldProblem } from '../common/app-error';
import type { PricedLine } from './cart.repository';
import { OrdersRepository, type DeliveryTerms } from './orders.repository';

/** One cooperative's parcel of an order: its lines, class, weight, goods and fee. */
export interface PlannedShipment<Line extends PricedLine> {
  cooperativeId: string;
  lines: Line[];
  shippingClass: ShippingClass;
  itemsFen: number;
  weightG: number;
  /** The latest pre-sale shipping day among its lines, if any. */
  shipsFrom: string | null;
  feeFen: number;
}

/**
 * The parcels some lines make to a district, one per cooperative, each with its fee: the same for a
 * buyer's checkout and an organisation's order. Refused when a line is off sale or needs cold chain
 * the district does not have; `fieldOf` names each line as the request did, so a form can mark it.
 */
@Injectable()
export class ShipmentPlanner {
  constructor(private readonly orders: OrdersRepository) {}

  async plan<Line extends PricedLine>(
    lines: Line[],
    districtCode: string,
    fieldOf: (line: Line) => string,
    manager?: EntityManager,
  ): Promise<PlannedShipment<Line>[]> {
    return this.parcels(lines, await this.orders.deliveryTerms(districtCode, manager), fieldOf);
  }

  /** The parcels, with the district's terms read already (a checkout reads them together with its other reads). */
  parcels<Line extends PricedLine>(
    lines: Line[],
    { coldChain, rates }: DeliveryTerms,
    fieldOf: (line: Line) => string,
  ): PlannedShipment<Line>[] {
    const problems = (failing: Line[], problem: (line: Line) => string): FieldProblem[] =>
      failing.map((line) => ({ field: fieldOf(line), problems: [`${line.titleZh} ${line.labelZh}: ${problem(line)}`] }));
    const unavailable = lines.filter((line) => !line.buyable);
    if (unavailable.length) {
      throw new AppError(
        'LINES_UNAVAILABLE',
        'Some products in your cart are no longer on sale; remove them to check out.',
        problems(unavailable, () => 'no longer on sale'),
      );
    }
    const needsCold = lines.filter((line) => line.shippingClass !== 'AMBIENT');
    if (!coldChain && needsCold.length) {
      throw new AppError(
        'COLD_CHAIN_UNAVAILABLE',
        'Chilled and frozen goods cannot be delivered to this district yet; remove them or choose another address.',
        problems(needsCold, (line) => `${line.shippingClass.toLowerCase()} goods need cold-chain delivery`),
      );
    }
    const byCooperative = new Map<string, Line[]>();
    for (const line of lines) byCooperative.set(line.cooperativeId, [...(byCooperative.get(line.cooperativeId) ?? []), line]);
    return [...byCooperative].map(([cooperativeId, own]) => {
      const shippingClass = coldestShippingClass(own.map((line) => line.shippingClass));
      const itemsFen = sumFen(own.map((line) => line.priceFen * line.quantity));
      const weightG = sumFen(own.map((line) => line.weightG * line.quantity));
      const shipsFrom = own
        .map((line) => line.shipsFrom)
        .reduce<string | null>((latest, day) => (day && (!latest || day > latest) ? day : latest), null);
      return {
        cooperativeId,
        lines: own,
        shippingClass,
        itemsFen,
        weightG,
        shipsFrom,
        feeFen: shippingFeeFen({ itemsFen, weightG }, rates.get(shippingClass)!),
      };
    });
  }
}
