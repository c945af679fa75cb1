import type { CoopFulfillment } from '../modules/coop/fulfillments';
import type { Cart, CartLine, Fulfillment, Order } from '../modules/shop/orders';

const cherryCoop = { id: 'coop-1', name: '厍东关樱桃合作社', nameEn: 'Shedongguan Cherry Cooperative' };
const teaCoop = { id: 'coop-2', name: '百花坪茶叶合作社', nameEn: 'Baihuaping Tea Cooperative' };
export const cooperatives = { cherry: cherryCoop, tea: teaCoop };

/** A line of `GET /api/cart`: two 2.5 kg cherry boxes at ¥198.00 unless told otherwise. */
export function cartLine(overrides: Partial<CartLine> = {}): CartLine {
  const unitPriceFen = overrides.unitPriceFen ?? 19800;
  const quantity = overrides.quantity ?? 2;
  return {
    id: 'line-1',
    variantId: 'v-1',
    productSlug: 'shedongguan-cherry-box',
    titleZh: '厍东关玛瑙红樱桃礼盒',
    titleEn: 'Shedongguan agate-red cherry gift box',
    labelZh: '2.5 kg 礼盒',
    labelEn: '2.5 kg gift box',
    cooperative: cherryCoop,
    imageUrl: null,
    unitPriceFen,
    quantity,
    lineTotalFen: unitPriceFen * quantity,
    stockStatus: 'IN_STOCK',
    problem: null,
    ...overrides,
  };
}

/** A cart whose items total is the sum of the lines without a problem, as the API counts it. */
export function cartOf(lines: CartLine[]): Cart {
  const itemsFen = lines.filter((line) => line.problem === null).reduce((sum, line) => sum + line.lineTotalFen, 0);
  return { lines, itemsFen, maxLineQuantity: 99 };
}

export function fulfillment(overrides: Partial<Fulfillment> = {}): Fulfillment {
  return {
    id: 'f-1',
    cooperative: cherryCoop,
    status: 'PENDING',
    shippingClass: 'CHILLED',
    weightG: 6600,
    itemsFen: 39600,
    feeFen: 2500,
    shipsFrom: null,
    carrier: null,
    trackingNo: null,
    shippedAt: null,
    lines: [
      {
        id: 'ol-1',
        variantId: 'v-1',
        productSlug: 'shedongguan-cherry-box',
        titleZh: '厍东关玛瑙红樱桃礼盒',
        titleEn: 'Shedongguan agate-red cherry gift box',
        labelZh: '2.5 kg 礼盒',
        labelEn: '2.5 kg gift box',
        unitPriceFen: 19800,
        quantity: 2,
        refundedQuantity: 0,
        lineTotalFen: 39600,
        certified: true,
        shipsFrom: null,
        imageUrl: null,
        lots: [],
      },
    ],
    ...overrides,
  };
}

/** An order as `GET /api/orders/:number` answers: awaiting payment, two cooperatives' shipments. */
export function order(overrides: Partial<Order> = {}): Order {
  return {
    number: 'QH20261129-000123',
    status: 'AWAITING_PAYMENT',
    itemsFen: 52400,
    shippingFen: 3500,
    totalFen: 55900,
    linkedSalesFen: 39600,
    householdPoolFen: 3960,
    address: { name: '陈晓岚', mobile: '13800138000', districtCode: '440106', street: '天河路 385 号 12 楼 1203 室' },
    note: null,
    invoice: null,
    expiresAt: new Date(Date.now() + 30 * 60_000).toISOString(),
    paidAt: null,
    createdAt: '2026-11-29T02:00:00Z',
    fulfillments: [
      fulfillment(),
      fulfillment({
        id: 'f-2',
        cooperative: teaCoop,
        shippingClass: 'AMBIENT',
        weightG: 600,
        itemsFen: 12800,
        feeFen: 1000,
        lines: [
          {
            id: 'ol-2',
            variantId: 'v-tea',
            productSlug: 'baihuaping-tea',
            titleZh: '百花坪高山绿茶',
            titleEn: 'Baihuaping high-mountain green tea',
            labelZh: '250 g',
            labelEn: '250 g',
            unitPriceFen: 12800,
            quantity: 1,
            refundedQuantity: 0,
            lineTotalFen: 12800,
            certified: false,
            shipsFrom: null,
            imageUrl: null,
            lots: [],
          },
        ],
      }),
    ],
    cancelReason: null,
    refundedFen: 0,
    payment: { provider: 'demo', reference: 'demo-1', status: 'PENDING', failure: null, clientSecret: null, publishableKey: null },
    refunds: [],
    impact: {
      linkedSalesFen: 39600,
      poolFen: 3960,
      cooperatives: [
        {
          id: 'coop-1',
          name: cherryCoop.name,
          nameEn: cherryCoop.nameEn,
          township: '厍东关彝族白族苗族乡',
          townshipEn: 'Shedongguan',
          households: 12,
        },
      ],
      households: 12,
    },
    ...overrides,
  };
}

/** A shipment as `GET /api/coop/fulfillments` lists it for the cooperative. */
export function coopFulfillment(overrides: Partial<CoopFulfillment> = {}): CoopFulfillment {
  return {
    ...fulfillment(),
    orderNumber: 'QH20261129-000123',
    orderStatus: 'PAID',
    address: { name: '陈晓岚', mobile: '13800138000', districtCode: '440106', street: '天河路 385 号 12 楼 1203 室' },
    note: '请工作日送达',
    ...overrides,
  };
}
