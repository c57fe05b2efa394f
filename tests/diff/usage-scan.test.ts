// The line-scan verdict of an unchanged usage snapshot (src/diff/usage-scan.ts, whole-usage.ts
// usageLines) must be exactly the verdict of parsing the whole file (parsedLines): the same account
// lines on a clean file, undefined on any file that does not read cleanly one account a line.
// Generated snapshots: account lines of valid and broken values, in the written shape or not, with
// damaged headers, comments, CRLF, block style, non-ASCII and invalid UTF-8.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { scanAccountLines } from '../../src/diff/usage-scan.ts';
import { parsedLines, usageLines, type UsageLines } from '../../src/diff/whole-usage.ts';
import { createValidators } from '../../src/inventory/validate.ts';
import { synthesize } from '../../src/synth/index.ts';

const PATH = 'inventory/usage/slack.yaml';
const validators = createValidators();
const bytes = (text: string) => new TextEncoder().encode(text);

/** Values for a key: valid ones, and broken ones (of another type, outside the schema, or not of the written shape). */
const pool = (valid: string[], broken: string[]) => ({ valid, broken });
const text = pool(['ada@example.com', 'Ada Lovelace', 'a.b+c/d@x-y.example', '"Zoë O\'Neil, Jr."', 'Zoë Ångström', 'Ann-Marie Smith'], ["O'Neil", '""', 'null', 'True', 'FALSE', '12', '1e3', '~', '.inf', '"a\\"b"', 'a: b', 'a #b', '[a]', '{ x: 1 }', '-a', 'trailing ', `"${'n'.repeat(321)}"`, 'n'.repeat(330), "'single'", '2026-11-04']);
const id = pool(['ada.lovelace', 'p1', 'a_b-c.d9'], ['Ada', 'con', 'x.lock', 'a..b', '12', 'true', 'null', '"ada"', 'a'.repeat(65), 'ädä']);
const date = pool(['2026-11-04', '2024-02-29', '2026-01-31', 'null'], ['2023-02-29', '2026-13-01', '2026-02-30', '2026-11-4', '"2026-11-04"', '2026-11-04T00:00:00Z', 'never']);
const status = pool(['active', 'suspended', 'deactivated', 'invited', 'guest'], ['bogus', 'Active', '"active"']);
const signals = pool(['{ edits_90d: 233 }', '{ a: 0, b: 12 }', '{ meetings_30d: 4, edits_90d: 1 }'], ['{ a: 1, a: 2 }', '{ a: 1, b: 2, a: 3 }', '{ A: 1 }', '{ a: -1 }', '{ a: 1.5 }', '{ a: x }', '{}', '{ a: 0123 }', '{ a: 1234567890123456 }']);
const KEYS = { account: text, person: id, email: text, login: text, name: text, tier: text, status, last_active: date, pending_cancellation: date, signals };
type Key = keyof typeof KEYS;
const SHAPES = ['shuffle', 'extra', 'spaces', 'comment', 'crlf', 'indent'] as const;

/** A line of `entries` in the written shape, or in another one. */
function lineOf(entries: [string, string][], shape?: (typeof SHAPES)[number]): string {
  const parts = entries.map(([k, v]) => `${k}: ${v}`);
  if (shape === 'shuffle') parts.reverse();
  if (shape === 'extra') parts.push('colour: red');
  const body = shape === 'spaces' ? `{${parts.join(' ,  ')}}` : `{ ${parts.join(', ')} }`;
  return `${shape === 'indent' ? '    ' : '  '}- ${body}${shape === 'comment' ? ' # checked' : shape === 'crlf' ? '\r' : ''}`;
}

/** Valid values for a subset of the keys (account always). */
const validEntries = fc.tuple(...(Object.keys(KEYS) as Key[]).map((k) => (k === 'account' ? fc.constantFrom(...KEYS[k].valid).map((v) => [k, v] as [string, string]) : fc.option(fc.constantFrom(...KEYS[k].valid).map((v) => [k, v] as [string, string]), { nil: undefined })))).map((e) => e.filter((x): x is [string, string] => x !== undefined));

/** An account line: valid; or, in a file that may break, sometimes valid but for one broken value, a missing account or another shape. */
const accountLine = (mayBreak: boolean) =>
  mayBreak
    ? fc.oneof(
        { weight: 6, arbitrary: validEntries.map((e) => lineOf(e)) },
        fc.tuple(validEntries, fc.constantFrom(...(Object.keys(KEYS) as Key[])).chain((k) => fc.constantFrom(...KEYS[k].broken).map((v) => [k, v] as const))).map(([e, [k, v]]) => {
          const at = e.findIndex(([x]) => x === k);
          if (at === -1) e.push([k, v]);
          else e[at] = [k, v];
          // Keys stay in the written order.
          const order = Object.keys(KEYS);
          return lineOf(e.sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)));
        }),
        validEntries.map((e) => lineOf(e.slice(1))),
        fc.tuple(validEntries, fc.constantFrom(...SHAPES)).map(([e, shape]) => lineOf(e, shape)),
      )
    : validEntries.map((e) => lineOf(e));

const HEADERS = [
  'license: slack\nsource: slack\ntaken: 2026-11-23T06:00:00Z\naccounts:',
  '# yaml-language-server: $schema=../../schemas/usage.schema.json\nlicense: slack\nsource: slack\ntaken: 2026-11-23T06:00:00Z\naccounts:',
  'license: zoom\nsource: slack\ntaken: 2026-11-23T06:00:00Z\naccounts:',
  'license: slack\nsource: slack\ntaken: yesterday\naccounts:',
  'license: slack\nsource: slack\ntaken: 2026-11-23T06:00:00Z\nvendor_entitled: { full: 10 }\naccounts:',
  'license: slack\nsource: slack\ntaken: 2026-11-23T06:00:00Z\npeaks:\n  - { date: 2026-11-01, in_use: 3 }\naccounts:',
  'license: slack\nsource: slack\ntaken: 2026-11-23T06:00:00Z\naccounts: # all of them',
  'license: slack\nsource: slack\ntaken: 2026-11-23T06:00:00Z\ncolour: red\naccounts:',
  '\uFEFFlicense: slack\nsource: slack\ntaken: 2026-11-23T06:00:00Z\naccounts:',
];
const between = fc.constantFrom('', '', '', '', '', '', '# a comment', '  # an indented comment', '   ');

/** A snapshot: a header, account lines with blank or comment lines between them, sometimes a key after the list; the lines and the rest each broken or not. */
const snapshot = fc
  .tuple(fc.boolean(), fc.boolean())
  .chain(([linesMayBreak, restMayBreak]) =>
    fc.tuple(fc.constantFrom(...HEADERS.slice(0, restMayBreak ? undefined : 2)), fc.array(fc.tuple(between, accountLine(linesMayBreak)), { maxLength: 6 }), restMayBreak ? fc.constantFrom('', 'peaks: []', 'license: slack') : fc.constant('')),
  )
  .map(([h, lines, tail]) => {
  const body = lines.flatMap(([b, l]) => (b ? [b, l] : [l]));
  return `${[h, ...body, ...(tail ? [tail] : [])].join('\n')}\n`;
});

/** The lines as plain arrays: the scan gives arrays, the parse the byte scanner's typed arrays. */
const plain = (l: UsageLines | undefined) => l && { starts: Array.from(l.starts), ends: Array.from(l.ends), persons: l.persons };
const verdicts = (b: Uint8Array) => ({ scanned: plain(usageLines(PATH, b, validators)), parsed: plain(parsedLines(PATH, b, validators)) });

describe('usage snapshot line scan', () => {
  it('gives the verdict and account lines of the whole parse on generated snapshots', () => {
    // How many clean files the scan vouched for, and how many files it vouched for the lines of while the rest is broken.
    const seen = { fast: 0, restBroken: 0 };
    fc.assert(
      fc.property(snapshot, (t) => {
        const r = verdicts(bytes(t));
        expect(r.scanned).toEqual(r.parsed);
        if (scanAccountLines(bytes(t))) seen[r.parsed ? 'fast' : 'restBroken']++;
      }),
      { numRuns: 1000 },
    );
    expect(seen.fast).toBeGreaterThan(40);
    expect(seen.restBroken).toBeGreaterThan(30);
  });

  it('gives the verdict of the whole parse for each broken value alone, in an otherwise clean file', () => {
    const head = `${HEADERS[0]}\n${lineOf([['account', 'ada@example.com'], ['person', 'ada']])}\n`;
    const order = Object.keys(KEYS);
    let vouched = 0;
    for (const [key, { broken }] of Object.entries(KEYS)) {
      for (const value of broken) {
        const entries: [string, string][] = [['account', 'bob@example.com'], [key, value]];
        const t = `${head}${lineOf(key === 'account' ? [[key, value]] : entries.sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)))}\n`;
        const r = verdicts(bytes(t));
        expect(r.scanned, `${key}: ${value}`).toEqual(r.parsed);
        if (scanAccountLines(bytes(t))) vouched++;
      }
    }
    // Only values of the written shape reach the schema's judgement: the scan declines the others itself.
    expect(vouched).toBe(0);
  });

  it('declines a line of invalid UTF-8 that the rest of the file does not show', () => {
    const good = '  - { account: zoe@example.com, person: zoe, name: Zoë }\n';
    const t = bytes(`license: slack\nsource: slack\ntaken: 2026-11-23T06:00:00Z\naccounts:\n  - { account: ada@example.com, person: ada }\n${good}`);
    expect(verdicts(t).scanned).toBeDefined();
    const broken = Uint8Array.from(t);
    broken[t.length - 4] = 0xff; // the second byte of ë
    const r = verdicts(broken);
    expect(r.parsed).toBeUndefined();
    expect(r.scanned).toBeUndefined();
  });

  it('judges a synthetic snapshot by the scan, and its clean, damaged and block-style forms as the whole parse does', () => {
    const text = new Map(synthesize({ people: 36, seed: 7, today: '2026-11-23', usageAccounts: 80 }).files).get(PATH)!;
    const forms = {
      clean: text,
      damaged: text.replace(/(person: tiago\.robinson,.*)status: active/, '$1status: bogus'),
      'bad date': text.replace(/last_active: 2026-\d\d-\d\d/, 'last_active: 2026-02-30'),
      'block-style': `# written by hand\n${stringify(parse(text))}`,
    };
    expect(scanAccountLines(bytes(text))?.starts.length).toBe((text.match(/^ {2}- \{ account:/gm) ?? []).length);
    for (const [name, t] of Object.entries(forms)) {
      const r = verdicts(bytes(t));
      expect(r.scanned, name).toEqual(r.parsed);
      expect(r.parsed === undefined, name).toBe(name !== 'clean');
    }
  });
});
