import { describe, expect, it } from 'vitest';
import { perTick } from '../../src/util/per-tick.ts';

describe('perTick', () => {
  it('answers the keys of one turn with one call, each key once, in the order first asked; a later turn makes another', async () => {
    const calls: string[][] = [];
    const get = perTick(async (keys) => {
      calls.push(keys);
      return new Map(keys.map((k) => [k, k.toUpperCase()]));
    }, (k) => new Error(`no ${k}`));
    const first = await Promise.all(['b', 'a', 'b', 'c'].map(get));
    expect(first).toEqual(['B', 'A', 'B', 'C']);
    expect(await get('d')).toBe('D');
    expect(calls).toEqual([['b', 'a', 'c'], ['d']]);
  });

  it('rejects a key the call has no answer for, and every key of the turn when the call fails', async () => {
    const get = perTick(async (keys) => new Map(keys.filter((k) => k !== 'gone').map((k) => [k, 1])), (k) => new Error(`no ${k}`));
    const got = await Promise.allSettled([get('here'), get('gone')]);
    expect(got[0]).toEqual({ status: 'fulfilled', value: 1 });
    expect(got[1]).toMatchObject({ status: 'rejected', reason: new Error('no gone') });
    const failing = perTick<number>(async () => {
      throw new Error('git failed');
    }, (k) => new Error(`no ${k}`));
    const all = await Promise.allSettled([failing('x'), failing('y')]);
    expect(all.map((r) => r.status === 'rejected' && (r.reason as Error).message)).toEqual(['git failed', 'git failed']);
  });

  it('hands every answer of a turn over before any caller goes on', async () => {
    const order: string[] = [];
    const get = perTick(async (keys) => new Map(keys.map((k) => [k, k])), (k) => new Error(k));
    await Promise.all(
      ['a', 'b', 'c'].map(async (k) => {
        await get(k);
        order.push(`got ${k}`);
        await null;
        order.push(`after ${k}`);
      }),
    );
    // All three continuations run before any of them passes its next wait.
    expect(order).toEqual(['got a', 'got b', 'got c', 'after a', 'after b', 'after c']);
  });
});
