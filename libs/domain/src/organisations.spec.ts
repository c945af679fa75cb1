import fc from 'fast-check';
import {
  keepsAManager,
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
          .filter((member): member is { accountId: string; roles: OrganisationRole[] } => member.roles !== null);
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
