// A virtual clock for code that takes a Clock: time moves only when the test advances it.
import type { Clock } from '../../src/util/clock.ts';

export interface VirtualClock extends Clock {
  /** Every wait asked for, in milliseconds, in the order asked; each ends at once. */
  sleeps: number[];
  /** Moves the time forward. */
  advance(ms: number): void;
}

/** A clock that starts at `start` ms and never moves on its own, so no verdict depends on the machine's speed. */
export function virtualClock(start = 0): VirtualClock {
  let time = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => time,
    sleep: async (ms) => void sleeps.push(ms),
    advance: (ms) => void (time += ms),
  };
}
