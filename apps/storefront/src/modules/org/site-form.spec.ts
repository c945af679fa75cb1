import { describe, expect, it } from 'vitest';
import { emptySiteForm, emptyWindow, formFromSite, siteFormErrors, toSiteBody, weekdayRuns } from './site-form';
import { deliverySite } from './testing/fixtures';

describe('delivery site form', () => {
  it('turns weekdays into runs of consecutive days', () => {
    expect(weekdayRuns([5, 1, 2, 3, 4, 7])).toEqual([
      [1, 5],
      [7, 7],
    ]);
    expect(weekdayRuns([6, 7])).toEqual([[6, 7]]);
    expect(weekdayRuns([])).toEqual([]);
  });

  it('names each window’s problem by the API’s field path', () => {
    const form = {
      ...formFromSite(deliverySite()),
      windows: [
        { ...emptyWindow(), weekdays: [], from: '08:00', to: '09:00' },
        { ...emptyWindow(), from: '', to: '09:00' },
        { ...emptyWindow(), from: '10:00', to: '10:00' },
      ],
    };
    expect(siteFormErrors(form)).toEqual({
      'receivingWindows.0.weekdays': { key: 'weekdaysRequired' },
      'receivingWindows.1.from': { key: 'timeRequired' },
      'receivingWindows.2.to': { key: 'timeOrder' },
    });
  });

  it('asks for the site’s own fields', () => {
    expect(Object.keys(siteFormErrors(emptySiteForm()))).toEqual(['name', 'districtCode', 'street', 'contactName', 'contactMobile']);
  });

  it('sends a site as it was loaded, days in order and no notes as null', () => {
    const site = deliverySite({ receivingWindows: [{ weekdays: [3, 1], from: '06:30', to: '10:00' }], driverNotes: null });
    const { id: _id, ...input } = site;
    expect(toSiteBody(formFromSite(site))).toEqual({ ...input, receivingWindows: [{ weekdays: [1, 3], from: '06:30', to: '10:00' }] });
  });
});
