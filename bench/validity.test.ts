import { describe, expect, it } from 'vitest';
import { pearson, ranks } from './validity';

describe('validity statistics', () => {
  it('computes Pearson and tied ranks correctly', () => {
    expect(pearson([1, 2, 3, 4], [2, 4, 6, 8])).toBeCloseTo(1);
    expect(pearson([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1);
    expect(ranks([10, 20, 20, 5])).toEqual([1, 2.5, 2.5, 0]);
  });
});
