import { addDays, isRealDay } from './days';

/**
 * Institutional buyers: the canteens of government offices, schools and hospitals, trade unions and
 * companies in Guangdong that buy by the case against an approval and pay against a statement.
 */
export const ORGANISATION_TYPES = [
  { code: 'GOVERNMENT', name: '党政机关', nameEn: 'Party or government office' },
  { code: 'PUBLIC_INSTITUTION', name: '事业单位', nameEn: 'Public institution' },
  { code: 'STATE_ENTERPRISE', name: '国有企业', nameEn: 'State-owned enterprise' },
  { code: 'SCHOOL', name: '学校', nameEn: 'School' },
  { code: 'HOSPITAL', name: '医院', nameEn: 'Hospital' },
  { code: 'TRADE_UNION', name: '工会', nameEn: 'Trade union' },
  { code: 'COMPANY', name: '企业', nameEn: 'Company' },
  { code: 'OTHER', name: '其他', nameEn: 'Other' },
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number]['code'];
export const ORGANISATION_TYPE_CODES: readonly OrganisationType[] = ORGANISATION_TYPES.map((type) => type.code);

/** An organisation is PENDING until an admin verifies it; a REJECTED one may correct itself and ask again. */
export const ORGANISATION_STATUSES = ['PENDING', 'VERIFIED', 'REJECTED'] as const;
export type OrganisationStatus = (typeof ORGANISATION_STATUSES)[number];

/**
 * What a member may do for the organisation. MANAGER: profile, members, delivery sites; PURCHASER:
 * builds and submits orders; APPROVER: approves or rejects them; FINANCE: statements and payments;
 * RECEIVER: records what arrived (验收).
 */
export const ORGANISATION_ROLES = ['MANAGER', 'PURCHASER', 'APPROVER', 'FINANCE', 'RECEIVER'] as const;
export type OrganisationRole = (typeof ORGANISATION_ROLES)[number];

/** Roles in their canonical order, each once: the form they are stored and compared in. */
export function normaliseRoles(roles: readonly OrganisationRole[]): OrganisationRole[] {
  return ORGANISATION_ROLES.filter((role) => roles.includes(role));
}

/**
 * Whether the organisation still has a manager once `accountId`'s roles become `roles` (null: the
 * member leaves). Someone must always be able to invite, and to take over when a manager leaves.
 */
export function keepsAManager(
  members: readonly { accountId: string; roles: readonly OrganisationRole[] }[],
  change: { accountId: string; roles: readonly OrganisationRole[] | null },
): boolean {
  return members.some((member) =>
    member.accountId === change.accountId ? (change.roles ?? []).includes('MANAGER') : member.roles.includes('MANAGER'),
  );
}

/** ISO weekday: 1 Monday … 7 Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** When a delivery site takes goods in: on these weekdays, from `from` to `to` (China time, `HH:MM`). */
export interface ReceivingWindow {
  weekdays: Weekday[];
  from: string;
  to: string;
}

const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** What is wrong with a receiving window, or null when it is a good one. */
export function receivingWindowProblem(window: ReceivingWindow): string | null {
  if (window.weekdays.length === 0) return 'a window needs at least one weekday';
  if (window.weekdays.some((day) => !Number.isInteger(day) || day < 1 || day > 7)) return 'weekdays are 1 (Monday) to 7 (Sunday)';
  if (new Set(window.weekdays).size !== window.weekdays.length) return 'a weekday appears twice';
  if (!CLOCK_TIME.test(window.from) || !CLOCK_TIME.test(window.to)) return 'times are HH:MM, 00:00 to 23:59';
  if (window.from >= window.to) return 'a window ends after it starts';
  return null;
}

/** The ISO weekday of a calendar day (`YYYY-MM-DD`). */
export function weekdayOf(day: string): Weekday {
  if (!isRealDay(day)) throw new RangeError(`Not a day: ${day}`);
  const sundayFirst = new Date(`${day}T00:00:00Z`).getUTCDay();
  return (sundayFirst === 0 ? 7 : sundayFirst) as Weekday;
}

/** Whether a site with these windows takes deliveries on `day`; a site without windows takes them any day. */
export function receivesOn(windows: readonly ReceivingWindow[], day: string): boolean {
  if (windows.length === 0) return true;
  const weekday = weekdayOf(day);
  return windows.some((window) => window.weekdays.includes(weekday));
}

/** Whether an organisation's order of `totalFen` waits for an approver: at or above the threshold (0: every order). */
export function needsApproval(totalFen: number, approvalThresholdFen: number): boolean {
  return totalFen >= approvalThresholdFen;
}

/** How far ahead an organisation may ask for a delivery. */
export const MAX_DELIVERY_AHEAD_DAYS = 60;

/** What decides when one cooperative's part of an order can arrive. */
export interface DeliveryPart {
  /** Days the cooperative needs between the order and the delivery. */
  leadDays: number;
  /** A pre-sale's first shipping day, when its goods are not ready before. */
  shipsFrom: string | null;
  /** The last day seasonal goods of the part are sold, if any are seasonal. */
  lastSaleDay: string | null;
}

/** The first day a part can arrive: its cooperative's lead days after today, and not before its pre-sale ships. */
export function earliestDeliveryDay(today: string, part: Pick<DeliveryPart, 'leadDays' | 'shipsFrom'>): string {
  const afterLead = addDays(today, part.leadDays);
  return part.shipsFrom && part.shipsFrom > afterLead ? part.shipsFrom : afterLead;
}

/** The last day a part can arrive: seasonal goods ordered on the last day of their season, after the lead days; null if not seasonal. */
export function lastDeliveryDay(part: Pick<DeliveryPart, 'leadDays' | 'lastSaleDay'>): string | null {
  return part.lastSaleDay === null ? null : addDays(part.lastSaleDay, part.leadDays);
}

export type DeliveryDayProblem = 'TOO_SOON' | 'TOO_FAR' | 'OUT_OF_SEASON' | 'SITE_CLOSED';

/**
 * Why the parts cannot all arrive at a site with these receiving windows on `day`, ordered `today`
 * (both China days): none when every part can and the site takes goods in that day.
 */
export function deliveryDayProblems(
  day: string,
  today: string,
  parts: readonly DeliveryPart[],
  windows: readonly ReceivingWindow[],
): DeliveryDayProblem[] {
  const problems: DeliveryDayProblem[] = [];
  if (parts.some((part) => day < earliestDeliveryDay(today, part))) problems.push('TOO_SOON');
  if (day > addDays(today, MAX_DELIVERY_AHEAD_DAYS)) problems.push('TOO_FAR');
  if (parts.some((part) => (lastDeliveryDay(part) ?? day) < day)) problems.push('OUT_OF_SEASON');
  if (!receivesOn(windows, day)) problems.push('SITE_CLOSED');
  return problems;
}
