// The sums of a group of position lines, shared by the site's position index and the evidence pack.
import { describe, expect, it } from 'vitest';
import { positionTotals } from '../../src/analysis/position.ts';

describe('positionTotals', () => {
  it('counts seats short and spare apart, and sums the true-up of priced lines', () => {
    expect(positionTotals([
      { balance: -3, trueUp: 1_500_000_000n },
      { balance: 2, trueUp: 0n },
      { balance: -1, trueUp: 250_000n },
      { balance: null, trueUp: 0n },
    ])).toEqual({ shortfallSeats: 4, surplusSeats: 2, trueUp: 1_500_250_000n, trueUpUnknown: false });
  });

  it('marks the true-up a lower bound when a line has no price', () => {
    expect(positionTotals([{ balance: -2, trueUp: null }, { balance: -1, trueUp: 99_000_000n }])).toEqual({ shortfallSeats: 3, surplusSeats: 0, trueUp: 99_000_000n, trueUpUnknown: true });
    expect(positionTotals([])).toEqual({ shortfallSeats: 0, surplusSeats: 0, trueUp: 0n, trueUpUnknown: false });
  });
});
