import { Injectable, Logger } from '@nestjs/common';
import { allocateByRates, formatOrderNumber, isValidCreditCode, sumFen } from '@qh/domain';
import { createHash, randomUUID } from 'node:crypto';
import type { AuthUser } from '../auth/current-user';
import { ProductsRepository } from '../catalog/products.repository';
import { AppError, FieldProblem } from '../common/app-error';
import type { AppConfig } from '../config/config';
import { InjectConfig } from '../config/config.module';
import { together, UnitOfWork, type Work } from '../database/unit-of-work';
import { InvoiceProfilesService } from '../invoices/invoice-profiles.service';
import { PaymentsService, type PaymentSummaryRow } from '../payments/payments.service';
import { CartLineRow, CartRepository } from './cart.repository';
import { MAX_LINE_QUANTITY } from './dto/cart.dto';
import { CheckoutDto, OrderDto, QuoteDto, QuoteRequestDto } from './dto/order.dto';
import { AddressesRepository } from './addresses.repository';
import { OrderTransitions } from './order-transitions';
import { OrdersRepository, type OrderWithDetails } from './orders.repository';
import { OrdersService } from './orders.service';
import { Clock } from '../config/clock';
import { ShipmentPlanner } from './shipment-planner';

const lineName = (line: CartLineRow) => `${line.titleZh} ${line.labelZh}`;
/** A cart line as a checkout's problems name it, so the cart page can mark it. */
const cartField = (line: CartLineRow) => `cart.lines.${line.id}`;
/** Some lines ask for more than is left (`details`: one problem each): nothing is ordered. For every way of ordering. */
export const stockShortage = (details: FieldProblem[]) =>
  new AppError('OUT_OF_STOCK', 'Some products do not have enough stock left; nothing was ordered.', details);
/** Cart lines without the stock they ask for. `stock` is as the checkout read it. */
const outOfStock = (short: CartLineRow[]) => stockShortage(problems(short, (line) => `only ${line.stock} left`));
/** A checkout's transaction: the order it placed, or the one its Idempotency-Key placed before, to replay. */
type Placement = { placed: OrderWithDetails } | { earlier: { number: string; requestHash: string } };
/** Addresses kept per buyer; the least recently used goes beyond this. */
const MAX_SAVED_ADDRESSES = 20;

/**
 * One checkout is one transaction: re-price the cart, check delivery, take stock with conditional
 * updates in variant order, write the order with one fulfillment per cooperative, empty the cart.
 * The payment provider is called after the commit, never while rows are locked.
 */
@Injectable()
export class CheckoutService {
  private readonly logger = new Logger(CheckoutService.name);

  constructor(
    private readonly unitOfWork: UnitOfWork,
    @InjectConfig() private readonly config: AppConfig,
    private readonly carts: CartRepository,
    private readonly orders: OrdersRepository,
    private readonly products: ProductsRepository,
    private readonly ordersView: OrdersService,
    private readonly transitions: OrderTransitions,
    private readonly payments: PaymentsService,
    private readonly addresses: AddressesRepository,
    private readonly clock: Clock,
    private readonly planner: ShipmentPlanner,
    private readonly invoiceProfiles: InvoiceProfilesService,
  ) {}

  async checkout(buyer: AuthUser, idempotencyKey: string, dto: CheckoutDto): Promise<{ order: OrderDto; replayed: boolean }> {
    if (dto.invoice && dto.invoiceProfileId) {
      throw new AppError('VALIDATION_FAILED', 'Give the invoice details or an invoice profile, not both.', [
        { field: 'invoiceProfileId', problems: ['not with invoice'] },
      ]);
    }
    if (dto.invoice && !isValidCreditCode(dto.invoice.creditCode)) {
      throw new AppError('VALIDATION_FAILED', 'invoice.creditCode has a wrong check character', [
        { field: 'invoice.creditCode', problems: ['the check character does not match'] },
      ]);
    }
    const requestHash = createHash('sha256')
      .update(JSON.stringify([dto.address, dto.note ?? null, dto.invoice ?? null, dto.lineIds ?? null, dto.invoiceProfileId ?? null]))
      .digest('hex');
    let outcome: Placement;
    try {
      outcome = await this.unitOfWork.run((work) => this.placeOrder(work, buyer, idempotencyKey, requestHash, dto));
    } catch (error) {
      const winner = await this.orders.keyRaceWinner(error, buyer.id, idempotencyKey);
      if (winner) return this.replay(buyer, winner.number, winner.requestHash, requestHash, dto.lineIds);
      throw error;
    }
    if ('earlier' in outcome) return this.replay(buyer, outcome.earlier.number, outcome.earlier.requestHash, requestHash, dto.lineIds);
    const { placed } = outcome;
    const { id: orderId, number, totalFen } = placed.order;
    let payment: PaymentSummaryRow;
    try {
      payment = await this.payments.startAtProvider({ orderId, orderNumber: number, amountFen: totalFen });
    } catch (error) {
      this.logger.warn(
        { orderNumber: number, problem: error instanceof Error ? error.message : String(error) },
        'payment could not be created',
      );
      await this.abandon(buyer, orderId);
      throw new AppError(
        'PAYMENT_PROVIDER_UNAVAILABLE',
        'Payment is not available right now. Nothing was charged and your cart is as it was; please try again in a moment.',
        undefined,
        { 'Retry-After': '30' },
      );
    }
    // A new order has no refunds, and its payment is the one just started.
    return { order: await this.ordersView.dressOne(placed, { payments: [payment], refunds: [] }), replayed: false };
  }

  /**
   * The provider could not create the payment: the order is called off at once rather than holding
   * stock until it expires, its goods go back into the cart, and its idempotency key is freed so
   * that the buyer's retry is a new attempt instead of a replay of this failure.
   */
  private async abandon(buyer: AuthUser, orderId: string): Promise<void> {
    await this.unitOfWork.run(async (work) => {
      const { manager } = work;
      const payment = await this.payments.lockForOrder(manager, { orderId });
      if (payment?.orderStatus !== 'AWAITING_PAYMENT') return;
      await this.transitions.cancel(manager, orderId, 'PAYMENT_UNAVAILABLE', buyer.id);
      await this.payments.cancelUnpaid(work, payment, { atProvider: false });
      await this.orders.releaseIdempotencyKey(manager, orderId);
      work.catalogChanged();
      await this.carts.restoreFromOrder(
        manager,
        await this.carts.findOrCreate(manager, { accountId: buyer.id }),
        orderId,
        MAX_LINE_QUANTITY,
      );
    });
  }

  /**
   * The same key again is the same order, as long as it is the same checkout: the same address, note
   * and lines, and chosen lines that are either gone from the cart (the first attempt took them) or
   * hold exactly what was ordered. Anything else is a new checkout wrongly sent with an old key.
   */
  private async replay(
    buyer: AuthUser,
    number: string,
    storedHash: string,
    requestHash: string,
    lineIds: string[] | undefined,
  ): Promise<{ order: OrderDto; replayed: boolean }> {
    const order = await this.ordersView.forBuyer(buyer, number);
    const cart = (await this.carts.lines({ accountId: buyer.id })).filter((line) => !lineIds || lineIds.includes(line.id));
    const contents = (lines: { variantId: string; quantity: number }[]) =>
      lines
        .map((line) => `${line.variantId}×${line.quantity}`)
        .sort()
        .join(',');
    const ordered = contents(order.fulfillments.flatMap((f) => f.lines));
    const inCart = contents(cart.map((line) => ({ variantId: line.variantId, quantity: line.quantity })));
    if (storedHash !== requestHash || (inCart !== '' && inCart !== ordered)) {
      throw new AppError(
        'IDEMPOTENCY_KEY_REUSED',
        'This Idempotency-Key was used for a different checkout; use a new key for a new order.',
      );
    }
    return { order, replayed: true };
  }

  /** What a checkout of the chosen lines to `districtCode` would charge now: the same computation, nothing reserved. */
  async quote(buyer: AuthUser, request: QuoteRequestDto): Promise<QuoteDto> {
    const lines = chosenLines(await this.carts.lines({ accountId: buyer.id }), request.lineIds);
    const shipments = await this.planner.plan(lines, request.districtCode, cartField);
    const itemsFen = sumFen(shipments.map((s) => s.itemsFen));
    const shippingFen = sumFen(shipments.map((s) => s.feeFen));
    return {
      parts: shipments.map((s) => ({
        cooperative: { id: s.cooperativeId, name: s.lines[0].cooperativeName, nameEn: s.lines[0].cooperativeNameEn },
        shippingClass: s.shippingClass,
        weightG: s.weightG,
        itemsFen: s.itemsFen,
        feeFen: s.feeFen,
        shipsFrom: s.shipsFrom,
      })),
      itemsFen,
      shippingFen,
      totalFen: itemsFen + shippingFen,
    };
  }

  /** The order placed, or, when `idempotencyKey` placed one already, that one's number and request to replay. */
  private async placeOrder(
    { manager, catalogChanged }: Work,
    buyer: AuthUser,
    idempotencyKey: string,
    requestHash: string,
    dto: CheckoutDto,
  ): Promise<Placement> {
    // The buyer's checkouts take turns from here: a second one at once finds the lines the first took,
    // or, sent with the same key, the order the first placed. The reads go with the lock in one round
    // trip, and run once it is taken.
    const [{ sequence, earlier, unpaid: held }, cart, deliveryTerms] = await together(manager, [
      () => this.orders.beginCheckout(manager, buyer.id, idempotencyKey),
      () => this.carts.lines({ accountId: buyer.id }, manager),
      () => this.orders.deliveryTerms(dto.address.districtCode, manager),
    ]);
    if (earlier) return { earlier };
    // Stock changes: the catalog's cached answers may show the wrong stock status.
    catalogChanged();
    const lines = chosenLines(cart, dto.lineIds);
    // Unpaid orders hold stock that nobody else can buy: one account may not hold much of it.
    if (held.orders >= this.config.maxUnpaidOrders) {
      throw new AppError(
        'TOO_MANY_UNPAID_ORDERS',
        `You have ${held.orders} unpaid orders: pay or cancel one of them before placing another.`,
      );
    }
    const units = lines.reduce((sum, line) => sum + line.quantity, 0);
    if (held.units + units > this.config.maxReservedUnits) {
      throw new AppError(
        'TOO_MANY_RESERVED_UNITS',
        `An account may hold at most ${this.config.maxReservedUnits} units in unpaid orders (${held.units} now): pay or cancel an order, or order less.`,
      );
    }

    // Sold out already: said before anything is written or locked, or delivery is worked out, so that
    // a rush on a sold-out variant costs each buyer no more than reading the cart.
    const soldOut = lines.filter((line) => line.stock < line.quantity);
    if (soldOut.length) throw outOfStock(soldOut);
    const shipments = this.planner.parcels(lines, deliveryTerms, cartField);
    // The order's pool split exactly among its lines; the payment fixes it again with certification as of then.
    const pools = allocateByRates(
      lines.map((line) => line.priceFen * line.quantity),
      lines.map((line) => (line.certified ? line.benefitRateBp : 0)),
    );
    const pool = (line: CartLineRow) => pools[lines.indexOf(line)];

    const number = formatOrderNumber(this.clock.now(), sequence);
    const orderId = randomUUID();
    const invoice = dto.invoiceProfileId
      ? await this.invoiceProfiles.forOrder({ accountId: buyer.id }, dto.invoiceProfileId, manager)
      : dto.invoice
        ? this.invoiceProfiles.typedIn(dto.invoice.title, dto.invoice.creditCode)
        : null;
    const totalFen = sumFen(shipments.map((s) => s.itemsFen + s.feeFen));
    // The writes need no answer but the address's, and the order as its buyer sees it is read behind
    // them (all but the payment's reference, which comes after the commit): one round trip for all.
    const [, , , , placed] = await together(manager, [
      () =>
        this.orders.insertOrder(manager, {
          id: orderId,
          number,
          buyerId: buyer.id,
          address: dto.address,
          note: dto.note ?? null,
          invoice,
          itemsFen: sumFen(shipments.map((s) => s.itemsFen)),
          shippingFen: sumFen(shipments.map((s) => s.feeFen)),
          linkedSalesFen: sumFen(lines.filter((line) => line.certified).map((line) => line.priceFen * line.quantity)),
          householdPoolFen: sumFen(lines.map(pool)),
          idempotencyKey,
          requestHash,
          reservationMinutes: this.config.orderReservationMinutes,
        }),
      () => this.orders.insertParts(manager, orderId, shipments, pool),
      () =>
        this.carts.removeLines(
          manager,
          lines[0].cartId,
          lines.map((line) => line.id),
        ),
      () => this.payments.open(manager, orderId, totalFen),
      () => this.orders.findWithDetails(manager, orderId),
      // Last: a new address takes a few more statements, sent once the first has answered.
      () => this.addresses.remember(manager, buyer.id, dto.address, MAX_SAVED_ADDRESSES),
    ]);
    // Last, sent with the commit: the variants' rows stay locked from here to the commit, and every
    // other checkout of the same goods waits for them (all of them, in a flash sale).
    await this.products.reserveStock(
      manager,
      orderId,
      buyer.id,
      lines.map((line) => ({ variantId: line.variantId, quantity: line.quantity })),
      (short) => outOfStock(lines.filter((line) => short.has(line.variantId))),
    );
    return { placed: placed! };
  }
}

/**
 * The cart lines a checkout or quote is for: those ticked (`lineIds`), or the whole cart. A ticked
 * line that is no longer in the cart (removed in another tab) is refused rather than left out.
 */
function chosenLines(cart: CartLineRow[], lineIds: string[] | undefined): CartLineRow[] {
  const lines = lineIds ? cart.filter((line) => lineIds.includes(line.id)) : cart;
  const missing = lineIds?.filter((id) => !cart.some((line) => line.id === id)) ?? [];
  if (missing.length) {
    throw new AppError(
      'LINES_UNAVAILABLE',
      'Some of the chosen lines are no longer in your cart; look at the cart again.',
      missing.map((id) => ({ field: `cart.lines.${id}`, problems: ['not in the cart'] })),
    );
  }
  if (lines.length === 0) throw new AppError('CART_EMPTY', 'Your cart is empty.');
  return lines;
}

/** One problem per cart line, named by the cart line's id so the cart page can mark it. */
function problems(lines: CartLineRow[], problem: (line: CartLineRow) => string): FieldProblem[] {
  return lines.map((line) => ({ field: cartField(line), problems: [`${lineName(line)}: ${problem(line)}`] }));
}
