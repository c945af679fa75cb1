import fc from 'fast-check';
import { isValidResidentId, makeResidentId, maskResidentId, residentIdCheckChar } from './resident-id';

const AS_OF = new Date('2026-01-01T00:00:00Z');
const ID_CHARS = '0123456789X';

const toYYYYMMDD = (date: Date): string => date.toISOString().slice(0, 10).replaceAll('-', '');

const validIdArbitrary = fc
  .tuple(
    fc.stringMatching(/^\d{6}$/),
    fc.date({
      min: new Date('1800-01-01T00:00:00Z'),
      max: new Date('2025-12-31T00:00:00Z'),
      noInvalidDate: true,
    }),
    fc.stringMatching(/^\d{3}$/),
  )
  .map(([area, birthDate, seq]) => makeResidentId(area, toYYYYMMDD(birthDate), seq));

describe(residentIdCheckChar.name, () => {
  it('computes X for a weighted sum of 2 mod 11', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
  });

  it('computes the digit check character of the second official example', () => {
    expect(residentIdCheckChar('44052418800101001')).toBe('4');
  });

  it('rejects anything but 17 digits', () => {
    expect(() => residentIdCheckChar('1101051949123100X')).toThrow(RangeError);
  });
});

describe(isValidResidentId.name, () => {
  it.each(['11010519491231002X', '440524188001010014'])('accepts the official example %s', (id) => {
    expect(isValidResidentId(id, AS_OF)).toBe(true);
  });

  it('accepts a valid number when checked against the current date', () => {
    expect(isValidResidentId('11010519491231002X')).toBe(true);
  });

  it('rejects a lower-case x check character', () => {
    expect(isValidResidentId('11010519491231002x', AS_OF)).toBe(false);
  });

  it('rejects a number with a wrong check character', () => {
    expect(isValidResidentId('110105194912310021', AS_OF)).toBe(false);
  });

  it.each([
    ['17 characters', '11010519491231002'],
    ['19 characters', '11010519491231002X0'],
    ['an X before the end', '1101051949123100X2'],
    ['a space', '11010519491231002X '],
  ])('rejects a number with %s', (_, id) => {
    expect(isValidResidentId(id, AS_OF)).toBe(false);
  });

  it.each([
    ['month 13', '19491331'],
    ['day 00', '19491200'],
    ['31 April', '19490431'],
    ['29 February 1900, not a leap year', '19000229'],
    ['a year before 1800', '17991231'],
  ])('rejects a birth date on %s', (_, birthDate) => {
    const first17 = `520525${birthDate}001`;
    expect(isValidResidentId(first17 + residentIdCheckChar(first17), AS_OF)).toBe(false);
  });

  it('accepts 29 February in a leap year divisible by 400', () => {
    expect(isValidResidentId(makeResidentId('520525', '20000229', '001'), AS_OF)).toBe(true);
  });

  it('accepts 1 January 1800, the earliest birth date', () => {
    expect(isValidResidentId(makeResidentId('520525', '18000101', '001'), AS_OF)).toBe(true);
  });

  it('rejects a birth date after today', () => {
    expect(isValidResidentId(makeResidentId('520525', '20260102', '001'), AS_OF)).toBe(false);
  });

  it('accepts a birth date of today in China while it is still yesterday in UTC', () => {
    const halfPastMidnightInChina = new Date('2024-06-30T16:30:00Z');
    expect(isValidResidentId(makeResidentId('520525', '20240701', '002'), halfPastMidnightInChina)).toBe(true);
  });

  it('rejects a birth date of tomorrow in China', () => {
    const lateEveningInChina = new Date('2024-06-30T15:30:00Z');
    expect(isValidResidentId(makeResidentId('520525', '20240701', '002'), lateEveningInChina)).toBe(false);
  });

  it('accepts every number built by makeResidentId with a past birth date', () => {
    fc.assert(
      fc.property(validIdArbitrary, (id) => {
        expect(isValidResidentId(id, AS_OF)).toBe(true);
      }),
    );
  });

  it('rejects any valid number with one character changed', () => {
    fc.assert(
      fc.property(validIdArbitrary, fc.nat({ max: 17 }), fc.integer({ min: 1, max: 10 }), (id, position, shift) => {
        const replaced = ID_CHARS[(ID_CHARS.indexOf(id[position]) + shift) % ID_CHARS.length];
        const changed = id.slice(0, position) + replaced + id.slice(position + 1);
        expect(isValidResidentId(changed, AS_OF)).toBe(false);
      }),
    );
  });
});

describe(maskResidentId.name, () => {
  it('keeps the first 4 and last 4 characters and stars the 10 between', () => {
    expect(maskResidentId('520525199001011234')).toBe('5205**********1234');
  });

  it('keeps an X check character visible', () => {
    expect(maskResidentId('11010519491231002X')).toBe('1101**********002X');
  });

  it('refuses input that is not 18 characters without echoing it', () => {
    expect(() => maskResidentId('5205251990010112')).toThrow(/has 18 characters, got 16$/);
  });

  it('never reveals positions 5 to 14', () => {
    fc.assert(
      fc.property(validIdArbitrary, fc.stringMatching(/^[\dX]{10}$/), (id, otherMiddle) => {
        const otherId = id.slice(0, 4) + otherMiddle + id.slice(14);
        const masked = maskResidentId(id);
        expect(masked).toBe(maskResidentId(otherId));
        expect(masked.slice(4, 14)).toBe('**********');
        expect(masked).toHaveLength(18);
      }),
    );
  });

  it('shows positions 1 to 4 and 15 to 18 unchanged', () => {
    fc.assert(
      fc.property(validIdArbitrary, (id) => {
        const masked = maskResidentId(id);
        expect(masked.slice(0, 4) + masked.slice(14)).toBe(id.slice(0, 4) + id.slice(14));
      }),
    );
  });
});

describe(makeResidentId.name, () => {
  it('builds the official example from its parts', () => {
    expect(makeResidentId('110105', '19491231', '002')).toBe('11010519491231002X');
  });

  it('builds a Nayong number starting with the county code', () => {
    expect(makeResidentId('520525', '19850615', '123')).toMatch(/^52052519850615123[\dX]$/);
  });

  it('rejects an area code that is not 6 digits', () => {
    expect(() => makeResidentId('52052', '19850615', '123')).toThrow(/area code/);
  });

  it('rejects a birth date that is not a real date', () => {
    expect(() => makeResidentId('520525', '19850230', '123')).toThrow(/birth date/);
  });

  it('rejects a sequence that is not 3 digits', () => {
    expect(() => makeResidentId('520525', '19850615', '12')).toThrow(/sequence/);
  });
});
