// Properties of the license-server count over arbitrary FlexNet debug logs (shapes from the
// FlexNet Publisher License Administration Guide, "Debug Log Messages"): whatever the order of
// times, dates, restarts and unknown lines, no figure is negative, seat-hours never exceed the
// peak times 24, and every line lac cannot read is reported, none silently dropped.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregate } from '../../src/usage/license-server/aggregate.ts';
import { parseFlexnetLog } from '../../src/usage/flexnet/log.ts';

const time = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 })).map(([h, m, s]) => `${String(h).padStart(2, ' ')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`);
const user = fc.constantFrom('ada', 'bob', 'cy');
const feature = fc.constantFrom('solidworks', 'swpremium', 'other');
const line = fc.oneof(
  fc.tuple(time, feature, user, fc.integer({ min: 1, max: 3 })).map(([t, f, u, n]) => `${t} (SW_D) OUT: "${f}" ${u}@pc-${u}  (${n} licenses)`),
  fc.tuple(time, feature, user).map(([t, f, u]) => `${t} (SW_D) IN: "${f}" ${u}@pc-${u}`),
  fc.tuple(time, feature, user).map(([t, f, u]) => `${t} (SW_D) DENIED: "${f}" ${u}@pc-${u}  (Licensed number of users already reached. (-4,342))`),
  fc.tuple(time, fc.integer({ min: 1, max: 5 })).map(([t, d]) => `${t} (lmgrd) TIMESTAMP 3/${d}/2024`),
  fc.tuple(time, fc.integer({ min: 1, max: 5 })).map(([t, d]) => `${t} (lmgrd) FlexNet Licensing (v11.19.0.0 build 1) started on lic1 (linux) (3/${d}/2024)`),
  time.map((t) => `${t} (SW_D) EXITING DUE TO SIGNAL 15`),
  fc.constant('#### not a log line'),
);

describe('license-server counts over arbitrary logs', () => {
  it('are never negative, hours fit in the peak, and unreadable lines are all reported', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 60 }), (lines) => {
        const parsed = parseFlexnetLog(lines.join('\n'), 'lmgrd.log');
        const { peaks } = aggregate([...parsed.events].sort((a, b) => a.at - b.at), new Map([['solidworks', 'pro'], ['swpremium', 'premium']]));
        for (const p of peaks) {
          expect(p.in_use).toBeGreaterThanOrEqual(0);
          expect(p.hours ?? 0).toBeGreaterThanOrEqual(0);
          expect(p.hours ?? 0).toBeLessThanOrEqual(24 * p.in_use + 0.05);
          expect(p.denials ?? 0).toBeGreaterThanOrEqual(0);
        }
        const garbage = lines.filter((l) => l.startsWith('####')).length;
        expect(parsed.skipped.filter((s) => s.why.startsWith('not a debug log line'))).toHaveLength(garbage);
        // Event instants never go back in file order: no negative duration can arise.
        parsed.events.forEach((e, i) => expect(e.at).toBeGreaterThanOrEqual(parsed.events[i - 1]?.at ?? -Infinity));
      }),
      { numRuns: 300, seed: 17 },
    );
  });
});
