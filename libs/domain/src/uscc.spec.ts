import fc from 'fast-check';
import {
  CREDIT_CODE_ALPHABET,
  CREDIT_CODE_WEIGHTS,
  creditCodeCheckChar,
  isCooperativeCreditCode,
  isValidCreditCode,
  makeCreditCode,
} from './uscc';

const VALID_CODE = '91110000600037341L';

const alphabetChar = fc.constantFrom(...CREDIT_CODE_ALPHABET);
const body17 = fc.string({ unit: alphabetChar, minLength: 17, maxLength: 17 });

describe('CREDIT_CODE_ALPHABET', () => {
  it('has 31 characters without I, O, S, V or Z', () => {
    expect(CREDIT_CODE_ALPHABET).toHaveLength(31);
    expect(CREDIT_CODE_ALPHABET).not.toMatch(/[IOSVZ]/);
  });
});

describe('CREDIT_CODE_WEIGHTS', () => {
  it('are 3^(i-1) mod 31 for positions 1 to 17', () => {
    expect(CREDIT_CODE_WEIGHTS).toEqual(Array.from({ length: 17 }, (_, i) => Number(3n ** BigInt(i) % 31n)));
  });
});

describe(creditCodeCheckChar.name, () => {
  it('computes the check character of the published example', () => {
    expect(creditCodeCheckChar(VALID_CODE.slice(0, 17))).toBe('L');
  });

  it('computes 0 when the weighted sum is a multiple of 31', () => {
    expect(creditCodeCheckChar('00000000000000000')).toBe('0');
  });

  it('rejects a body of the wrong length', () => {
    expect(() => creditCodeCheckChar('9111000060003734')).toThrow(RangeError);
  });

  it('rejects a body with a letter outside the alphabet', () => {
    expect(() => creditCodeCheckChar('9111000060003734I')).toThrow(RangeError);
  });
});

describe(isValidCreditCode.name, () => {
  it('accepts the published example', () => {
    expect(isValidCreditCode(VALID_CODE)).toBe(true);
  });

  it('rejects the example with a wrong check character', () => {
    expect(isValidCreditCode('91110000600037341M')).toBe(false);
  });

  it.each([
    ['too short', '91110000600037341'],
    ['too long', '91110000600037341L0'],
    ['lower case', '91110000600037341l'],
    ['with spaces', ' 91110000600037341L'],
    ['empty', ''],
  ])('rejects a code that is %s', (_, code) => {
    expect(isValidCreditCode(code)).toBe(false);
  });

  it.each(['I', 'O', 'S', 'V', 'Z'])(
    'rejects a code containing %s, which the alphabet leaves out, whatever its check character',
    (letter) => {
      const codes = [...CREDIT_CODE_ALPHABET].map((check) => `9111000060003734${letter}${check}`);
      expect(codes.filter(isValidCreditCode)).toEqual([]);
    },
  );

  it('accepts every code built by makeCreditCode', () => {
    fc.assert(
      fc.property(body17, (body) => {
        expect(isValidCreditCode(makeCreditCode(body))).toBe(true);
      }),
    );
  });

  it('rejects any code with one character changed to another alphabet character', () => {
    fc.assert(
      fc.property(body17, fc.nat({ max: 17 }), fc.integer({ min: 1, max: 30 }), (body, position, shift) => {
        const code = makeCreditCode(body);
        const replaced = CREDIT_CODE_ALPHABET[(CREDIT_CODE_ALPHABET.indexOf(code[position]) + shift) % 31];
        const changed = code.slice(0, position) + replaced + code.slice(position + 1);
        expect(isValidCreditCode(changed)).toBe(false);
      }),
    );
  });

  it('rejects a code whose check character is any other alphabet character', () => {
    const body = VALID_CODE.slice(0, 17);
    const others = [...CREDIT_CODE_ALPHABET].filter((char) => char !== 'L');
    expect(others.filter((char) => isValidCreditCode(body + char))).toEqual([]);
  });
});

describe(isCooperativeCreditCode.name, () => {
  it('accepts a valid code starting with 93', () => {
    expect(isCooperativeCreditCode(makeCreditCode('93520525MA6D11110'))).toBe(true);
  });

  it('rejects a valid enterprise code starting with 91', () => {
    expect(isCooperativeCreditCode(VALID_CODE)).toBe(false);
  });

  it('rejects a code starting with 93 whose check character is wrong', () => {
    const code = makeCreditCode('93520525MA6D11110');
    const wrongCheck = code[17] === '0' ? '1' : '0';
    expect(isCooperativeCreditCode(code.slice(0, 17) + wrongCheck)).toBe(false);
  });
});

describe(makeCreditCode.name, () => {
  it('appends the check character to the 17-character prefix', () => {
    expect(makeCreditCode('91110000600037341')).toBe(VALID_CODE);
  });

  it('rejects a prefix that is not 17 alphabet characters', () => {
    expect(() => makeCreditCode('93520525')).toThrow(RangeError);
  });
});
