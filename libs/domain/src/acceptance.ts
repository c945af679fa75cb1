/** Why fewer units were accepted than were sent (验收短缺). */
export const SHORTFALL_REASONS = ['SHORT', 'DAMAGED', 'SPOILED', 'WRONG_ITEM'] as const;
export type ShortfallReason = (typeof SHORTFALL_REASONS)[number];

/** What a receiver says of one line: how many units were accepted, and why any were not. */
export interface AcceptedLine {
  lineId: string;
  acceptedQuantity: number;
  reason?: ShortfallReason | null;
}

/** A line of the acceptance as recorded: every line of the part, its shortfall and reason. */
export interface AcceptanceOutcome {
  lineId: string;
  acceptedQuantity: number;
  shortQuantity: number;
  reason: ShortfallReason | null;
}

export class AcceptanceError extends Error {
  constructor(
    readonly lineId: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The acceptance of a shipped part whose lines delivered `deliverable` units each (those sent, not
 * refunded): the lines the receiver names with what they accepted, the others accepted in full. A
 * shortfall needs its reason; a line accepted in full has none.
 */
export function planAcceptance(
  lines: readonly { lineId: string; deliverable: number }[],
  given: readonly AcceptedLine[],
): AcceptanceOutcome[] {
  const seen = new Set<string>();
  for (const entry of given) {
    const line = lines.find((candidate) => candidate.lineId === entry.lineId);
    if (!line) throw new AcceptanceError(entry.lineId, 'this line is not in the shipment');
    if (seen.has(entry.lineId)) throw new AcceptanceError(entry.lineId, 'this line is named twice');
    seen.add(entry.lineId);
    if (!Number.isInteger(entry.acceptedQuantity) || entry.acceptedQuantity < 0 || entry.acceptedQuantity > line.deliverable)
      throw new AcceptanceError(entry.lineId, `between 0 and the ${line.deliverable} units sent can be accepted`);
    if (entry.acceptedQuantity < line.deliverable && !entry.reason) throw new AcceptanceError(entry.lineId, 'a shortfall needs its reason');
    if (entry.acceptedQuantity === line.deliverable && entry.reason)
      throw new AcceptanceError(entry.lineId, 'a line accepted in full has no shortfall reason');
  }
  return lines.map((line) => {
    const entry = given.find((candidate) => candidate.lineId === line.lineId);
    const acceptedQuantity = entry?.acceptedQuantity ?? line.deliverable;
    return { lineId: line.lineId, acceptedQuantity, shortQuantity: line.deliverable - acceptedQuantity, reason: entry?.reason ?? null };
  });
}
