// A mostly well-formed record list keeps the byte scanner for its good lines; only the runs of
// lines of another shape go to `yaml` (src/inventory/parse/spliced.ts, issue 16). The result is
// compared with the code as it was before: the whole file through `yaml` (the spliced path
// switched off with vi.doMock), on a generated 5,000-person people.yaml.
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Finding } from '../../src/findings/finding.ts';
import { Interner, parseText, type Path } from '../../src/inventory/parse/index.ts';
import { parseYamlDocument } from '../../src/inventory/parse/yaml-document.ts';
import { synthesize } from '../../src/synth/index.ts';

const TODAY = '2026-11-23';
// All the people, and the seats of a few licenses only: enough for the rules that read people, and quick.
const files = new Map([...synthesize({ people: 5000, seed: 2, today: TODAY }).files].filter(([path], i) => !path.startsWith('inventory/assignments/') || i % 10 === 0));
const PEOPLE = files.get('inventory/people.yaml')!;

/** people.yaml with line `n` (1-based) replaced by `make(line)`, which may span several lines. */
function withLine(n: number, make: (line: string) => string): string {
  const lines = PEOPLE.split('\n');
  lines[n - 1] = make(lines[n - 1]!);
  return lines.join('\n');
}

interface Outcome {
  findings: string[];
  people: unknown[];
  /** Every person's position and the position of each of their keys and values. */
  positions: string[];
  parser: string;
}

/** The file findings and rule findings of `lac check` on the generated org with this people.yaml, through the modules as they are now imported. */
async function outcome(people: string, focus: number): Promise<Outcome> {
  const { runRules } = await import('../../src/check/run.ts');
  const { memorySource } = await import('../../src/inventory/memory-source.ts');
  const { loadInventory } = await import('../../src/inventory/load.ts');
  const loaded = await loadInventory(memorySource({ ...Object.fromEntries(files), 'inventory/people.yaml': people }));
  const findings = [...loaded.findings, ...runRules(loaded.inventory, TODAY)];
  const records = [...loaded.inventory.people.values()];
  // Each key of every 50th person and of those near `near` (the positions in `yaml`'s map are slow to look up one by one).
  const near = (r: (typeof records)[number]) => Math.abs(r.src.map.locate(r.src.path).line - focus) <= 12;
  const positions = records.filter((r, i) => i % 50 === 0 || near(r)).flatMap((r) => {
    const at = (path: (string | number)[], target: 'key' | 'value') => {
      const p = r.src.map.locate([...r.src.path, ...path], target);
      return `${r.data.id} ${path.join('.')} ${target} ${p.line}:${p.column}`;
    };
    return [at([], 'value'), ...Object.keys(r.data).flatMap((k) => [at([k], 'key'), at([k], 'value')]), at(['no-such-key'], 'value')];
  });
  const invalid = [...loaded.inventory.invalid.people].sort();
  return { findings: findings.map((f: Finding) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}`), people: [records.map((r) => r.data), invalid], positions, parser: loaded.parsers.yaml > 0 ? 'yaml' : 'lines' };
}

/** The same, with the spliced path switched off: every file the scanners do not take goes to `yaml` whole, as before. */
async function wholeYaml(people: string, focus: number): Promise<Outcome> {
  vi.resetModules();
  vi.doMock('../../src/inventory/parse/spliced.ts', () => ({ parseSpliced: () => null }));
  try {
    return await outcome(people, focus);
  } finally {
    vi.doUnmock('../../src/inventory/parse/spliced.ts');
    vi.resetModules();
  }
}

afterEach(() => vi.resetModules());

const parsed = (text: string) => parseText(text, 'people', { bytes: Buffer.from(text), interner: new Interner() });

describe('a people.yaml of 5,000 lines with a few lines of another shape', () => {
  it.each([
    ['a tag on one value', 2500, (l: string) => l.replace('name: ', 'name: !!str ')],
    ['one person written over several lines, with a value the schema refuses', 1200, (l: string) => l.replace('  - { ', '  - ').replace(/ }$/, '').replace(/, /g, '\n    ').replace(/status: \w+/, 'status: gone')],
    ['an anchor and an alias on neighbouring lines', 4000, (l: string) => l.replace('status: ', 'status: &s ').concat('\n', l.replace(/id: ([^,]+)/, 'id: $1-twin').replace(/status: \w+/, 'status: *s'))],
  ])('%s: same records, positions and findings as `yaml` on the whole file, and the scanner for every other line', async (_, line, make) => {
    const people = withLine(line, make);
    const spliced = parsed(people);
    expect(spliced.parser).toBe('lines');
    expect(spliced.yamlLines).toHaveLength(1);
    const { from, to } = spliced.yamlLines![0]!;
    expect(from).toBe(line);
    expect(to - from).toBe(make(PEOPLE.split('\n')[line - 1]!).split('\n').length - 1);
    const now = await outcome(people, line);
    const before = await wholeYaml(people, line);
    expect(before.parser).toBe('yaml');
    expect(now.parser).toBe('lines');
    expect(now).toEqual({ ...before, parser: 'lines' });
    // The records `yaml` read are located inside the run: their keys, or the schema problem of an invalid one.
    const inRun = (n: number) => n >= from && n <= to;
    const findingsInRun = now.findings.filter((f) => f.includes(' schema ') && inRun(Number(/^inventory\/people\.yaml:(\d+):/.exec(f)?.[1])));
    const positionsInRun = now.positions.filter((p) => inRun(Number(/ (\d+):\d+$/.exec(p)?.[1])));
    expect(findingsInRun.length + positionsInRun.length).toBeGreaterThan(0);
  });

  it('a line that breaks the YAML still sends the whole file to `yaml`, for its messages as before', async () => {
    const people = withLine(3000, (l) => l.replace(/ }$/, ''));
    expect(parsed(people).parser).toBe('yaml');
    const now = await outcome(people, 3000);
    expect(now.findings.some((f) => f.startsWith('inventory/people.yaml:3001:') && f.includes(' yaml-syntax '))).toBe(true);
    expect(now).toEqual(await wholeYaml(people, 3000));
  });

  it('a file of regular lines only takes no `yaml` at all', () => {
    const plain = parsed(PEOPLE);
    expect(plain.parser).toBe('lines');
    expect(plain.yamlLines).toBeUndefined();
  });
});

// Lines of other shapes, valid YAML or not, for the property below.
const ODD = [
  (l: string) => l.replace('name: ', 'name: !!str '),
  (l: string) => l.replace('  - { ', '  - ').replace(/ }$/, '').replace(/, /g, '\n    '),
  (l: string) => l.replace(/name: ([^,]+)/, "name: 'x''$1'"),
  (l: string) => l.replace('status: ', 'status: &a '),
  (l: string) => l.replace(/status: \w+/, 'status: *a'),
  (l: string) => `${l.replace(/ }$/, ', note: |+')}\n      kept\n`,
  (l: string) => l.replace(/ }$/, ''),
  (l: string) => `  # a comment\n${l}`,
  (l: string) => `\t${l.trimStart()}`,
  (l: string) => `    ${l}`,
  (l: string) => l.replace(/ }$/, ' } # why'),
  (l: string) => l.replace('  - { ', '  -\n    { '),
];

describe('the mixed parse, on small files with lines of other shapes at random', () => {
  const lines = PEOPLE.split('\n').slice(0, 42);
  it('gives what `yaml` gives on the whole file whenever it reads part of the file with `yaml`', () => {
    let mixedRuns = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 2, max: 41 }), fc.integer({ min: 0, max: ODD.length - 1 })), { minLength: 1, maxLength: 4 }), (changes) => {
        const copy = [...lines];
        for (const [at, odd] of changes) copy[at] = ODD[odd]!(copy[at]!);
        const text = `${copy.join('\n')}\n`;
        const mixed = parsed(text);
        // Only the mixed path: a file the line scanners take whole, or `yaml` takes whole, is as before.
        if (mixed.yamlLines === undefined) return;
        mixedRuns++;
        const whole = parseYamlDocument(text);
        expect(whole.problems).toEqual([]);
        expect(mixed.data).toEqual(whole.data);
        const records = (whole.data as { people: Record<string, unknown>[] }).people;
        const paths: Path[] = [['people'], ['people', records.length], ...records.flatMap((r, i) => [['people', i], ['people', i, 'nope'], ...Object.keys(r).map((k) => ['people', i, k])] as Path[])];
        for (const path of paths) for (const target of ['key', 'value'] as const) expect(mixed.map.locate(path, target), `${path.join('.')} ${target}`).toEqual(whole.map.locate(path, target));
      }),
      { numRuns: 150 },
    );
    // The property held on files that took the mixed path, not only on files that went whole one way or the other.
    expect(mixedRuns).toBeGreaterThan(20);
  });
});
