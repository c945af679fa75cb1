/** How the ledger gives back a line's figures when its units are refunded, a few at a time or all at once. */

/**
 * The part of `wholeFen` (a line's pool, or its sales) that goes back when `quantity` more of its
 * `totalQuantity` units are refunded, after `refundedBefore` already were. Each refund gives back
 * the difference of two floors of the running share, so however the units come back (one by one,
 * in any grouping) the parts add up to exactly `wholeFen` once every unit is back, and never more.
 */
export function reversalShareFen(wholeFen: number, totalQuantity: number, refundedBefore: number, quantity: number): number {
  for (const [name, value] of Object.entries({ wholeFen, totalQuantity, refundedBefore, quantity })) {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative safe integer, got ${value}`);
  }
  if (totalQuantity === 0 || refundedBefore + quantity > totalQuantity) {
    throw new RangeError(`Cannot refund ${quantity} more of ${totalQuantity} units after ${refundedBefore}`);
  }
  const shareAfter = (BigInt(wholeFen) * BigInt(refundedBefore + quantity)) / BigInt(totalQuantity);
  const shareBefore = (BigInt(wholeFen) * BigInt(refundedBefore)) / BigInt(totalQuantity);
  return Number(shareAfter - shareBefore);
}
