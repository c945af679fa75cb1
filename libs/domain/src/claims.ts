import type { ProductCategory } from './catalog';

/** 售后: why a buyer asks for money back on delivered goods. */
export const CLAIM_REASONS = ['DAMAGED', 'SPOILED', 'SHORT', 'WRONG_ITEM', 'QUALITY'] as const;
export type ClaimReason = (typeof CLAIM_REASONS)[number];

/**
 * OPEN (the cooperative has 24 h to answer) → SETTLED when it accepts, OFFERED when it offers part,
 * DISPUTED when it says no with a reason. The buyer accepts an offer (SETTLED) or escalates an offer
 * or a dispute (ESCALATED); an admin decides what is escalated or was left unanswered (SETTLED, or
 * REJECTED when nothing is granted). The buyer may withdraw while nothing is decided. SETTLED units go
 * back through the refund flow.
 */
export const CLAIM_STATUSES = ['OPEN', 'OFFERED', 'DISPUTED', 'ESCALATED', 'SETTLED', 'REJECTED', 'WITHDRAWN'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** Statuses in which a claim still holds its units: they cannot be asked for again. */
export const UNDECIDED_CLAIM_STATUSES = ['OPEN', 'OFFERED', 'DISPUTED', 'ESCALATED'] as const satisfies readonly ClaimStatus[];

export type ClaimActor = 'buyer' | 'cooperative' | 'admin';

export const CLAIM_TRANSITIONS = {
  /** The cooperative grants everything asked. */
  accept: { by: 'cooperative', from: ['OPEN'], to: 'SETTLED' },
  /** The cooperative offers part of what was asked. */
  offer: { by: 'cooperative', from: ['OPEN'], to: 'OFFERED' },
  /** The cooperative says no, with its reason. */
  dispute: { by: 'cooperative', from: ['OPEN'], to: 'DISPUTED' },
  /** The buyer takes the offer. */
  acceptOffer: { by: 'buyer', from: ['OFFERED'], to: 'SETTLED' },
  /** The buyer asks an admin to decide. */
  escalate: { by: 'buyer', from: ['OFFERED', 'DISPUTED'], to: 'ESCALATED' },
  withdraw: { by: 'buyer', from: ['OPEN', 'OFFERED', 'DISPUTED', 'ESCALATED'], to: 'WITHDRAWN' },
  /** An admin grants some units (an unanswered claim once its answer time is up). */
  grant: { by: 'admin', from: ['ESCALATED', 'OPEN'], to: 'SETTLED' },
  /** An admin grants nothing. */
  reject: { by: 'admin', from: ['ESCALATED', 'OPEN'], to: 'REJECTED' },
} as const satisfies Record<string, { by: ClaimActor; from: readonly ClaimStatus[]; to: ClaimStatus }>;
export type ClaimTransition = keyof typeof CLAIM_TRANSITIONS;

/** Hours a cooperative has to answer a claim before an admin may decide it alone. */
export const CLAIM_ANSWER_HOURS = 24;
/** Photos one claim may show. */
export const MAX_CLAIM_PHOTOS = 5;

/**
 * Hours after delivery a claim may be opened, by category: fresh and chilled goods must be looked at
 * on arrival (48 h); dry tea and noodles keep (7 days). `CLAIM_WINDOW_HOURS` overrides any of them.
 */
export const DEFAULT_CLAIM_WINDOW_HOURS: Readonly<Record<ProductCategory, number>> = {
  TEA: 168,
  CHERRY: 48,
  CHICKEN: 48,
  EGG: 48,
  MUSHROOM: 48,
  PORK: 48,
  NOODLE: 168,
  VEGETABLE: 48,
};

export class ClaimError extends Error {
  constructor(
    readonly code:
      'CLAIM_STATUS_CONFLICT' | 'CLAIM_WINDOW_CLOSED' | 'CLAIM_QUANTITY_TOO_LARGE' | 'CLAIM_LINE_NOT_FOUND' | 'NOTHING_CLAIMED',
    message: string,
    readonly lineId?: string,
  ) {
    super(message);
  }
}

/** The status `transition` leads to by `actor`, or a ClaimError when it may not happen now. */
export function nextClaimStatus(
  status: ClaimStatus,
  transition: ClaimTransition,
  actor: ClaimActor,
  answerDue: { overdue: boolean } = { overdue: false },
): ClaimStatus {
  const rule = CLAIM_TRANSITIONS[transition];
  if (rule.by !== actor || !(rule.from as readonly ClaimStatus[]).includes(status)) {
    throw new ClaimError('CLAIM_STATUS_CONFLICT', `A claim that is ${status.toLowerCase()} cannot be ${transition} by the ${actor}.`);
  }
  if (actor === 'admin' && status === 'OPEN' && !answerDue.overdue) {
    throw new ClaimError('CLAIM_STATUS_CONFLICT', `The cooperative has ${CLAIM_ANSWER_HOURS} h to answer first.`);
  }
  return rule.to;
}

/**
 * When the window to claim on a delivered part closes: `hours` after it was received (the buyer's
 * confirmation, the organisation's acceptance, or the automatic completion). Not yet received: open.
 */
export function claimWindowClosesAt(receivedAt: Date | null, hours: number): Date | null {
  return receivedAt ? new Date(receivedAt.getTime() + hours * 3600_000) : null;
}

/** A line as a claim sees it: its price and the units still free to claim (bought, less refunded, less held by other claims). */
export interface ClaimableLine {
  lineId: string;
  unitPriceFen: number;
  claimableQuantity: number;
}

/**
 * The units a claim asks for, or an offer or decision grants, each line at most `limit(line)` and the
 * whole at least one unit unless `allowNothing`. Returns the lines with their amounts (units × the price paid).
 */
export function claimAmounts(
  lines: readonly ClaimableLine[],
  asked: readonly { lineId: string; quantity: number }[],
  limit: (line: ClaimableLine) => number = (line) => line.claimableQuantity,
  allowNothing = false,
): { lineId: string; quantity: number; amountFen: number }[] {
  const byId = new Map(lines.map((line) => [line.lineId, line]));
  const seen = new Set<string>();
  const result = asked.map(({ lineId, quantity }) => {
    const line = byId.get(lineId);
    if (!line || seen.has(lineId))
      throw new ClaimError('CLAIM_LINE_NOT_FOUND', 'This line is not part of the claim’s shipment, or is named twice.', lineId);
    seen.add(lineId);
    const most = limit(line);
    if (!Number.isInteger(quantity) || quantity < 0 || quantity > most) {
      throw new ClaimError('CLAIM_QUANTITY_TOO_LARGE', `At most ${most} unit(s) of this line can be claimed.`, lineId);
    }
    return { lineId, quantity, amountFen: quantity * line.unitPriceFen };
  });
  if (!allowNothing && !result.some((line) => line.quantity > 0))
    throw new ClaimError('NOTHING_CLAIMED', 'A claim asks for at least one unit.');
  return result;
}

/** A quality figure as basis points of its base, or null with nothing to divide by. */
export function shareBp(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part * 10000) / whole) : null;
}

/** Shipments a cooperative needs before its public page shows its on-time and claim rates. */
export const PUBLIC_QUALITY_MIN_SHIPMENTS = 20;
/** A part ships on time within this many hours of its payment (or of its pre-sale's shipping day). */
export const SHIP_ON_TIME_HOURS = 48;
