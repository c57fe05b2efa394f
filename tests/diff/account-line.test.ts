// The byte matcher of one usage account line (src/diff/account-line.ts) against the regular expression
// it replaces (the grammar of the lines `lac pull` writes, src/usage/serialize.ts): on generated lines,
// written ones and every kind of near miss (keys out of order or twice, spaces, quotes, escapes, a
// carriage return, bytes above 0x7f, random edits), both accept the same lines and find the same values.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountSpans, matchAccountLine } from '../../src/diff/account-line.ts';

const PLAIN = '[A-Za-z](?:[A-Za-z0-9._@+/\\x80-\\xff -]*[A-Za-z0-9._@+/\\x80-\\xff-])?';
const QUOTED = '"[^"\\\\\\x00-\\x1f\\x7f]+"';
const TEXT = `(${PLAIN}|${QUOTED})`;
const DATE = '(\\d{4}-\\d{2}-\\d{2})';
const SIGNAL = '[a-z][a-z0-9_]{0,63}: (?:0|[1-9][0-9]{0,14})';
/** The expression usage-scan.ts matched each line with, on the latin1 text of the file, from the line's start. */
const LINE = new RegExp(
  `  - \\{ account: ${TEXT}(?:, person: ([a-z][a-z0-9._-]*))?(?:, email: ${TEXT})?(?:, login: ${TEXT})?(?:, name: ${TEXT})?(?:, tier: ${TEXT})?` +
    `(?:, status: (?:active|suspended|deactivated|invited|guest))?(?:, last_active: (?:null|${DATE}))?(?:, pending_cancellation: ${DATE})?` +
    `(?:, signals: \\{ (${SIGNAL}(?:, ${SIGNAL})*) \\})? \\}(?=\\n|$)`,
  'y',
);

/** What the expression finds at the start of `text`: the nine groups, or undefined. */
function byExpression(text: string): (string | undefined)[] | undefined {
  LINE.lastIndex = 0;
  return LINE.exec(text)?.slice(1, 10);
}

/** What the byte matcher finds on the first line of `text` (latin1 bytes), as the same nine groups. */
function byBytes(text: string): (string | undefined)[] | undefined {
  const b = Buffer.from(text, 'latin1');
  const nl = b.indexOf(10);
  const spans = accountSpans();
  const eol = matchAccountLine(b, 0, spans);
  if (eol < 0) return undefined;
  // The match ends where the line does.
  expect(eol).toBe(nl < 0 ? b.length : nl);
  const at = (list: Int32Array, i: number) => (list[2 * i]! < 0 ? undefined : b.toString('latin1', list[2 * i]!, list[2 * i + 1]!));
  const wide = /[\x80-\xff]/.test(text.slice(0, nl < 0 ? text.length : nl));
  expect(spans.wide).toBe(wide);
  return [...Array.from({ length: 6 }, (_, i) => at(spans.text, i)), at(spans.dates, 0), at(spans.dates, 1), at(spans.signals, 0)];
}

const texts = ['Ada', 'a', 'Ada Adams', 'ada.adams2@synth.example', 'Zo\xeb \xc5ngstr\xf6m', 'A-', 'B.', 'x y z', 'Ada ', 'Ada  ', ' Ada', '9ada', '"Ada, Jr."', '"a"', '""', '"a\\"b"', '"a\tb"', '"tab\x7f"', 'O\'Neil', 'a: b', 'a #b', 'a,b', '[a]', '{ x: 1 }', 'null', '"\xe9t\xe9"', 'a}', 'a{'];
const ids = ['ada.adams', 'p1', 'a_b-c.d9', 'Ada', '9a', 'a b', 'a,', 'ada.'];
const statuses = ['active', 'suspended', 'deactivated', 'invited', 'guest', 'bogus', 'activex', 'Active'];
const dates = ['2026-11-04', '2026-13-45', '2026-1-04', 'null', 'nul', '20261104', '2026-11-04x'];
const signalSets = ['{ edits_90d: 233 }', '{ a: 0, b: 12 }', '{ a: 0123 }', '{ a: 00 }', '{ a: 1234567890123456 }', '{ a: 123456789012345 }', `{ ${'a'.repeat(64)}: 1 }`, `{ ${'a'.repeat(65)}: 1 }`, '{ A: 1 }', '{}', '{ a: 1, }', '{ a: 1 , b: 2 }', '{ a: -1 }', '{ a: 1, a: 2 }'];
const KEYS: [string, string[]][] = [['person', ids], ['email', texts], ['login', texts], ['name', texts], ['tier', texts], ['status', statuses], ['last_active', dates], ['pending_cancellation', dates], ['signals', signalSets]];

/** A line: the account, then keys in the written order or shuffled, some twice; and how it ends. */
const line = fc
  .record({
    account: fc.constantFrom(...texts),
    keys: fc.array(fc.tuple(fc.nat({ max: KEYS.length - 1 }), fc.nat()), { maxLength: 6 }),
    ordered: fc.boolean(),
    ending: fc.constantFrom(' }', ' }\n', ' }\r\n', '}', '  }', ' } ', ' }\n  - { account: x }', ' },'),
    prefix: fc.constantFrom('  - { account: ', '  - {account: ', '    - { account: ', '  - { account:  ', '- { account: '),
  })
  .map(({ account, keys, ordered, ending, prefix }) => {
    const chosen = ordered ? [...keys].sort((a, b) => a[0] - b[0]) : keys;
    const parts = chosen.map(([k, v]) => `${KEYS[k]![0]}: ${KEYS[k]![1][v % KEYS[k]![1].length]}`);
    return `${prefix}${account}${parts.map((p) => `, ${p}`).join('')}${ending}`;
  });

/** Values the schema's shapes take (the written lines' own). */
const VALID: Record<string, string[]> = { person: ids.slice(0, 3), email: texts.slice(0, 7), login: texts.slice(0, 7), name: texts.slice(0, 7), tier: texts.slice(0, 7), status: statuses.slice(0, 5), last_active: dates.slice(0, 4), pending_cancellation: dates.slice(0, 3), signals: [signalSets[0]!, signalSets[1]!, signalSets[5]!, signalSets[6]!] };

const ALL = Object.fromEntries(KEYS);

/** A line as `lac pull` writes it, the keys in order, each once: valid values but for at most one, taken from all of its key's. */
const written = fc
  .record({ account: fc.constantFrom(...texts.slice(0, 7), '"Ada, Jr."', '"a"'), keys: fc.subarray(KEYS.map(([k]) => k)), values: fc.array(fc.nat(), { minLength: KEYS.length, maxLength: KEYS.length }), wild: fc.nat() })
  .map(({ account, keys, values, wild }) => {
    const value = (k: string, i: number) => (i === wild % (keys.length + 1) ? ALL[k]! : VALID[k]!)[values[i]! % (i === wild % (keys.length + 1) ? ALL[k]! : VALID[k]!).length];
    return `  - { account: ${account}${keys.map((k, i) => `, ${k}: ${value(k, i)}`).join('')} }`;
  });

/** A line with one character replaced, inserted or removed somewhere. */
const edited = fc.tuple(fc.oneof(written, line), fc.nat(), fc.constantFrom('', ' ', ',', '}', '{', ':', '"', '\\', '\r', '\xe9', 'a', '0', '-')).map(([l, at, ch]) => {
  const i = at % (l.length + 1);
  return at % 3 === 0 ? l.slice(0, i) + ch + l.slice(i) : at % 3 === 1 ? l.slice(0, i) + ch + l.slice(i + 1) : l.slice(0, i) + l.slice(i + 1);
});

describe('an account line read from its bytes', () => {
  it('is matched exactly where the expression matches, with the same values', () => {
    let matched = 0;
    fc.assert(
      fc.property(fc.oneof({ weight: 3, arbitrary: written }, line, { weight: 3, arbitrary: edited }), (text) => {
        const expected = byExpression(text);
        if (expected) matched++;
        expect(byBytes(text)).toEqual(expected);
      }),
      { numRuns: 20_000 },
    );
    // The generators reach both sides: lines the expression takes, and lines it refuses.
    expect(matched).toBeGreaterThan(2_000);
    expect(matched).toBeLessThan(18_000);
  });

  it('takes the lines `lac pull` writes', () => {
    const written = [
      '  - { account: ada.adams2@synth.example, person: ada.adams2, email: ada.adams2@synth.example, name: Ada Adams, tier: e3, status: active, last_active: 2026-11-04 }',
      '  - { account: U012, login: "ada, the first", status: guest, last_active: null, pending_cancellation: 2026-12-31, signals: { edits_90d: 233, meetings_30d: 0 } }',
      '  - { account: "Zo\xeb", name: Zo\xeb \xc5ngstr\xf6m }',
    ];
    for (const text of written) {
      expect(byExpression(text)).toBeDefined();
      expect(byBytes(text)).toEqual(byExpression(text));
    }
  });
});
