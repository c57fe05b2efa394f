import { describe, expect, test } from 'vitest';
import { bundleGlobs, prefixGroups } from '../../src/site/search-bundles.ts';

const names = (list: string) => list.split(' ').map((name) => ({ name, pages: name === 'list' ? 4 : 1 }));
/** Whether a group's alternative (`ab*` or an exact name) takes a name. */
const takes = (alt: string, name: string) => (alt.endsWith('*') ? name.startsWith(alt.slice(0, -1)) : name === alt);

describe('search bundles', () => {
  test('group people\'s folders by the shortest prefixes that fit a batch, each folder in exactly one group', () => {
    const people = names('ab ab2 abc abd ada adam b1 b2 b3 list lisa c');
    const groups = prefixGroups(people, 3);
    for (const p of people) expect(groups.filter((g) => takes(g.alt, p.name)).length).toBe(1);
    // A folder with more pages than a batch (the list's) is a group of its own.
    expect(groups.filter((g) => g.pages > 3).map((g) => g.alt)).toEqual(['list*']);
    expect(groups.map((g) => g.alt)).toEqual(['ab', 'ab2*', 'abc*', 'abd*', 'ad*', 'b*', 'c*', 'lisa*', 'list*']);
  });

  test('the first bundle takes the other pages and fills up with people; further bundles hold a batch at most', () => {
    const layout = { folders: ['licenses', 'source'], people: names('ann bea bob cy dan') };
    const globs = bundleGlobs(layout, 1, 3);
    expect(globs).toEqual([
      '{*.html,licenses/**/*.html,source/**/*.html,people/index.html,people/{a*}/**/*.html}',
      'people/{b*,c*}/**/*.html',
      'people/{d*}/**/*.html',
    ]);
    expect(bundleGlobs(layout, 5, 3)[0]).toBe('{*.html,licenses/**/*.html,source/**/*.html,people/index.html}');
  });
});
