import type { components } from '@qh/api-client';
import type { LocationQuery } from 'vue-router';

export type Trail = components['schemas']['TrailDto'];
export type HouseholdPayout = components['schemas']['HouseholdPayoutDto'];
export type HouseholdStatement = components['schemas']['HouseholdStatementDto'];

export const HOUSEHOLD_STATUSES = ['LIFTED', 'MONITORED'] as const;
export type TrailTable = 'township' | 'cooperative' | 'status';

export interface TrailQuery {
  year?: number;
  townshipCode?: string;
  cooperativeId?: string;
  householdStatus?: (typeof HOUSEHOLD_STATUSES)[number];
}

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/** The trail's filters as the address holds them; anything malformed is left out (the API would refuse it). */
export function trailQueryFrom(query: LocationQuery): TrailQuery {
  const year = Number(text(query.year));
  const status = text(query.householdStatus);
  return {
    ...(Number.isInteger(year) && year >= 2016 && year <= 2100 ? { year } : {}),
    ...(text(query.townshipCode) ? { townshipCode: text(query.townshipCode) } : {}),
    ...(text(query.cooperativeId) ? { cooperativeId: text(query.cooperativeId) } : {}),
    ...(status && (HOUSEHOLD_STATUSES as readonly string[]).includes(status)
      ? { householdStatus: status as TrailQuery['householdStatus'] }
      : {}),
  };
}

/** The address of a set of filters: only those chosen. */
export function trailAddress(query: TrailQuery): Record<string, string> {
  return Object.fromEntries(
    Object.entries(query)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [key, String(value)]),
  );
}

/** The years an official may pick: from the pairing's start (2016) to this year. */
export function trailYears(thisYear: number): number[] {
  return Array.from({ length: thisYear - 2016 + 1 }, (_, index) => thisYear - index);
}

/** What a payout's state is, for the officials' list. */
export function payoutState(payout: Pick<HouseholdPayout, 'acknowledgement' | 'overdue' | 'reversed' | 'reversesId'>) {
  if (payout.reversesId) return 'reversal' as const;
  if (payout.reversed) return 'reversed' as const;
  if (payout.acknowledgement) return 'acknowledged' as const;
  return payout.overdue ? ('overdue' as const) : ('awaiting' as const);
}

/** Whether the signed-in official may acknowledge it: a township official, on a live payout nobody acknowledged yet. */
export function canAcknowledge(townships: readonly string[] | null | undefined, payout: HouseholdPayout): boolean {
  const state = payoutState(payout);
  return Boolean(townships?.length) && (state === 'awaiting' || state === 'overdue');
}

export const trailCsvName = (year: number, table: TrailTable) => `money-trail-${year}-by-${table}.csv`;
