import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bpToPercentText, percentTextToBp } from './percent-input';

describe('percentTextToBp', () => {
  it('reads a typed percentage as basis points, exactly', () => {
    expect(percentTextToBp('10')).toBe(1000);
    expect(percentTextToBp('12.5')).toBe(1250);
    expect(percentTextToBp('12.34%')).toBe(1234);
    expect(percentTextToBp(' 0.29 ')).toBe(29);
    expect(percentTextToBp('100')).toBe(10_000);
  });

  it('reads the full-width digits and signs of a Chinese keyboard', () => {
    expect(percentTextToBp('１２．５％')).toBe(1250);
  });

  it('refuses what is not a percentage of at most two decimals', () => {
    for (const text of ['', 'abc', '12.345', '-5', '1,0', '10%%', '1e2']) expect(percentTextToBp(text)).toBeNull();
  });
});

describe('bpToPercentText', () => {
  it('writes basis points as a percentage without trailing zeros', () => {
    expect(bpToPercentText(1000)).toBe('10');
    expect(bpToPercentText(1250)).toBe('12.5');
    expect(bpToPercentText(1234)).toBe('12.34');
    expect(bpToPercentText(5)).toBe('0.05');
  });

  it('reads back as the basis points it was written from', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (bp) => {
        expect(percentTextToBp(bpToPercentText(bp))).toBe(bp);
      }),
    );
  });
});
