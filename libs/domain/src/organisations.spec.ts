import fc from 'fast-check';
import { addDays } from './days';
import {
  deliveryDayProblems,
  earliestDeliveryDay,
  keepsAManager,
  MAX_DELIVERY_AHEAD_DAYS,
  needsApproval,
  normaliseRoles,
  ORGANISATION_ROLES,
  receivesOn,
  receivingWindowProblem,
  weekdayOf,
  type OrganisationRole,
  type Weekday,
} from './organisations';

const roles = fc.subarray([...ORGANISATION_ROLES]);
const members = fc.uniqueArray(fc.record({ accountId: fc.constantFrom('a', 'b', 'c', 'd'), roles }), {
  selector: (member) => member.accountId,
  minLength: 1,
});

describe('organisation roles', () => {
  it('puts roles in one order, each once', () => {
    expect(normaliseRoles(['RECEIVER', 'MANAGER', 'RECEIVER'])).toEqual(['MANAGER', 'RECEIVER']);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ORGANISATION_ROLES)), (given) => {
        const normal = normaliseRoles(given);
        expect(new Set(normal)).toEqual(new Set(given));
        expect(normaliseRoles([...given].reverse())).toEqual(normal);
      }),
    );
  });

  it('never lets the last manager go or give up managing', () => {
    const team = [
      { accountId: 'a', roles: ['MANAGER', 'PURCHASER'] as OrganisationRole[] },
      { accountId: 'b', roles: ['APPROVER'] as OrganisationRole[] },
    ];
    expect(keepsAManager(team, { accountId: 'a', roles: ['PURCHASER'] })).toBe(false);
    expect(keepsAManager(team, { accountId: 'a', roles: null })).toBe(false);
    expect(keepsAManager(team, { accountId: 'b', roles: null })).toBe(true);
    expect(keepsAManager(team, { accountId: 'b', roles: ['MANAGER'] })).toBe(true);
    fc.assert(
      fc.property(members, fc.constantFrom('a', 'b', 'c', 'd'), fc.option(roles, { nil: null }), (team, accountId, next) => {
        const after = team
          .map((member) => (member.accountId === accountId ? { ...member, roles: next } : member))
          .flatMap((member) => (member.roles === null ? [] : [{ accountId: member.accountId, roles: member.roles }]));
        expect(keepsAManager(team, { accountId, roles: next })).toBe(after.some((member) => member.roles.includes('MANAGER')));
      }),
    );
  });
});

describe('receiving windows', () => {
  const window = (weekdays: Weekday[], from = '06:30', to = '10:00') => ({ weekdays, from, to });

  it('takes weekdays 1–7 each once and a start before the end', () => {
    expect(receivingWindowProblem(window([1, 2, 3, 4, 5]))).toBeNull();
    expect(receivingWindowProblem(window([]))).toMatch(/at least one weekday/);
    expect(receivingWindowProblem(window([0 as Weekday]))).toMatch(/1 \(Monday\) to 7/);
    expect(receivingWindowProblem(window([1, 1]))).toMatch(/twice/);
    expect(receivingWindowProblem(window([1], '6:30'))).toMatch(/HH:MM/);
    expect(receivingWindowProblem(window([1], '24:00', '24:30'))).toMatch(/HH:MM/);
    expect(receivingWindowProblem(window([1], '10:00', '10:00'))).toMatch(/ends after it starts/);
  });

  it('knows the weekday of a day', () => {
    expect(weekdayOf('2026-12-07')).toBe(1);
    expect(weekdayOf('2026-12-13')).toBe(7);
    expect(weekdayOf('2028-02-29')).toBe(2);
    expect(() => weekdayOf('2026-02-30')).toThrow(RangeError);
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-24'), noInvalidDate: true }), (at) => {
        const day = at.toISOString().slice(0, 10);
        const weekLater = new Date(at.getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
        const nextDay = new Date(at.getTime() + 86_400_000).toISOString().slice(0, 10);
        expect(weekdayOf(weekLater)).toBe(weekdayOf(day));
        expect(weekdayOf(nextDay)).toBe((weekdayOf(day) % 7) + 1);
      }),
    );
  });

  it('takes deliveries only on the weekdays of its windows, or on any day without windows', () => {
    const weekdaysOnly = [window([1, 2, 3, 4, 5])];
    expect(receivesOn(weekdaysOnly, '2026-12-07')).toBe(true);
    expect(receivesOn(weekdaysOnly, '2026-12-12')).toBe(false);
    expect(receivesOn([...weekdaysOnly, window([6], '08:00', '09:00')], '2026-12-12')).toBe(true);
    expect(receivesOn([], '2026-12-13')).toBe(true);
  });
});

describe('approval', () => {
  it('holds orders at or above the threshold, every order at 0', () => {
    expect(needsApproval(50_000_00, 50_000_00)).toBe(true);
    expect(needsApproval(49_999_99, 50_000_00)).toBe(false);
    expect(needsApproval(1, 0)).toBe(true);
  });
});

describe('delivery days', () => {
  const TODAY = '2026-12-10'; // a Thursday
  const eggs = { leadDays: 2, shipsFrom: null, lastSaleDay: null };
  const cherries = { leadDays: 3, shipsFrom: '2027-04-20', lastSaleDay: '2027-05-31' };
  const weekdays = [{ weekdays: [1, 2, 3, 4, 5] as Weekday[], from: '06:30', to: '10:00' }];

  it('starts after the lead days, and not before a pre-sale ships', () => {
    expect(earliestDeliveryDay(TODAY, eggs)).toBe('2026-12-12');
    expect(earliestDeliveryDay(TODAY, cherries)).toBe('2027-04-20');
    expect(earliestDeliveryDay('2027-04-19', cherries)).toBe('2027-04-22');
  });

  it('names every reason a day does not work', () => {
    expect(deliveryDayProblems('2026-12-14', TODAY, [eggs], weekdays)).toEqual([]);
    expect(deliveryDayProblems('2026-12-11', TODAY, [eggs], weekdays)).toEqual(['TOO_SOON']);
    expect(deliveryDayProblems('2026-12-12', TODAY, [eggs], weekdays)).toEqual(['SITE_CLOSED']);
    expect(deliveryDayProblems('2026-12-14', TODAY, [eggs, cherries], weekdays)).toEqual(['TOO_SOON']);
    expect(deliveryDayProblems('2027-06-04', '2027-05-20', [cherries], [])).toEqual(['OUT_OF_SEASON']);
    expect(deliveryDayProblems('2027-06-03', '2027-05-20', [cherries], [])).toEqual([]);
    expect(deliveryDayProblems(addDays(TODAY, MAX_DELIVERY_AHEAD_DAYS + 1), TODAY, [eggs], [])).toEqual(['TOO_FAR']);
  });

  it('takes exactly the days from the latest earliest day to the horizon, when the site is open (property)', () => {
    const parts = fc.array(
      fc.record({
        leadDays: fc.integer({ min: 0, max: 30 }),
        shipsFrom: fc.option(
          fc.integer({ min: 0, max: 90 }).map((n) => addDays(TODAY, n)),
          { nil: null },
        ),
        lastSaleDay: fc.constant(null),
      }),
      { minLength: 1, maxLength: 4 },
    );
    fc.assert(
      fc.property(parts, fc.integer({ min: -5, max: 100 }), (chosen, offset) => {
        const day = addDays(TODAY, offset);
        const earliest = chosen
          .map((part) => earliestDeliveryDay(TODAY, part))
          .sort()
          .at(-1)!;
        const ok = day >= earliest && day <= addDays(TODAY, MAX_DELIVERY_AHEAD_DAYS);
        expect(deliveryDayProblems(day, TODAY, chosen, []).length === 0).toBe(ok);
      }),
    );
  });
});
