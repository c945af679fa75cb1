import { baseUrl } from './browser';

/** Arranges a journey's data through the API, as a user of that role would, without clicking through it. */
export class ApiActor {
  private constructor(readonly token: string) {}

  static async signIn(email: string, password = 'demo-pass-2026'): Promise<ApiActor> {
    const response = await fetch(`${baseUrl()}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (!response.ok) throw new Error(`sign-in of ${email} failed: ${response.status}`);
    return new ApiActor(((await response.json()) as { accessToken: string }).accessToken);
  }

  async call<T>(method: string, path: string, body?: object, headers: Record<string, string> = {}): Promise<T> {
    const response = await fetch(`${baseUrl()}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) throw new Error(`${method} ${path} failed: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }
}

export const TIANHE = { name: '陈晓岚', mobile: '13800138000', districtCode: '440106', street: '天河路 385 号 12 楼 1203 室' };

/** Checks out the buyer's whole cart to 天河区, as the checkout page would: the order, awaiting payment. */
export function checkOut<T>(buyer: ApiActor): Promise<T> {
  return buyer.call<T>(
    'POST',
    '/api/checkout',
    { address: TIANHE },
    { 'idempotency-key': `journey-${Date.now()}-${Math.random().toString(36).slice(2)}` },
  );
}

/** A published product of the shop, straight from the public catalog. */
export async function catalog<T>(path: string): Promise<T> {
  const response = await fetch(`${baseUrl()}${path}`);
  if (!response.ok) throw new Error(`GET ${path} failed: ${response.status}`);
  return (await response.json()) as T;
}

interface Listed {
  slug: string;
  inStock: boolean;
  cooperative: { id: string };
  season: { inSeason: boolean };
}

/**
 * A product of `category` on sale now, from another cooperative than `notCooperativeId`, whose first
 * variant has stock to spare: the product page picks that variant, and the journeys that run before
 * may have bought the last units of a scarce one (the demo data's order among equally new products
 * changes from one database to the next).
 */
export async function plentifulProduct(
  category: string,
  notCooperativeId?: string,
): Promise<{ slug: string; cooperativeId: string; variantId: string }> {
  const { items } = await catalog<{ items: Listed[] }>(`/api/products?category=${category}&limit=50`);
  for (const item of items) {
    if (!item.inStock || !item.season.inSeason || item.cooperative.id === notCooperativeId) continue;
    const { variants } = await catalog<{ variants: { id: string; stockStatus: string }[] }>(`/api/products/${item.slug}`);
    if (variants[0]?.stockStatus === 'IN_STOCK') return { slug: item.slug, cooperativeId: item.cooperative.id, variantId: variants[0].id };
  }
  throw new Error(`no ${category} with stock to spare in the demo data`);
}

/**
 * Places an organisation's order for its first delivery site, on the first weekday every cooperative
 * and the site can make (the demo canteens take goods in on weekdays), as the order form would.
 */
export async function placeOrgOrder<T>(member: ApiActor, lines: { variantId: string; quantity: number }[]): Promise<T> {
  const sites = await member.call<{ items: { id: string }[] }>('GET', '/api/org/sites');
  const order = { siteId: sites.items[0].id, lines };
  const quote = await member.call<{ earliestDeliveryOn: string }>('POST', '/api/org/orders/quote', order);
  let day = new Date(`${quote.earliestDeliveryOn}T00:00:00Z`);
  while ([0, 6].includes(day.getUTCDay())) day = new Date(day.getTime() + 86_400_000);
  return member.call<T>(
    'POST',
    '/api/org/orders',
    { ...order, deliveryOn: day.toISOString().slice(0, 10) },
    { 'idempotency-key': `journey-${Date.now()}-${Math.random().toString(36).slice(2)}` },
  );
}

interface PendingPart {
  id: string;
  orderNumber: string;
  lines: { id: string; productSlug: string; quantity: number; refundedQuantity: number }[];
}

/**
 * A cooperative ships its part of `orderNumber` through the API, each line from the first lot of its
 * product that can still give all of it (a product with lots always ships from them).
 */
export async function shipPartOf(staff: ApiActor, orderNumber: string): Promise<void> {
  const pending = await staff.call<{ items: PendingPart[] }>('GET', '/api/coop/fulfillments?status=PENDING&limit=100');
  const part = pending.items.find((item) => item.orderNumber === orderNumber)!;
  const lots = await staff.call<{ items: { id: string; product: { slug: string }; quantity: number; shippedQuantity: number }[] }>(
    'GET',
    '/api/coop/lots?shippable=true&limit=100',
  );
  const assignments = part.lines.flatMap((line) => {
    const units = line.quantity - line.refundedQuantity;
    const lot = lots.items.find(
      (candidate) => candidate.product.slug === line.productSlug && candidate.quantity - candidate.shippedQuantity >= units,
    );
    return lot ? [{ lineId: line.id, lotId: lot.id, quantity: units }] : [];
  });
  await staff.call('POST', `/api/coop/fulfillments/${part.id}/ship`, {
    carrier: '顺丰速运',
    trackingNo: `SF${Date.now()}`,
    lots: assignments,
  });
}
