import { makeCreditCode } from '@qh/domain';
import { describe, expect, it } from 'vitest';
import { creditCodeProblem } from './credit-code';

const VALID = makeCreditCode('93520525MA6DKQ4T1');

describe('creditCodeProblem', () => {
  it('finds nothing wrong with a valid farmers’ cooperative code', () => {
    expect(creditCodeProblem(VALID)).toBeNull();
  });

  it('names the check character the code should have', () => {
    const wrong = VALID.slice(0, 17) + (VALID[17] === '0' ? '1' : '0');
    expect(creditCodeProblem(wrong)).toEqual({ kind: 'checkChar', expected: VALID[17], actual: wrong[17] });
  });

  it('tells a valid company code from a cooperative one', () => {
    const company = makeCreditCode('91520525MA6DKQ4T1');
    expect(creditCodeProblem(company)).toEqual({ kind: 'notCooperative', prefix: '91' });
  });

  it('calls a code of the wrong length or alphabet malformed', () => {
    expect(creditCodeProblem('93520525')).toEqual({ kind: 'malformed' });
    expect(creditCodeProblem(VALID.slice(0, 17) + 'I')).toEqual({ kind: 'malformed' });
  });
});
