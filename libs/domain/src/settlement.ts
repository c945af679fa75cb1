import { allocateLargestRemainder } from './allocation';

export interface SettlementLink {
  householdId: string;
  cooperativeId: string;
  weight: number;
}

export interface CooperativeSettlement {
  cooperativeId: string;
  poolFen: number;
  allocations: { householdId: string; amountFen: number; weight: number }[];
  /** What no household could take: the cooperative had no link valid that day. */
  unallocatedFen: number;
}

/**
 * Splits each cooperative's pool of one day among the households linked to it that day, in
 * proportion to their link weights (a household with two links counts their weights together), by
 * largest remainder: each cooperative's allocations add up to its pool exactly. A negative pool
 * (refunds outweighing sales) is split the same way into negative adjustments. Households are
 * ordered by id so that the split, ties included, never depends on the order links were read in.
 */
export function settleDay(poolsFen: ReadonlyMap<string, number>, links: readonly SettlementLink[]): CooperativeSettlement[] {
  return [...poolsFen.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([cooperativeId, poolFen]) => {
      const weights = new Map<string, number>();
      for (const link of links) {
        if (link.cooperativeId !== cooperativeId) continue;
        weights.set(link.householdId, (weights.get(link.householdId) ?? 0) + link.weight);
      }
      const households = [...weights.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      if (households.length === 0 || poolFen === 0) {
        return { cooperativeId, poolFen, allocations: [], unallocatedFen: households.length === 0 ? poolFen : 0 };
      }
      const sign = poolFen < 0 ? -1 : 1;
      const parts = allocateLargestRemainder(
        Math.abs(poolFen),
        households.map(([, weight]) => weight),
      );
      return {
        cooperativeId,
        poolFen,
        allocations: households
          .map(([householdId, weight], index) => ({ householdId, weight, amountFen: sign * parts[index] }))
          .filter((a) => a.amountFen !== 0),
        unallocatedFen: 0,
      };
    });
}
