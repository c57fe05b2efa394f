import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeSnapshot, serializeDiscovered } from '../../src/discover/snapshot.ts';
import { parseText } from '../../src/inventory/parse/index.ts';
import { createValidators, validateData } from '../../src/inventory/validate.ts';
import type { Discovered } from '../../src/inventory/schema/index.ts';

const validators = createValidators();

describe('discovery snapshots', () => {
  it('are read back by the line scanner, valid, and equal to what was written', () => {
    const app = fc.record({
      app: fc.stringMatching(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).filter((s) => s.length <= 40 && !/^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/.test(s)),
      name: fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() === s && s !== '' && !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(s)),
      users: fc.nat({ max: 100_000 }),
      first_seen: fc.constantFrom('2026-01-01', '2026-06-30'),
      last_seen: fc.constantFrom('2026-11-20'),
      spend_90d: fc.option(fc.nat({ max: 99_999_999 }).map((c) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`), { nil: undefined }),
      recurring: fc.option(fc.constant(true), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(app, { selector: (a) => a.app, maxLength: 8 }), (apps) => {
        const d: Discovered = { source: 'cards', kind: 'expenses', as_of: '2026-11-20', currency: 'EUR', apps: apps.map((a) => Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined)) as Discovered['apps'][number]) };
        const text = serializeDiscovered(d);
        const parsed = parseText(text, 'apps');
        // Names with quotes or backslashes take the full parser; the common ones the fast line scanner.
        if (apps.every((a) => /^[A-Za-z0-9 .]*$/.test(a.name))) expect(parsed.parser).toBe('lines');
        expect(validateData(validators, 'discovered', parsed.data)).toEqual([]);
        expect(parsed.data).toEqual({ ...d, apps: [...d.apps].sort((x, y) => (x.app < y.app ? -1 : 1)) });
        expect(serializeDiscovered({ ...d, apps: [...d.apps].reverse() })).toBe(text);
      }),
      { numRuns: 200 },
    );
  });

  it('keep the earliest first day seen; a changed app changes only its own line', () => {
    const previous: Discovered = { source: 'okta', kind: 'okta', as_of: '2026-11-19', apps: [
      { app: 'miro', name: 'Miro', users: 4, first_seen: '2026-02-01', last_seen: '2026-11-20' },
      { app: 'zoom', name: 'Zoom', users: 9, first_seen: '2026-03-01', last_seen: '2026-11-20' },
    ] };
    const run = { apps: [
      { app: 'miro', name: 'Miro', users: 5, firstSeen: '2026-11-20', lastSeen: '2026-11-20' },
      { app: 'zoom', name: 'Zoom', users: 9, firstSeen: '2026-11-20', lastSeen: '2026-11-20' },
    ], warnings: [] };
    const next = serializeDiscovered(mergeSnapshot('okta', 'okta', '2026-11-20', 'EUR', run, previous));
    const before = serializeDiscovered({ ...previous, as_of: '2026-11-20' }).split('\n');
    const changed = next.split('\n').filter((l, i) => l !== before[i]);
    expect(changed).toEqual(['  - { app: miro, name: Miro, users: 5, first_seen: 2026-02-01, last_seen: 2026-11-20 }']);
  });
});
