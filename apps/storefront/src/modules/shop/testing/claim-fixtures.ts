import type { Claim, ClaimLine } from '../claims';

/** A claim line: 2 of 3 boxes of eggs at ¥46.00 asked back, nothing offered or granted yet. */
export function claimLine(overrides: Partial<ClaimLine> = {}): ClaimLine {
  return {
    lineId: 'ol-1',
    titleZh: '化作村林下土鸡蛋 20枚',
    titleEn: 'Free-range eggs from Huazuo, 20',
    labelZh: '20枚装',
    unitPriceFen: 4_600,
    quantity: 3,
    askedQuantity: 2,
    offeredQuantity: null,
    grantedQuantity: null,
    ...overrides,
  };
}

/** A claim as `GET /api/claims/:id` answers: two broken boxes of eggs, waiting for the cooperative. */
export function claim(overrides: Partial<Claim> = {}): Claim {
  const lines = overrides.lines ?? [claimLine()];
  return {
    id: 'claim-1',
    status: 'OPEN',
    orderNumber: 'QH20261129-000123',
    fulfillmentId: 'f-1',
    cooperative: { id: 'coop-1', name: '化作村禽蛋合作社' },
    organisationName: null,
    reason: 'DAMAGED',
    note: '两盒鸡蛋运输中压碎',
    photos: 0,
    lines,
    askedFen: lines.reduce((sum, line) => sum + line.askedQuantity * line.unitPriceFen, 0),
    offeredFen: null,
    grantedFen: null,
    answerDueAt: new Date(Date.now() + 20 * 3_600_000).toISOString(),
    answeredAt: null,
    answerNote: null,
    decisionNote: null,
    refund: null,
    createdAt: '2026-12-14T02:30:00.000Z',
    closedAt: null,
    ...overrides,
  };
}

/** A photo's answer, as the photo routes send it. */
export function photoResponse(): Response {
  return new Response(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), { status: 200, headers: { 'content-type': 'image/png' } });
}

/**
 * Object URLs as the browser makes them, numbered, with the ones released: the photos are read as
 * blobs and shown from these. `restore()` puts the real functions back.
 */
export function captureObjectUrls() {
  const created: string[] = [];
  const revoked: string[] = [];
  const createObjectURL = globalThis.URL.createObjectURL;
  const revokeObjectURL = globalThis.URL.revokeObjectURL;
  globalThis.URL.createObjectURL = () => {
    const url = `blob:photo-${created.length + 1}`;
    created.push(url);
    return url;
  };
  globalThis.URL.revokeObjectURL = (url: string) => {
    revoked.push(url);
  };
  return {
    created,
    revoked,
    restore() {
      globalThis.URL.createObjectURL = createObjectURL;
      globalThis.URL.revokeObjectURL = revokeObjectURL;
    },
  };
}
