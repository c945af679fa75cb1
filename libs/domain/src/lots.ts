import type { ProductCategory } from './catalog';
import { addDays } from './days';

/**
 * 批次: what a cooperative harvested, slaughtered or made on one day in one village, with its papers.
 * Meat, poultry and eggs need an animal quarantine certificate (动物检疫合格证明) as well as the
 * 承诺达标合格证 every lot carries.
 */
export const QUARANTINE_CATEGORIES: readonly ProductCategory[] = ['CHICKEN', 'EGG', 'PORK'];

export function needsQuarantine(category: string): boolean {
  return (QUARANTINE_CATEGORIES as readonly string[]).includes(category);
}

/** Letters and digits nobody misreads on a printed label (no 0/O, 1/I/L). */
export const LOT_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const LOT_CODE_LENGTH = 8;
export const LOT_CODE_PATTERN = /^[2-9A-HJKMNP-Z]{8}$/;

/** A lot code from `LOT_CODE_LENGTH` random bytes: short enough to read aloud, 31^8 ≈ 8.5 × 10^11 of them. */
export function lotCodeOf(randomBytes: Uint8Array): string {
  if (randomBytes.length < LOT_CODE_LENGTH) throw new RangeError(`a lot code needs ${LOT_CODE_LENGTH} random bytes`);
  return Array.from(randomBytes.subarray(0, LOT_CODE_LENGTH), (byte) => LOT_CODE_ALPHABET[byte % LOT_CODE_ALPHABET.length]).join('');
}

/** The last day a lot may be eaten: its production day plus the product's shelf life (the production day is day 1). */
export function bestBeforeOf(producedOn: string, shelfLifeDays: number): string {
  return addDays(producedOn, shelfLifeDays - 1);
}

/** A lot as shipping sees it: what product it is of, how much it still holds and until when. */
export interface LotStock {
  id: string;
  productId: string;
  leftQuantity: number;
  bestBefore: string;
  closed: boolean;
  recalled: boolean;
}

/** A line of a shipment: its product and the units that are to leave (those bought less those refunded). */
export interface LineToShip {
  lineId: string;
  productId: string;
  quantity: number;
}

export interface LotAssignment {
  lineId: string;
  lotId: string;
  quantity: number;
}

export type LotAssignmentProblem =
  | 'UNKNOWN_LINE'
  | 'UNKNOWN_LOT'
  | 'LOT_OF_ANOTHER_PRODUCT'
  | 'LOT_CLOSED'
  | 'LOT_EXPIRED'
  | 'LOT_OVERDRAWN'
  | 'LINE_NOT_COVERED'
  | 'DUPLICATE_ASSIGNMENT';

export class LotAssignmentError extends Error {
  constructor(
    readonly problem: LotAssignmentProblem,
    message: string,
    readonly lineId?: string,
    readonly lotId?: string,
  ) {
    super(message);
  }
}

/**
 * Checks the lots a cooperative names for a shipment on `today`: each line's units come from lots of
 * its own product, open, not past best-before, and no lot gives more than it holds (over all lines);
 * each line's lots add up to exactly the units it sends. Returns the assignments without the zeroes.
 */
export function planLotAssignment(
  lines: readonly LineToShip[],
  lots: readonly LotStock[],
  assignments: readonly LotAssignment[],
  today: string,
): LotAssignment[] {
  const lineById = new Map(lines.map((line) => [line.lineId, line]));
  const lotById = new Map(lots.map((lot) => [lot.id, lot]));
  const drawn = new Map<string, number>();
  const covered = new Map<string, number>();
  const seen = new Set<string>();
  const kept: LotAssignment[] = [];
  for (const assignment of assignments) {
    const line = lineById.get(assignment.lineId);
    if (!line) throw new LotAssignmentError('UNKNOWN_LINE', 'This line is not part of the shipment.', assignment.lineId);
    const lot = lotById.get(assignment.lotId);
    if (!lot) throw new LotAssignmentError('UNKNOWN_LOT', 'No such lot of this cooperative.', line.lineId, assignment.lotId);
    const key = `${assignment.lineId}:${assignment.lotId}`;
    if (seen.has(key)) throw new LotAssignmentError('DUPLICATE_ASSIGNMENT', 'A lot is named twice for one line.', line.lineId, lot.id);
    seen.add(key);
    if (!Number.isInteger(assignment.quantity) || assignment.quantity < 0)
      throw new LotAssignmentError('LINE_NOT_COVERED', 'A lot gives a whole number of units, 0 or more.', line.lineId, lot.id);
    if (assignment.quantity === 0) continue;
    if (lot.productId !== line.productId)
      throw new LotAssignmentError('LOT_OF_ANOTHER_PRODUCT', 'This lot is of another product.', line.lineId, lot.id);
    if (lot.closed || lot.recalled)
      throw new LotAssignmentError('LOT_CLOSED', lot.recalled ? 'This lot was recalled.' : 'This lot is closed.', line.lineId, lot.id);
    if (lot.bestBefore < today)
      throw new LotAssignmentError('LOT_EXPIRED', `This lot was best before ${lot.bestBefore}: it cannot ship.`, line.lineId, lot.id);
    const total = (drawn.get(lot.id) ?? 0) + assignment.quantity;
    if (total > lot.leftQuantity)
      throw new LotAssignmentError('LOT_OVERDRAWN', `This lot holds only ${lot.leftQuantity} more.`, line.lineId, lot.id);
    drawn.set(lot.id, total);
    covered.set(line.lineId, (covered.get(line.lineId) ?? 0) + assignment.quantity);
    kept.push({ ...assignment });
  }
  for (const line of lines) {
    const units = covered.get(line.lineId) ?? 0;
    if (units !== line.quantity)
      throw new LotAssignmentError(
        'LINE_NOT_COVERED',
        `This line sends ${line.quantity} unit(s) but its lots give ${units}: they must add up.`,
        line.lineId,
      );
  }
  return kept;
}
