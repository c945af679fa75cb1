import type { components } from '@qh/api-client';
import { districtByCode, FIRST_PLAN_YEAR, ORGANISATION_TYPE_CODES, type OrganisationType } from '@qh/domain';
import type { LocationQuery } from 'vue-router';

export type LeagueTable = components['schemas']['LeagueTableDto'];
export type LeagueRow = components['schemas']['LeagueRowDto'];
export type LeagueTotal = components['schemas']['LeagueTotalDto'];
export type BuyerBreakdown = components['schemas']['BuyerBreakdownDto'];
export type Progress = components['schemas']['ProgressDto'];

/** What the league table is narrowed to, as the API and the address bar take it; a filter left out is not in the object. */
export interface LeagueQuery {
  year?: number;
  districtCode?: string;
  type?: OrganisationType;
}

const text = (value: LocationQuery[string] | undefined) => (typeof value === 'string' ? value : '');

/** The filters in the address (`?year=2026&districtCode=440106&type=SCHOOL`), leaving out anything edited into nonsense. */
export function leagueQueryFrom(query: LocationQuery): LeagueQuery {
  const year = Number(text(query.year));
  const districtCode = text(query.districtCode);
  const type = text(query.type);
  return {
    ...(Number.isInteger(year) && year >= FIRST_PLAN_YEAR && year <= 2100 ? { year } : {}),
    ...(districtByCode(districtCode) ? { districtCode } : {}),
    ...((ORGANISATION_TYPE_CODES as readonly string[]).includes(type) ? { type: type as OrganisationType } : {}),
  };
}

/** The years an official may look at, newest first: from this year back to the pairing's first. */
export function leagueYears(thisYear: number): number[] {
  return Array.from({ length: thisYear + 1 - FIRST_PLAN_YEAR }, (_, index) => thisYear - index);
}

/** The CSV's name says what it holds: the year and the filters' codes. */
export function leagueCsvName(year: number, query: LeagueQuery): string {
  return ['qianhuo-reserved-share', year, query.districtCode, query.type].filter(Boolean).join('-') + '.csv';
}
