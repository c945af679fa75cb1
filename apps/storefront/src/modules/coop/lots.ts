import type { components } from '@qh/api-client';
import { api, unwrap } from '../../api';
import { coopErrorKey } from './coop-api';

/** 批次: what the cooperative harvested, slaughtered or made on one day in one village, with its papers. */
export type Lot = components['schemas']['LotDto'];
export type LabelSheet = components['schemas']['LabelSheetDto'];
export type LotLabel = components['schemas']['LabelDto'];
/** One line's units from one lot, as the shipping call takes them. */
export type ShipLot = components['schemas']['ShipLotDto'];

/** Codes of lots and shipping from lots with their own message under `coopLots.errors`. */
export const LOT_ERROR_CODES = [
  'QUARANTINE_CERTIFICATE_REQUIRED',
  'UNSUPPORTED_REPORT_FILE',
  'PAYLOAD_TOO_LARGE',
  'LOT_SHIPPED',
  'LOT_CLOSED',
  'LOT_RECALLED',
  'LOT_NOT_FOUND',
  'LOT_OVERDRAWN',
  'LOT_EXPIRED',
  'LOT_QUANTITIES_DO_NOT_ADD_UP',
  'LOT_OF_ANOTHER_PRODUCT',
  'PRODUCT_NOT_FOUND',
] as const;

/** Codes that say the lots the ship form offered changed meanwhile: it reads them again. */
export const STALE_LOT_CODES: readonly string[] = ['LOT_OVERDRAWN', 'LOT_EXPIRED', 'LOT_CLOSED', 'LOT_NOT_FOUND', 'LOT_OF_ANOTHER_PRODUCT'];

/** The i18n key of the message for an error about lots, falling back to the portal's and the app's messages. */
export function lotErrorKey(code: string): string {
  return (LOT_ERROR_CODES as readonly string[]).includes(code) ? `coopLots.errors.${code}` : coopErrorKey(code);
}

/** A 承诺达标合格证 or quarantine certificate number as the API takes it: 4–40 letters, digits or dashes. */
export const PAPER_NUMBER = /^[A-Za-z0-9][A-Za-z0-9-]{3,39}$/;
export const MAX_LOT_QUANTITY = 1_000_000;
/** The API's limit on a test report (PDF or photo). */
export const MAX_REPORT_BYTES = 5 * 1024 * 1024;

/** Units the lot can still give. */
export const leftOf = (lot: Pick<Lot, 'quantity' | 'shippedQuantity'>): number => Math.max(0, lot.quantity - lot.shippedQuantity);

export type LotState = 'RECALLED' | 'CLOSED' | 'EXPIRED' | 'USED_UP' | 'OPEN';

/** Whether a lot can still ship, and if not why: recalled, closed, past its best-before day (China), or all shipped. */
export function lotState(lot: Lot, today: string): LotState {
  if (lot.recalledAt) return 'RECALLED';
  if (lot.closedAt) return 'CLOSED';
  if (lot.bestBefore < today) return 'EXPIRED';
  return leftOf(lot) === 0 ? 'USED_UP' : 'OPEN';
}

/** Sends a lot's test report as multipart/form-data (`file`) through the app's client, so the bearer token applies. */
export function uploadLotReport(id: string, file: File): Promise<Lot> {
  return unwrap(
    api.POST('/api/coop/lots/{id}/report', {
      params: { path: { id } },
      // The generated type calls the binary part a string; the serializer below sends the File itself.
      body: { file: file as unknown as string },
      bodySerializer: () => {
        const form = new FormData();
        form.append('file', file);
        return form;
      },
    }),
  );
}

/** One lot and the units a line takes from it, as the ship form holds them (`lotId` empty until one is picked). */
export interface LotPick {
  lotId: string;
  quantity: number | '';
}

/** A line of a shipment as picking lots sees it: its product and the units that leave. */
export interface LineToSend {
  id: string;
  productSlug: string;
  toSend: number;
}

/** Oldest first, as a shed empties: produced earlier, then best before earlier, then recorded earlier. */
export function oldestFirst<L extends Pick<Lot, 'producedOn' | 'bestBefore' | 'createdAt'>>(lots: readonly L[]): L[] {
  return [...lots].sort(
    (a, b) =>
      a.producedOn.localeCompare(b.producedOn) || a.bestBefore.localeCompare(b.bestBefore) || a.createdAt.localeCompare(b.createdAt),
  );
}

/** The shippable lots of a line's product, oldest first. Lines carry the product's slug, lots their product's. */
export function lotsOfLine(lots: readonly Lot[], line: Pick<LineToSend, 'productSlug'>): Lot[] {
  return oldestFirst(lots.filter((lot) => lot.product.slug === line.productSlug));
}

/**
 * The lots the form proposes for each line: the oldest lot that holds enough for the whole line, else
 * the oldest lots one after the other until the line is covered (or they run out). Lines of one
 * product share its lots: what one line takes, the next cannot.
 */
export function proposePicks(lines: readonly LineToSend[], lots: readonly Lot[]): Record<string, LotPick[]> {
  const left = new Map(lots.map((lot) => [lot.id, leftOf(lot)]));
  const picks: Record<string, LotPick[]> = {};
  for (const line of lines) {
    const candidates = lotsOfLine(lots, line).filter((lot) => (left.get(lot.id) ?? 0) > 0);
    const whole = candidates.find((lot) => left.get(lot.id)! >= line.toSend);
    const taken: LotPick[] = [];
    if (whole) {
      taken.push({ lotId: whole.id, quantity: line.toSend });
    } else {
      let missing = line.toSend;
      for (const lot of candidates) {
        if (missing === 0) break;
        const quantity = Math.min(missing, left.get(lot.id)!);
        taken.push({ lotId: lot.id, quantity });
        missing -= quantity;
      }
    }
    for (const pick of taken) left.set(pick.lotId, left.get(pick.lotId)! - (pick.quantity as number));
    picks[line.id] = taken.length > 0 ? taken : [{ lotId: '', quantity: line.toSend }];
  }
  return picks;
}

export type PickProblem = 'chooseLot' | 'quantity' | 'duplicate' | 'overdrawn' | 'sum' | 'short';

/**
 * What is wrong with the lots picked for each line, as the API would find it: a lot and a whole
 * number of units (1 or more) on every pick, no lot twice on a line, no lot giving more than it has
 * left over all lines, and each line's units adding up to what it sends (`short` when all the
 * product's lots together hold too little). Lines without a problem are absent.
 */
export function pickProblems(
  lines: readonly LineToSend[],
  lots: readonly Lot[],
  picks: Readonly<Record<string, readonly LotPick[]>>,
): Record<string, PickProblem> {
  const left = new Map(lots.map((lot) => [lot.id, leftOf(lot)]));
  const drawn = new Map<string, number>();
  const problems: Record<string, PickProblem> = {};
  for (const line of lines) {
    const linePicks = picks[line.id] ?? [];
    if (linePicks.some((pick) => pick.lotId === '')) {
      problems[line.id] = 'chooseLot';
      continue;
    }
    if (linePicks.some((pick) => pick.quantity === '' || !Number.isInteger(pick.quantity) || pick.quantity < 1)) {
      problems[line.id] = 'quantity';
      continue;
    }
    if (new Set(linePicks.map((pick) => pick.lotId)).size !== linePicks.length) {
      problems[line.id] = 'duplicate';
      continue;
    }
    for (const pick of linePicks) drawn.set(pick.lotId, (drawn.get(pick.lotId) ?? 0) + (pick.quantity as number));
    const sum = linePicks.reduce((total, pick) => total + (pick.quantity as number), 0);
    if (sum === line.toSend) continue;
    // All the product's lots together hold too little: only a new lot helps.
    const held = lotsOfLine(lots, line).reduce((total, lot) => total + (left.get(lot.id) ?? 0), 0);
    problems[line.id] = held < line.toSend ? 'short' : 'sum';
  }
  for (const line of lines) {
    if (problems[line.id]) continue;
    if ((picks[line.id] ?? []).some((pick) => (drawn.get(pick.lotId) ?? 0) > (left.get(pick.lotId) ?? 0))) problems[line.id] = 'overdrawn';
  }
  return problems;
}

/** The picks as the shipping call takes them. */
export function toShipLots(picks: Readonly<Record<string, readonly LotPick[]>>): ShipLot[] {
  return Object.entries(picks).flatMap(([lineId, linePicks]) =>
    linePicks.map((pick) => ({ lineId, lotId: pick.lotId, quantity: pick.quantity as number })),
  );
}
