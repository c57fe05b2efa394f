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
