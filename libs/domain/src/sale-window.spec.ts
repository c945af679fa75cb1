import fc from 'fast-check';
import { addDays, chinaDay } from './days';
import { SALE_WINDOW_PROBLEMS, saleWindowProblems, type SaleWindow } from './sale-window';

const at = (iso: string) => new Date(iso);
const window = (overrides: Partial<SaleWindow>): SaleWindow => ({
  saleStartsAt: null,
  saleEndsAt: null,
  presaleShipsOn: null,
  ...overrides,
});

const instant = fc.date({ min: at('2000-01-01T00:00:00Z'), max: at('2099-12-30T00:00:00Z'), noInvalidDate: true });
const shipDay = instant.map((moment) => chinaDay(moment));

describe(saleWindowProblems.name, () => {
  it('accepts a product always on sale, and a window open at either end', () => {
    expect(saleWindowProblems(window({}))).toEqual([]);
    expect(saleWindowProblems(window({ saleStartsAt: at('2027-04-10T08:00:00+08:00') }))).toEqual([]);
    expect(saleWindowProblems(window({ saleEndsAt: at('2027-06-01T00:00:00+08:00') }))).toEqual([]);
  });

  it('wants the sale to end after it starts', () => {
    const startsAt = at('2027-04-10T08:00:00+08:00');
    expect(saleWindowProblems(window({ saleStartsAt: startsAt, saleEndsAt: startsAt }))).toEqual(['SALE_ENDS_BEFORE_START']);
    expect(saleWindowProblems(window({ saleStartsAt: startsAt, saleEndsAt: at('2027-04-01T00:00:00Z') }))).toEqual([
      'SALE_ENDS_BEFORE_START',
    ]);
    expect(saleWindowProblems(window({ saleStartsAt: startsAt, saleEndsAt: at('2027-04-10T08:01:00+08:00') }))).toEqual([]);
  });

  it('wants a pre-sale to say when orders open, even when it says when they close', () => {
    expect(saleWindowProblems(window({ presaleShipsOn: '2027-04-10' }))).toEqual(['PRESALE_NEEDS_START']);
    expect(saleWindowProblems(window({ saleEndsAt: at('2027-06-01T00:00:00+08:00'), presaleShipsOn: '2027-04-10' }))).toEqual([
      'PRESALE_NEEDS_START',
    ]);
  });

  it('lets a pre-sale ship from the day it opens, within its window or after it', () => {
    const season = { saleStartsAt: at('2027-02-01T00:00:00+08:00'), saleEndsAt: at('2027-06-01T00:00:00+08:00') };
    for (const presaleShipsOn of ['2027-02-01', '2027-04-15', '2027-07-01']) {
      expect([presaleShipsOn, saleWindowProblems(window({ ...season, presaleShipsOn }))]).toEqual([presaleShipsOn, []]);
    }
  });

  it('compares the ship day with the day in China on which the sale opens, not the UTC day', () => {
    // 00:30 on 10 April in China is 16:30 on 9 April in UTC, as the portal sends it.
    const startsAt = at('2027-04-09T16:30:00.000Z');
    expect(saleWindowProblems(window({ saleStartsAt: startsAt, presaleShipsOn: '2027-04-09' }))).toEqual(['PRESALE_BEFORE_START']);
    expect(saleWindowProblems(window({ saleStartsAt: startsAt, presaleShipsOn: '2027-04-10' }))).toEqual([]);
    // 23:30 on 10 April in China is still 10 April.
    expect(saleWindowProblems(window({ saleStartsAt: at('2027-04-10T23:30:00+08:00'), presaleShipsOn: '2027-04-10' }))).toEqual([]);
  });

  it('reports every problem at once', () => {
    const problems = saleWindowProblems(
      window({ saleStartsAt: at('2027-04-10T08:00:00+08:00'), saleEndsAt: at('2027-04-01T00:00:00Z'), presaleShipsOn: '2027-04-09' }),
    );
    expect(problems).toEqual(['SALE_ENDS_BEFORE_START', 'PRESALE_BEFORE_START']);
  });

  it('names each problem with the message the API sends', () => {
    expect(SALE_WINDOW_PROBLEMS).toEqual({
      SALE_ENDS_BEFORE_START: 'saleEndsAt must be after saleStartsAt',
      PRESALE_NEEDS_START: 'a pre-sale (presaleShipsOn) needs saleStartsAt',
      PRESALE_BEFORE_START: 'presaleShipsOn cannot be before saleStartsAt',
    });
  });

  it('refuses an instant that is no time', () => {
    expect(() => saleWindowProblems(window({ saleStartsAt: at('not a time') }))).toThrow(RangeError);
    expect(() => saleWindowProblems(window({ saleEndsAt: at('') }))).toThrow(RangeError);
  });

  it('refuses a ship day exactly when it comes before the China day of the opening, at any hour (property)', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: -400, max: 400 }), (saleStartsAt, daysAfterOpening) => {
        const presaleShipsOn = addDays(chinaDay(saleStartsAt), daysAfterOpening);
        const refused = saleWindowProblems(window({ saleStartsAt, presaleShipsOn })).includes('PRESALE_BEFORE_START');
        return refused === daysAfterOpening < 0;
      }),
    );
  });

  it('refuses a window exactly when it does not end after it starts, whatever the ship day (property)', () => {
    fc.assert(
      fc.property(instant, instant, fc.option(shipDay), (saleStartsAt, saleEndsAt, presaleShipsOn) => {
        const refused = saleWindowProblems({ saleStartsAt, saleEndsAt, presaleShipsOn }).includes('SALE_ENDS_BEFORE_START');
        return refused === saleEndsAt.getTime() <= saleStartsAt.getTime();
      }),
    );
  });

  it('has no pre-sale problem without a ship day, and always one with a ship day but no opening (property)', () => {
    fc.assert(
      fc.property(fc.option(instant), fc.option(instant), shipDay, (saleStartsAt, saleEndsAt, presaleShipsOn) => {
        const without = saleWindowProblems({ saleStartsAt, saleEndsAt, presaleShipsOn: null });
        const withShipDay = saleWindowProblems({ saleStartsAt, saleEndsAt, presaleShipsOn });
        return (
          !without.some((problem) => problem.startsWith('PRESALE_')) &&
          (saleStartsAt !== null || withShipDay.includes('PRESALE_NEEDS_START'))
        );
      }),
    );
  });
});
