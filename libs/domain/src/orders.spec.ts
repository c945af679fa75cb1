import fc from 'fast-check';
import {
  CARRIERS,
  isTrackingNumberOf,
  ORDER_STATUSES,
  ORDER_TRANSITIONS,
  coldestShippingClass,
  formatOrderNumber,
  isMainlandMobile,
  nextOrderStatus,
  shipmentTransition,
  shippingFeeFen,
  type OrderStatus,
  type OrderTransition,
} from './orders';

const transitions = Object.keys(ORDER_TRANSITIONS) as OrderTransition[];

/**
 * Walks the machine from where orders start (AWAITING_PAYMENT; AWAITING_APPROVAL for an
 * organisation's order that needs approval; ON_ACCOUNT for one with credit terms that does not)
 * through random transitions, skipping illegal ones.
 */
const walks = fc
  .tuple(
    fc.constantFrom<OrderStatus>('AWAITING_PAYMENT', 'AWAITING_APPROVAL', 'ON_ACCOUNT'),
    fc.array(fc.constantFrom(...transitions), { maxLength: 15 }),
  )
  .map(([start, steps]) => {
    const path: { from: OrderStatus; transition: OrderTransition; to: OrderStatus }[] = [];
    let status: OrderStatus = start;
    for (const transition of steps) {
      const to = nextOrderStatus(status, transition);
      if (to) path.push({ from: status, transition, to });
      status = to ?? status;
    }
    return { start, path, status };
  });

/** Where in a walk the order was paid online or confirmed on account: -1 before the first step (it started on account), null never. */
function committedAt(start: OrderStatus, path: { transition: OrderTransition }[]): number | null {
  if (start === 'ON_ACCOUNT') return -1;
  const at = path.findIndex((step) => step.transition === 'pay' || step.transition === 'approveOnAccount');
  return at === -1 ? null : at;
}

describe('nextOrderStatus', () => {
  it('follows an order from payment to completion', () => {
    expect(nextOrderStatus('AWAITING_PAYMENT', 'pay')).toBe('PAID');
    expect(nextOrderStatus('PAID', 'shipPart')).toBe('PARTIALLY_SHIPPED');
    expect(nextOrderStatus('PARTIALLY_SHIPPED', 'shipLast')).toBe('SHIPPED');
    expect(nextOrderStatus('SHIPPED', 'complete')).toBe('COMPLETED');
  });

  it('rejects every transition not in the table', () => {
    for (const status of ORDER_STATUSES) {
      for (const transition of transitions) {
        const allowed = (ORDER_TRANSITIONS[transition].from as readonly OrderStatus[]).includes(status);
        expect([status, transition, nextOrderStatus(status, transition) !== null]).toEqual([status, transition, allowed]);
      }
    }
  });

  it('never cancels an order once a part has shipped (property)', () => {
    fc.assert(
      fc.property(walks, ({ path }) =>
        path.every(
          (step) => step.to !== 'CANCELLED' || ['AWAITING_APPROVAL', 'AWAITING_PAYMENT', 'ON_ACCOUNT', 'PAID'].includes(step.from),
        ),
      ),
    );
  });

  it('never ships or completes an order that was neither paid nor confirmed on account (property)', () => {
    fc.assert(
      fc.property(walks, ({ start, path }) => {
        const at = committedAt(start, path);
        return path.every((step, i) => !['PARTIALLY_SHIPPED', 'SHIPPED', 'COMPLETED'].includes(step.to) || (at !== null && at < i));
      }),
    );
  });

  it('never asks an order on account for an online payment, and settles it only from ON_ACCOUNT (property)', () => {
    fc.assert(
      fc.property(walks, ({ start, path }) => {
        const onAccount = start === 'ON_ACCOUNT' || path.some((step) => step.transition === 'approveOnAccount');
        return (
          (!onAccount || path.every((step) => step.transition !== 'pay')) &&
          path.every((step) => step.transition !== 'settle' || step.from === 'ON_ACCOUNT')
        );
      }),
    );
    expect(nextOrderStatus('ON_ACCOUNT', 'settle')).toBe('PAID');
    expect(nextOrderStatus('ON_ACCOUNT', 'shipPart')).toBe('PARTIALLY_SHIPPED');
  });

  it('leaves cancelled and refunded orders where they are, and completed ones except for a full refund (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<OrderStatus>('CANCELLED', 'REFUNDED', 'COMPLETED'),
        fc.constantFrom(...transitions),
        (status, transition) => nextOrderStatus(status, transition) === null || (status === 'COMPLETED' && transition === 'refundAll'),
      ),
    );
  });

  it('takes no payment for an order waiting for approval until an approver approves it (property)', () => {
    expect(nextOrderStatus('AWAITING_APPROVAL', 'pay')).toBeNull();
    fc.assert(
      fc.property(walks, ({ start, path }) => {
        if (start !== 'AWAITING_APPROVAL') return true;
        const approvedAt = path.findIndex((step) => step.transition === 'approve');
        return path.every((step, i) => step.transition !== 'pay' || (approvedAt !== -1 && approvedAt < i));
      }),
    );
  });

  it('ends an order waiting for approval by approval, rejection, expiry or cancellation only', () => {
    expect(transitions.filter((transition) => nextOrderStatus('AWAITING_APPROVAL', transition)).sort()).toEqual([
      'approve',
      'approveOnAccount',
      'cancel',
      'expireApproval',
      'reject',
    ]);
  });

  it('lets the buyer confirm receipt only once everything still coming has shipped', () => {
    expect(ORDER_STATUSES.filter((status) => nextOrderStatus(status, 'complete'))).toEqual(['SHIPPED']);
  });

  it('refunds (or credits) only orders that were paid or confirmed on account (property)', () => {
    fc.assert(
      fc.property(walks, ({ start, path }) => {
        const at = committedAt(start, path);
        return path.every((step, i) => !step.transition.startsWith('refund') || (at !== null && at < i));
      }),
    );
  });
});

describe('shipmentTransition', () => {
  it('ships the order when the last of its parts ships', () => {
    expect(shipmentTransition(1, 2)).toBe('shipPart');
    expect(shipmentTransition(2, 2)).toBe('shipLast');
    expect(shipmentTransition(1, 1)).toBe('shipLast');
  });
});

describe('isMainlandMobile', () => {
  it('accepts 11-digit numbers starting 13 to 19', () => {
    expect(['13800138000', '19912345678'].map(isMainlandMobile)).toEqual([true, true]);
  });

  it('refuses landlines, short numbers, 12… prefixes and spaces', () => {
    expect(['020-38888888', '1380013800', '12800138000', '138 0013 8000', '+8613800138000'].map(isMainlandMobile)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('formatOrderNumber', () => {
  it('uses the day in China, so an order at 23:30 UTC belongs to the next day', () => {
    expect(formatOrderNumber(new Date('2026-11-29T15:59:59Z'), 123)).toBe('QH20261129-000123');
    expect(formatOrderNumber(new Date('2026-11-29T16:00:00Z'), 123)).toBe('QH20261130-000123');
  });

  it('widens beyond six digits instead of wrapping', () => {
    expect(formatOrderNumber(new Date('2026-11-29T00:00:00Z'), 1_234_567)).toBe('QH20261129-1234567');
  });
});

describe('coldestShippingClass', () => {
  it('ships a box of tea and cherries chilled, and frozen pork with them frozen', () => {
    expect(coldestShippingClass(['AMBIENT', 'CHILLED'])).toBe('CHILLED');
    expect(coldestShippingClass(['CHILLED', 'FROZEN', 'AMBIENT'])).toBe('FROZEN');
  });
});

describe('shippingFeeFen', () => {
  const rate = { baseFen: 1200, baseWeightG: 1000, perExtraKgFen: 400, freeOverFen: 9900 };

  it('charges the base fee up to the base weight and each started kilogram beyond it', () => {
    expect(shippingFeeFen({ itemsFen: 5000, weightG: 1000 }, rate)).toBe(1200);
    expect(shippingFeeFen({ itemsFen: 5000, weightG: 1001 }, rate)).toBe(1600);
    expect(shippingFeeFen({ itemsFen: 5000, weightG: 3500 }, rate)).toBe(2400);
  });

  it('ships free from the threshold on', () => {
    expect(shippingFeeFen({ itemsFen: 9900, weightG: 8000 }, rate)).toBe(0);
    expect(shippingFeeFen({ itemsFen: 9900, weightG: 8000 }, { ...rate, freeOverFen: null })).toBe(4000);
  });

  it('never charges less for a heavier parcel below the threshold (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50_000 }),
        fc.integer({ min: 0, max: 50_000 }),
        (weightG, extraG) =>
          shippingFeeFen({ itemsFen: 1, weightG: weightG + extraG }, rate) >= shippingFeeFen({ itemsFen: 1, weightG }, rate),
      ),
    );
  });
});

describe('isTrackingNumberOf', () => {
  it('checks a known carrier’s tracking numbers by their shape, and any other carrier’s loosely', () => {
    expect(isTrackingNumberOf('顺丰速运', 'SF1234567890123')).toBe(true);
    expect(isTrackingNumberOf('顺丰速运', 'SF12345')).toBe(false);
    expect(isTrackingNumberOf('顺丰速运', '75312345678901')).toBe(false);
    expect(isTrackingNumberOf('中通快递', '75312345678901')).toBe(true);
    expect(isTrackingNumberOf('中国邮政 EMS', 'EA123456789CN')).toBe(true);
    expect(isTrackingNumberOf('本地冷链车队', 'NY-0001')).toBe(true);
    expect(isTrackingNumberOf('本地冷链车队', 'NY 0001')).toBe(false);
  });

  it('accepts each carrier’s own example', () => {
    for (const carrier of CARRIERS) expect([carrier.name, isTrackingNumberOf(carrier.name, carrier.example)]).toEqual([carrier.name, true]);
  });
});
