import { Injectable, Logger } from '@nestjs/common';
import {
  allocateByRates,
  deliveryDayProblems,
  earliestDeliveryDay,
  formatOrderNumber,
  lastDeliveryDay,
  needsApproval,
  nextOrderStatus,
  sumFen,
  type DeliveryPart,
  type OrderTransition,
} from '@qh/domain';
import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Acting, AuthUser } from '../auth/current-user';
import { ProductsRepository } from '../catalog/products.repository';
import { AppError, type FieldProblem } from '../common/app-error';
import { decodeCursor, keysetPage } from '../common/keyset-cursor';
import type { AppConfig } from '../config/config';
import { InjectConfig } from '../config/config.module';
import { Clock } from '../config/clock';
import { UnitOfWork, type Work } from '../database/unit-of-work';
import { InvoiceProfilesService } from '../invoices/invoice-profiles.service';
import { Outbox } from '../notifications/outbox';
import { CreditService } from '../billing/credit.service';
import { Memberships } from '../organisations/memberships.service';
import { SitesService } from '../organisations/sites.service';
import { PaymentsService } from '../payments/payments.service';
import { CartRepository, type PricedLine } from './cart.repository';
import { stockShortage } from './checkout.service';
import type {
  OrgOrderDto,
  OrgOrderPageDto,
  OrgOrderQueryDto,
  OrgOrderRequestDto,
  OrgQuoteDto,
  OrgQuoteRequestDto,
} from './dto/org-order.dto';
import { OrderTransitions } from './order-transitions';
import { OrdersRepository, type OrderRow } from './orders.repository';
import { OrdersService } from './orders.service';
import { ShipmentPlanner, type PlannedShipment } from './shipment-planner';

/** Orders of one organisation waiting for a decision or a payment at a time: each holds stock. */
const MAX_OPEN_ORDERS = 20;
const DEFAULT_PAGE_SIZE = 20;

type IndexedLine = PricedLine & { index: number };

const DELIVERY_PROBLEM_TEXT = {
  TOO_SOON: 'is sooner than a cooperative can deliver (its lead days, or a pre-sale not shipping yet)',
  TOO_FAR: 'is more than 60 days ahead',
  OUT_OF_SEASON: 'is after the season of a product ends',
  SITE_CLOSED: 'is a day the site does not take deliveries',
} as const;

/**
 * An organisation's orders (单位采购): a purchaser orders by the case for a delivery site and day,
 * priced with the variants' price breaks and taking stock exactly as a checkout does; at or above the
 * organisation's threshold the order waits for an approver, holding its stock until the hold runs out.
 * Approved (or below the threshold) it is paid online like a buyer's order, or, when the organisation has
 * credit terms, confirmed on account: it goes to the cooperatives at once and is settled by bank transfer.
 */
@Injectable()
export class OrgOrdersService {
  private readonly logger = new Logger(OrgOrdersService.name);

  constructor(
    private readonly unitOfWork: UnitOfWork,
    @InjectConfig() private readonly config: AppConfig,
    private readonly memberships: Memberships,
    private readonly sites: SitesService,
    private readonly carts: CartRepository,
    private readonly planner: ShipmentPlanner,
    private readonly orders: OrdersRepository,
    private readonly products: ProductsRepository,
    private readonly ordersView: OrdersService,
    private readonly transitions: OrderTransitions,
    private readonly payments: PaymentsService,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly credit: CreditService,
    private readonly invoiceProfiles: InvoiceProfilesService,
  ) {}

  async quote(user: AuthUser, dto: OrgQuoteRequestDto): Promise<OrgQuoteDto> {
    const membership = await this.memberships.require(user, ['PURCHASER']);
    return this.unitOfWork.run(async ({ manager }) => {
      const site = await this.siteOf(manager, membership.organisationId, dto.siteId);
      const { lines, shipments } = await this.plan(manager, dto, site.districtCode);
      const today = this.clock.today();
      const parts = shipments.map((shipment) => ({ shipment, delivery: deliveryPart(shipment) }));
      const itemsFen = sumFen(shipments.map((s) => s.itemsFen));
      const shippingFen = sumFen(shipments.map((s) => s.feeFen));
      return {
        lines: lines.map((line) => ({
          variantId: line.variantId,
          titleZh: line.titleZh,
          titleEn: line.titleEn,
          labelZh: line.labelZh,
          labelEn: line.labelEn,
          cooperative: { id: line.cooperativeId, name: line.cooperativeName, nameEn: line.cooperativeNameEn },
          quantity: line.quantity,
          basePriceFen: line.basePriceFen,
          unitPriceFen: line.priceFen,
          lineTotalFen: line.priceFen * line.quantity,
          priceBreaks: line.priceBreaks,
          stock: line.stock,
        })),
        parts: parts.map(({ shipment, delivery }) => ({
          cooperative: { id: shipment.cooperativeId, name: shipment.lines[0].cooperativeName, nameEn: shipment.lines[0].cooperativeNameEn },
          shippingClass: shipment.shippingClass,
          weightG: shipment.weightG,
          itemsFen: shipment.itemsFen,
          feeFen: shipment.feeFen,
          shipsFrom: shipment.shipsFrom,
          leadDays: delivery.leadDays,
          earliestDeliveryOn: earliestDeliveryDay(today, delivery),
          lastDeliveryOn: lastDeliveryDay(delivery),
        })),
        itemsFen,
        shippingFen,
        totalFen: itemsFen + shippingFen,
        earliestDeliveryOn: parts
          .map(({ delivery }) => earliestDeliveryDay(today, delivery))
          .sort()
          .at(-1)!,
        needsApproval: needsApproval(itemsFen + shippingFen, membership.approvalThresholdFen),
        deliveryProblems: dto.deliveryOn
          ? deliveryDayProblems(
              dto.deliveryOn,
              today,
              parts.map((part) => part.delivery),
              site.receivingWindows,
            )
          : [],
      };
    });
  }

  /**
   * Places the order in one transaction, as a checkout does; the same Idempotency-Key again is the
   * same order. Below the threshold its payment is started after the commit.
   */
  async submit(user: Acting, idempotencyKey: string, dto: OrgOrderRequestDto): Promise<{ order: OrgOrderDto; replayed: boolean }> {
    const membership = await this.memberships.require(user, ['PURCHASER']);
    if (membership.status !== 'VERIFIED') {
      throw new AppError('ORGANISATION_STATUS_CONFLICT', 'Your organisation can order once the platform has verified it.');
    }
    const requestHash = createHash('sha256')
      .update(
        JSON.stringify([
          'org',
          dto.siteId,
          dto.deliveryOn,
          dto.note ?? null,
          dto.lines.map((l) => [l.variantId, l.quantity]),
          dto.invoiceProfileId ?? null,
        ]),
      )
      .digest('hex');
    const earlier = await this.orders.findByKey(user.id, idempotencyKey);
    if (earlier) return { order: await this.replay(earlier, requestHash), replayed: true };

    let placed: { orderId: string; number: string; totalFen: number; awaitingApproval: boolean; onAccount: boolean };
    try {
      placed = await this.unitOfWork.run((work) => {
        work.catalogChanged();
        return this.place(work.manager, user, membership, idempotencyKey, requestHash, dto);
      });
    } catch (error) {
      const winner = await this.orders.keyRaceWinner(error, user.id, idempotencyKey);
      if (winner) return { order: await this.replay(winner, requestHash), replayed: true };
      throw error;
    }
    if (!placed.awaitingApproval && !placed.onAccount) await this.startPayment(placed);
    return { order: await this.view(placed.orderId), replayed: false };
  }

  async list(user: AuthUser, query: OrgOrderQueryDto): Promise<OrgOrderPageDto> {
    const { organisationId } = await this.memberships.require(user);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = query.cursor ? decodeCursor(query.cursor, 'orders') : undefined;
    const page = keysetPage(
      await this.orders.listForOrganisation(organisationId, limit + 1, after, query.status),
      limit,
      'orders',
      (row) => row,
    );
    return { items: await this.dress(page.items), nextCursor: page.nextCursor };
  }

  /** Any member sees any of the organisation's orders; another organisation's number answers as no order at all. */
  async get(user: AuthUser, number: string): Promise<OrgOrderDto> {
    const { organisationId } = await this.memberships.require(user);
    const order = await this.orders.findByNumber(number);
    if (!order || order.organisationId !== organisationId) throw new AppError('ORDER_NOT_FOUND', 'No such order.');
    return (await this.dress([order]))[0];
  }

  /**
   * An approver agrees: the order is to be paid now, holding its stock for the usual reservation, or,
   * on account, goes to the cooperatives at once. Someone else than the purchaser decides, unless
   * nobody else in the organisation may approve.
   */
  async approve(user: Acting, number: string): Promise<OrgOrderDto> {
    const started = await this.decide(user, number, 'approve', async (work, order) => {
      await this.transitions.approved(work.manager, order, { by: user.id, reservationMinutes: this.config.orderReservationMinutes });
      if (order.onAccount) {
        await this.payments.openOnAccount(work.manager, order.id, order.totalFen);
        return null;
      }
      await this.payments.open(work.manager, order.id, order.totalFen);
      return { orderId: order.id, number, totalFen: order.totalFen };
    });
    if (started) await this.startPayment(started);
    return this.get(user, number);
  }

  /** An approver says no, with a reason the purchaser reads: the order is cancelled and its stock goes back. */
  async reject(user: Acting, number: string, reason: string): Promise<OrgOrderDto> {
    await this.decide(user, number, 'reject', async (work, order) => {
      await this.transitions.rejected(work.manager, order, { by: user.id, reason: reason.trim() });
      work.catalogChanged();
    });
    return this.get(user, number);
  }

  /**
   * The purchaser who placed it, or a manager, calls it off before anything ships: the stock goes
   * back; a started payment is stopped, a paid one refunded in full.
   */
  async cancel(user: Acting, number: string): Promise<OrgOrderDto> {
    const membership = await this.memberships.require(user, ['PURCHASER', 'MANAGER']);
    await this.unitOfWork.run(async (work) => {
      const order = await this.lockOwn(work.manager, membership.organisationId, number);
      if (order.buyerId !== user.id && !membership.roles.includes('MANAGER')) {
        throw new AppError('ORGANISATION_ROLE_REQUIRED', 'Only the purchaser who placed it or a manager may cancel this order.');
      }
      if (!nextOrderStatus(order.status, 'cancel'))
        throw new AppError('ORDER_STATUS_CONFLICT', `A ${order.status} order cannot be cancelled.`);
      await this.ordersView.cancelLocked(work, order.id, user.id);
    });
    return this.get(user, number);
  }

  /** Starts the payment of an approved order at the provider again, if starting it after the approval failed. */
  async resumePayment(user: Acting, number: string): Promise<OrgOrderDto> {
    const order = await this.get(user, number);
    if (order.status !== 'AWAITING_PAYMENT')
      throw new AppError('ORDER_STATUS_CONFLICT', `A ${order.status} order is not waiting for payment.`);
    if (!order.payment?.reference) {
      const row = (await this.orders.findByNumber(number))!;
      await this.startPayment({ orderId: row.id, number, totalFen: row.totalFen });
    }
    return this.get(user, number);
  }

  private async place(
    manager: EntityManager,
    user: Acting,
    membership: { organisationId: string; organisationName: string; approvalThresholdFen: number; approvalHoldHours: number },
    idempotencyKey: string,
    requestHash: string,
    dto: OrgOrderRequestDto,
  ): Promise<{ orderId: string; number: string; totalFen: number; awaitingApproval: boolean; onAccount: boolean }> {
    if ((await this.orders.lockAndCountOpen(manager, membership.organisationId)) >= MAX_OPEN_ORDERS) {
      throw new AppError(
        'TOO_MANY_UNPAID_ORDERS',
        `Your organisation has ${MAX_OPEN_ORDERS} orders waiting for approval or payment: settle some before placing another.`,
      );
    }
    const site = await this.siteOf(manager, membership.organisationId, dto.siteId);
    const { lines, shipments } = await this.plan(manager, dto, site.districtCode);
    const problems = deliveryDayProblems(dto.deliveryOn, this.clock.today(), shipments.map(deliveryPart), site.receivingWindows);
    if (problems.length) {
      const earliest = shipments
        .map((s) => earliestDeliveryDay(this.clock.today(), deliveryPart(s)))
        .sort()
        .at(-1);
      throw new AppError(
        'DELIVERY_DATE_UNAVAILABLE',
        `${dto.deliveryOn} does not work for this order; the earliest day every cooperative can deliver is ${earliest}.`,
        [
          {
            field: 'deliveryOn',
            problems: problems.map((problem) => `${dto.deliveryOn} ${DELIVERY_PROBLEM_TEXT[problem]}`),
            rules: problems,
          },
        ],
      );
    }
    const pools = allocateByRates(
      lines.map((line) => line.priceFen * line.quantity),
      lines.map((line) => (line.certified ? line.benefitRateBp : 0)),
    );
    const itemsFen = sumFen(shipments.map((s) => s.itemsFen));
    const shippingFen = sumFen(shipments.map((s) => s.feeFen));
    const totalFen = itemsFen + shippingFen;
    const awaitingApproval = needsApproval(totalFen, membership.approvalThresholdFen);
    // Under the organisation's order lock (taken above), so that two orders at once cannot both fit under its limit.
    const onAccount = await this.credit.allowOnAccount(manager, membership.organisationId, totalFen);
    const number = formatOrderNumber(this.clock.now(), await this.orders.nextSequence(manager));
    const orderId = randomUUID();
    await this.orders.insertOrder(manager, {
      id: orderId,
      number,
      buyerId: user.id,
      address: {
        name: site.contactName,
        mobile: site.contactMobile,
        districtCode: site.districtCode,
        street: site.street,
        siteName: site.name,
      },
      note: dto.note ?? null,
      invoice: dto.invoiceProfileId
        ? await this.invoiceProfiles.forOrder({ organisationId: membership.organisationId }, dto.invoiceProfileId, manager)
        : null,
      itemsFen,
      shippingFen,
      linkedSalesFen: sumFen(lines.filter((line) => line.certified).map((line) => line.priceFen * line.quantity)),
      householdPoolFen: sumFen(pools),
      idempotencyKey,
      requestHash,
      reservationMinutes: awaitingApproval ? membership.approvalHoldHours * 60 : this.config.orderReservationMinutes,
      organisation: { id: membership.organisationId, siteId: site.id, deliveryOn: dto.deliveryOn, awaitingApproval, onAccount },
    });
    await this.orders.insertParts(manager, orderId, shipments, (line) => pools[line.index]);
    // Sent with the commit, after the rest of this transaction: as a checkout's (see CheckoutService).
    await this.products.reserveStock(manager, orderId, user.id, lines, (short) =>
      stockShortage(lines.filter((line) => short.has(line.variantId)).map((line) => lineProblem(line, `only ${line.stock} left`))),
    );
    const order = { id: orderId, number, buyerId: user.id, totalFen, organisationId: membership.organisationId };
    if (awaitingApproval) {
      for (const approver of await this.memberships.withRole(manager, membership.organisationId, 'APPROVER')) {
        await this.outbox.write(manager, {
          topic: 'ORDER_AWAITING_APPROVAL',
          dedupeKey: `ORDER_AWAITING_APPROVAL:${orderId}:${approver}`,
          accountId: approver,
          orderId,
          payload: { orderNumber: number, amountFen: totalFen, organisationName: membership.organisationName, deliveryOn: dto.deliveryOn },
        });
      }
    } else if (onAccount) {
      await this.payments.openOnAccount(manager, order.id, totalFen);
    } else {
      await this.payments.open(manager, order.id, totalFen);
    }
    return { orderId, number, totalFen, awaitingApproval, onAccount };
  }

  /** The lines priced (breaks included) and split into one delivery per cooperative, each variant once. */
  private async plan(manager: EntityManager, dto: { lines: { variantId: string; quantity: number }[] }, districtCode: string) {
    const repeated = dto.lines.findIndex((line, i) => dto.lines.findIndex((other) => other.variantId === line.variantId) !== i);
    if (repeated !== -1) {
      throw new AppError('VALIDATION_FAILED', 'A product variant appears on two lines; put all its units on one.', [
        { field: `lines.${repeated}.variantId`, problems: ['this variant is on another line already'], rules: ['unique'] },
      ]);
    }
    const found = await this.carts.variantLines(dto.lines, manager);
    const lines: IndexedLine[] = found.map((line) => ({ ...line, index: dto.lines.findIndex((l) => l.variantId === line.variantId) }));
    const missing = dto.lines
      .map((line, index) => ({ ...line, index }))
      .filter((line) => !found.some((f) => f.variantId === line.variantId));
    if (missing.length) {
      throw new AppError(
        'LINES_UNAVAILABLE',
        'Some products are not on sale; remove them to order.',
        missing.map((line) => ({ field: `lines.${line.index}.variantId`, problems: ['no such product variant'] })),
      );
    }
    const shipments = await this.planner.plan(lines, districtCode, (line) => `lines.${line.index}`, manager);
    return { lines, shipments };
  }

  private async siteOf(manager: EntityManager, organisationId: string, siteId: string) {
    const site = await this.sites.forOrder(manager, organisationId, siteId);
    if (!site) throw new AppError('DELIVERY_SITE_NOT_FOUND', 'No such delivery site of your organisation.');
    return site;
  }

  /** Locks one of the organisation's orders by number; another organisation's is as unknown. */
  private async lockOwn(manager: EntityManager, organisationId: string, number: string) {
    const order = await this.orders.lockByNumber(manager, number);
    if (!order || order.organisationId !== organisationId) throw new AppError('ORDER_NOT_FOUND', 'No such order.');
    return order;
  }

  /** An approver's decision on a locked order still waiting for one. */
  private async decide<T>(
    user: Acting,
    number: string,
    transition: Extract<OrderTransition, 'approve' | 'reject'>,
    apply: (work: Work, order: { id: string; number: string; buyerId: string; totalFen: number; onAccount: boolean }) => Promise<T>,
  ): Promise<T> {
    const membership = await this.memberships.require(user, ['APPROVER']);
    return this.unitOfWork.run(async (work) => {
      const order = await this.lockOwn(work.manager, membership.organisationId, number);
      if (!nextOrderStatus(order.status, transition) || order.expired) {
        throw new AppError(
          'ORDER_STATUS_CONFLICT',
          order.expired && order.status === 'AWAITING_APPROVAL'
            ? 'Nobody decided on this order in time; it is being cancelled.'
            : `A ${order.status} order is not waiting for approval.`,
        );
      }
      if (order.buyerId === user.id) {
        const approvers = await this.memberships.withRole(work.manager, membership.organisationId, 'APPROVER');
        if (approvers.some((approver) => approver !== user.id)) {
          throw new AppError('SELF_APPROVAL', 'Another approver of your organisation decides on an order you placed.');
        }
      }
      return apply(work, { id: order.id, number, buyerId: order.buyerId, totalFen: order.totalFen, onAccount: order.onAccount });
    });
  }

  /**
   * The payment at the provider, after the commit. If the provider cannot take it now, the order
   * stays waiting for payment until it expires; the purchaser may start it again (resumePayment).
   */
  private async startPayment(order: { orderId: string; number: string; totalFen: number }): Promise<void> {
    try {
      await this.payments.startAtProvider({ orderId: order.orderId, orderNumber: order.number, amountFen: order.totalFen });
    } catch (error) {
      this.logger.warn(
        { orderNumber: order.number, problem: error instanceof Error ? error.message : String(error) },
        'payment could not be created; the purchaser can start it again',
      );
    }
  }

  private async replay(order: OrderRow, requestHash: string): Promise<OrgOrderDto> {
    if (order.requestHash !== requestHash || !order.organisationId) {
      throw new AppError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for a different order; use a new key for a new order.');
    }
    return this.view(order.id);
  }

  private async view(orderId: string): Promise<OrgOrderDto> {
    return (await this.dress([(await this.orders.findById(orderId))!]))[0];
  }

  private async dress(rows: OrderRow[]): Promise<OrgOrderDto[]> {
    const orders = await this.ordersView.dress(rows);
    const people = new Map(
      (await this.orders.emailsOf(rows.flatMap((row) => [row.buyerId, ...(row.decidedBy ? [row.decidedBy] : [])]))).map((p) => [
        p.id,
        p.email,
      ]),
    );
    const person = (id: string) => ({ accountId: id, email: people.get(id) ?? '' });
    return rows.map((row, i) => ({
      ...orders[i],
      site: { id: row.deliverySiteId!, name: (row.address as { siteName?: string }).siteName ?? '' },
      deliveryOn: row.deliveryOn!,
      placedBy: person(row.buyerId),
      decidedBy: row.decidedBy ? person(row.decidedBy) : null,
      decidedAt: row.decidedAt?.toISOString() ?? null,
      rejectionReason: row.rejectionReason,
      onAccount: row.onAccount,
    }));
  }
}

/** What decides when a cooperative's delivery can arrive: its lead days, pre-sale and the end of its seasonal goods. */
function deliveryPart(shipment: PlannedShipment<PricedLine>): DeliveryPart {
  const lastSaleDays = shipment.lines.map((line) => line.lastSaleDay).filter((day): day is string => day !== null);
  return {
    leadDays: shipment.lines[0].leadDays,
    shipsFrom: shipment.shipsFrom,
    lastSaleDay: lastSaleDays.length ? lastSaleDays.sort()[0] : null,
  };
}

function lineProblem(line: IndexedLine, problem: string): FieldProblem {
  return { field: `lines.${line.index}`, problems: [`${line.titleZh} ${line.labelZh}: ${problem}`] };
}
