import { makeCreditCode } from '@qh/domain';
import { describe, expect, it } from 'vitest';
import { creditCodeProblem, normaliseCreditCode } from './credit-code';

const VALID = makeCreditCode('12440106MB2C39485');

describe('creditCodeProblem', () => {
  it('finds nothing wrong with a valid code of any kind of organisation', () => {
    expect(creditCodeProblem(VALID)).toBeNull();
    expect(creditCodeProblem(makeCreditCode('93520525MA6DKQ4T1'))).toBeNull();
  });

  it('counts the characters of a code of the wrong length', () => {
    expect(creditCodeProblem(VALID.slice(0, 15))).toEqual({ kind: 'length', length: 15 });
  });

  it('names letters the codes never use', () => {
    expect(creditCodeProblem(VALID.slice(0, 17) + 'O')).toEqual({ kind: 'characters' });
  });

  it('names the check character the code should have', () => {
    const wrong = VALID.slice(0, 17) + (VALID[17] === '0' ? '1' : '0');
    expect(creditCodeProblem(wrong)).toEqual({ kind: 'checkChar', expected: VALID[17], actual: wrong[17] });
  });

  it('reads a typed code without its spaces and in capitals', () => {
    expect(normaliseCreditCode(` ${VALID.toLowerCase()} `)).toBe(VALID);
  });
});
