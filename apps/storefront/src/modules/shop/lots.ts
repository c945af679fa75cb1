import type { components } from '@qh/api-client';

type PublicLotDto = components['schemas']['PublicLotDto'];

/**
 * A lot's public page, as `GET /api/lots/{code}` answers it: the page a box label's QR code opens.
 * The generated schema leaves three objects untyped (`Record<string, never>`); their shapes are the API's.
 */
export type PublicLot = Omit<PublicLotDto, 'cooperative' | 'township' | 'recall'> & {
  cooperative: { id: string; nameZh: string; nameEn: string };
  township: { code: string; name: string };
  /** Once an admin recalled the lot: when, and what buyers are told. */
  recall: { at: string; notice: string } | null;
};

/** The signed-in buyer's (or their organisation's) order lines that received the lot. */
export type MyLotLine = components['schemas']['MyLotLineDto'];

export function lotPath(code: string): string {
  return `/lot/${encodeURIComponent(code)}`;
}

/** Where the lot's test report downloads, for anyone. */
export function lotReportUrl(code: string): string {
  return `/api/lots/${encodeURIComponent(code)}/report`;
}
