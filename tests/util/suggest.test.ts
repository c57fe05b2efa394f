import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance } from '../../src/util/suggest.ts';

describe('did you mean', () => {
  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('figam', 'figma')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
  it('suggests near misses and stays quiet for distant words', () => {
    expect(didYouMean('vendro', ['vendor', 'owner'])).toBe('vendor');
    expect(didYouMean('figam', ['figma', 'slack'])).toBe('figma');
    expect(didYouMean('zoom', ['figma', 'slack'])).toBeUndefined();
    expect(didYouMean('SLACK', ['figma', 'slack'])).toBe('slack');
  });
});

describe('createSuggester', () => {
  it('answers exactly as suggestion does, for near misses and distant words alike', async () => {
    const { createSuggester, suggestion } = await import('../../src/util/suggest.ts');
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % n);
    const word = () => Array.from({ length: 4 + rnd(10) }, () => 'abcdeilmnorst.-'[rnd(15)]).join('');
    const candidates = Array.from({ length: 400 }, word);
    const suggest = createSuggester(candidates);
    const mutate = (w: string) => {
      const i = rnd(w.length);
      const k = rnd(3);
      return k === 0 ? w.slice(0, i) + w.slice(i + 1) : k === 1 ? w.slice(0, i) + 'x' + w.slice(i) : w.slice(0, i) + w.slice(i + 1, i + 2) + w[i] + w.slice(i + 2);
    };
    const inputs = [...candidates.slice(0, 50).map(mutate), ...Array.from({ length: 50 }, word), 'ADA.LOVELACE'];
    for (const input of inputs) expect(suggest(input), input).toBe(suggestion(input, candidates));
  });
});
