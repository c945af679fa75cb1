import { isMainlandMobile, receivingWindowProblem, type ReceivingWindow, type Weekday } from '@qh/domain';
import type { DeliverySite, DeliverySiteInput } from './org-api';
import type { FieldError } from './organisation-form';

export const WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 7];

/** A receiving window as edited; `key` keeps its inputs' ids stable while windows are added and removed. */
export interface WindowForm {
  key: number;
  weekdays: Weekday[];
  from: string;
  to: string;
}

export interface SiteForm {
  name: string;
  districtCode: string;
  street: string;
  contactName: string;
  contactMobile: string;
  driverNotes: string;
  windows: WindowForm[];
}

/** The API's limits (DeliverySiteInputDto). */
export const SITE_LIMITS = {
  name: { max: 60 },
  street: { min: 4, max: 200 },
  contactName: { max: 40 },
  driverNotes: { max: 500 },
  windows: { max: 14 },
} as const;

let nextKey = 0;

/** A new window: the working week, times still to be filled in. */
export function emptyWindow(): WindowForm {
  nextKey += 1;
  return { key: nextKey, weekdays: [1, 2, 3, 4, 5], from: '', to: '' };
}

export function emptySiteForm(): SiteForm {
  return { name: '', districtCode: '', street: '', contactName: '', contactMobile: '', driverNotes: '', windows: [] };
}

export function formFromSite(site: DeliverySite): SiteForm {
  return {
    name: site.name,
    districtCode: site.districtCode,
    street: site.street,
    contactName: site.contactName,
    contactMobile: site.contactMobile,
    driverNotes: site.driverNotes ?? '',
    windows: site.receivingWindows.map((window) => ({
      ...emptyWindow(),
      weekdays: [...window.weekdays] as Weekday[],
      from: window.from,
      to: window.to,
    })),
  };
}

function textError(value: string, limits: { min?: number; max: number }, required = true): FieldError | null {
  const length = [...value.trim()].length;
  if (length === 0) return required ? { key: 'required' } : null;
  if (limits.min !== undefined && length < limits.min) return { key: 'tooShort', params: { min: limits.min } };
  if (length > limits.max) return { key: 'tooLong', params: { max: limits.max } };
  return null;
}

function windowErrors(window: WindowForm, index: number): [string, FieldError][] {
  const path = `receivingWindows.${index}`;
  const errors: [string, FieldError][] = [];
  if (window.weekdays.length === 0) errors.push([`${path}.weekdays`, { key: 'weekdaysRequired' }]);
  if (window.from === '') errors.push([`${path}.from`, { key: 'timeRequired' }]);
  if (window.to === '') errors.push([`${path}.to`, { key: 'timeRequired' }]);
  else if (window.from !== '' && window.from >= window.to) errors.push([`${path}.to`, { key: 'timeOrder' }]);
  // The domain's rule has the last word, for anything the checks above do not name.
  if (errors.length === 0 && receivingWindowProblem(toWindow(window))) errors.push([path, { key: 'windowInvalid' }]);
  return errors;
}

/** Every problem of the form, by the API's field path (`receivingWindows.0.from`), so the API's own problems land in the same place. */
export function siteFormErrors(form: SiteForm): Record<string, FieldError> {
  const mobile = form.contactMobile.trim();
  const fields: [string, FieldError | null][] = [
    ['name', textError(form.name, SITE_LIMITS.name)],
    ['districtCode', form.districtCode === '' ? { key: 'chooseOne' } : null],
    ['street', textError(form.street, SITE_LIMITS.street)],
    ['contactName', textError(form.contactName, SITE_LIMITS.contactName)],
    ['contactMobile', mobile === '' ? { key: 'required' } : isMainlandMobile(mobile) ? null : { key: 'mobileInvalid' }],
    ['driverNotes', textError(form.driverNotes, SITE_LIMITS.driverNotes, false)],
    ...form.windows.flatMap(windowErrors),
  ];
  return Object.fromEntries(fields.filter((entry): entry is [string, FieldError] => entry[1] !== null));
}

function toWindow(window: WindowForm): ReceivingWindow {
  return { weekdays: [...window.weekdays].sort((a, b) => a - b), from: window.from, to: window.to };
}

/** What `POST /api/org/sites` and `PATCH /api/org/sites/{id}` take: the whole site, no notes as null. */
export function toSiteBody(form: SiteForm): DeliverySiteInput {
  return {
    name: form.name.trim(),
    districtCode: form.districtCode,
    street: form.street.trim(),
    contactName: form.contactName.trim(),
    contactMobile: form.contactMobile.trim(),
    receivingWindows: form.windows.map(toWindow),
    driverNotes: form.driverNotes.trim() || null,
  };
}

/** Weekdays as runs of consecutive days, for "Mon–Fri, Sun": [[1, 5], [7, 7]]. */
export function weekdayRuns(weekdays: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const day of [...new Set(weekdays)].sort((a, b) => a - b)) {
    const last = runs.at(-1);
    if (last && last[1] === day - 1) last[1] = day;
    else runs.push([day, day]);
  }
  return runs;
}
