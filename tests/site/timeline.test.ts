// The renewal timeline (issue 15): ticks on real month starts, an arrow and a date where a term runs past an edge.
import { describe, expect, test } from 'vitest';
import { dayNumber } from '../../src/util/dates.ts';
import { timeline } from '../../src/site/svg/timeline.ts';

const TODAY = '2026-11-23';
const svg = timeline('Terms', [
  { label: 'old-and-long', start: '2024-03-01', end: '2028-02-29', mark: '2026-12-31' },
  { label: 'inside', start: '2026-12-01', end: '2027-05-31', mark: null },
], TODAY);
const labels = [...svg.matchAll(/<text x="([\d.]+)" y="14"[^>]*>(\d{4}-\d{2})<\/text>/g)].map((m) => [Number(m[1]), m[2]!] as const);

describe('renewal timeline', () => {
  test('labels quarter starts from three months back to a year ahead, placed in proportion to the days between them', () => {
    expect(labels.map((l) => l[1])).toEqual(['2026-10', '2027-01', '2027-04', '2027-07', '2027-10']);
    // 2026-10-01 → 2027-01-01 is 92 days, 2027-01-01 → 2027-04-01 is 90: month starts, not a fixed step from today.
    const [a, b, c] = labels.map((l) => l[0]);
    expect((b! - a!) / (c! - b!)).toBeCloseTo((dayNumber('2027-01-01') - dayNumber('2026-10-01')) / (dayNumber('2027-04-01') - dayNumber('2027-01-01')), 1);
    // 17 month starts from 2026-08-01 to 2027-12-01, each a tick.
    expect(svg.match(/<line [^>]*stroke="#4a4a4a"\/>/g)).toHaveLength(17);
  });

  test('a term that began before the window and ends after it says so; one inside it does not', () => {
    expect(svg).toContain('>since 2024-03-01</text>');
    expect(svg).toContain('>to 2028-02-29</text>');
    expect(svg).not.toContain('since 2026-12-01');
    expect(svg).not.toContain('to 2027-05-31');
  });

  test('every label is at least 11 units high (10 px at the 660 px the chart keeps on a narrow screen)', () => {
    const sizes = [...svg.matchAll(/font-size="(\d+)"/g)].map((m) => Number(m[1]));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
  });
});
