import * as domain from './index';

describe('@qh/domain', () => {
  it('exports the rules of every concern from one entry point', () => {
    const names = [
      'allocateByRates',
      'allocateLargestRemainder',
      'applyRateBp',
      'formatFen',
      'parseYuan',
      'assertFen',
      'isValidCreditCode',
      'isCooperativeCreditCode',
      'isValidResidentId',
      'maskResidentId',
      'townshipByCode',
      'districtByCode',
      'isProductCategory',
      'saleWindowProblems',
    ] as const;
    expect(names.filter((name) => typeof domain[name] !== 'function')).toEqual([]);
  });
});
