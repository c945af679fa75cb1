import type { components } from '@qh/api-client';

/** A lot's public page, as `GET /api/lots/{code}` answers it: the page a box label's QR code opens. */
export type PublicLot = components['schemas']['PublicLotDto'];

/** The signed-in buyer's (or their organisation's) order lines that received the lot. */
export type MyLotLine = components['schemas']['MyLotLineDto'];

export function lotPath(code: string): string {
  return `/lot/${encodeURIComponent(code)}`;
}

/** Where the lot's test report downloads, for anyone. */
export function lotReportUrl(code: string): string {
  return `/api/lots/${encodeURIComponent(code)}/report`;
}
