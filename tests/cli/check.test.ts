import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, lac, lacProcess, tempRepo } from '../support/cli.ts';
import { files, SEATS } from '../support/inventory.ts';

const dirs: string[] = [];
const repo = (overrides: Record<string, string | Uint8Array | null> = {}) => {
  const base = files(Object.fromEntries(Object.entries(overrides).filter(([, v]) => typeof v === 'string' || v === null)) as Record<string, string | null>);
  const binary = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v instanceof Uint8Array)) as Record<string, Uint8Array>;
  const dir = tempRepo({ ...base, ...binary });
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach(cleanup));

const TODAY = ['--today', '2026-03-10'];
const withSeat = (line: string) => `${SEATS}${line}\n`;

describe('lac check: exit codes and formats', () => {
  it('exits 0 and says so on a clean inventory', async () => {
    const r = await lac(['check', '--root', repo(), ...TODAY]);
    expect(r).toEqual({ code: 0, stdout: 'no problems found\n', stderr: '' });
  });

  it('exits 1 with compiler-style lines when an error-level finding exists', async () => {
    const dir = repo({ 'inventory/assignments/figma.yaml': withSeat('  - { person: cy, tier: full, since: 2025-01-01 }') });
    const r = await lac(['check', '--root', dir, ...TODAY]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      [
        'inventory/assignments/figma.yaml:5:15  error  seat-held-by-leaver  Cy Leaver (cy) left on 2026-01-31 and still holds a figma full seat',
        '    hint: remove this line (and the account at the vendor)',
        '1 error, 0 warnings, 0 notices',
        '',
      ].join('\n'),
    );
  });

  it('exits 0 when only warnings exist', async () => {
    const dir = repo({ 'inventory/org.yaml': `${readOrg()}rules:\n  seat-held-by-leaver: warning\n`, 'inventory/assignments/figma.yaml': withSeat('  - { person: cy, tier: full, since: 2025-01-01 }') });
    const r = await lac(['check', '--root', dir, ...TODAY]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('warning  seat-held-by-leaver');
  });

  it('prints GitHub workflow annotations with --format github', async () => {
    const dir = repo({ 'inventory/assignments/figma.yaml': withSeat('  - { person: cy, tier: full, since: 2025-01-01 }') });
    const r = await lac(['check', '--root', dir, '--format', 'github', ...TODAY]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('::error file=inventory/assignments/figma.yaml,line=5,col=15,title=seat-held-by-leaver::Cy Leaver (cy) left on 2026-01-31 and still holds a figma full seat (remove this line (and the account at the vendor))\n');
  });

  it('prints a stable JSON form with --format json', async () => {
    const dir = repo({ 'inventory/assignments/figma.yaml': withSeat('  - { person: cy, tier: full, since: 2025-01-01 }') });
    const r = await lac(['check', '--root', dir, '--format', 'json', ...TODAY]);
    expect(JSON.parse(r.stdout)).toEqual({
      version: 1,
      today: '2026-03-10',
      summary: { error: 1, warning: 0, notice: 0 },
      findings: [{ file: 'inventory/assignments/figma.yaml', line: 5, column: 15, severity: 'error', rule: 'seat-held-by-leaver', message: 'Cy Leaver (cy) left on 2026-01-31 and still holds a figma full seat', hint: 'remove this line (and the account at the vendor)' }],
    });
  });

  it('exits 2 for bad usage, with a message and no stack trace', async () => {
    const dir = repo();
    expect(await lac(['check', '--root', dir, '--today', '2026-02-30'])).toEqual({ code: 2, stdout: '', stderr: 'lac: --today 2026-02-30 is not a calendar date\n  hint: write it as YYYY-MM-DD, e.g. --today 2026-03-31\n' });
    const badFormat = await lac(['check', '--root', dir, '--format', 'xml']);
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain("argument 'xml' is invalid. Allowed choices are text, json, github.");
    const noInventory = await lac(['check', '--root', join(dir, 'inventory')]);
    expect(noInventory.code).toBe(2);
    expect(noInventory.stderr).toBe(`lac: --root ${join(dir, 'inventory')} is not a license repository (no inventory/ folder): start one with \`lac init\`, or pass the right folder\n`);
  });

  it('finds the license repository from a folder inside it, and says in one line how to start one outside any', async () => {
    const dir = repo({ 'inventory/assignments/figma.yaml': withSeat('  - { person: cy, tier: full, since: 2025-01-01 }') });
    expect((await lac(['check', ...TODAY], { cwd: join(dir, 'inventory', 'licenses') })).stdout).toContain('inventory/assignments/figma.yaml:5:15  error  seat-held-by-leaver');
    const outside = tempRepo({});
    try {
      expect(await lac(['check'], { cwd: outside })).toEqual({ code: 2, stdout: '', stderr: `lac: ${outside} is not in a license repository (no inventory/ folder here or above): start one with \`lac init\`, or pass --root DIR\n` });
    } finally {
      cleanup(outside);
    }
  });
});

function readOrg(): string {
  return files()['inventory/org.yaml']!;
}

/** path → sha256 and mtime of every file under dir, to prove check writes nothing. */
function treeState(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(p);
      else out[p] = `${createHash('sha256').update(readFileSync(join(dir, p))).digest('hex')} ${statSync(join(dir, p)).mtimeMs}`;
    }
  };
  walk('');
  return out;
}

describe('lac check: bad input gets a clear finding, never a crash', () => {
  const cases: [name: string, path: string, content: string | Uint8Array, expected: string][] = [
    ['a file that is not YAML', 'inventory/vendors/figma.yaml', 'id: figma\nname: [Figma, Inc.\n', 'inventory/vendors/figma.yaml:3:1  error  yaml-syntax  Flow sequence in block collection must be sufficiently indented and end with a ]'],
    ['a file that is not UTF-8', 'inventory/vendors/figma.yaml', new Uint8Array([0x69, 0x64, 0x3a, 0x20, 0x0a, 0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xe9, 0x74, 0xe9, 0x0a]), 'inventory/vendors/figma.yaml:2:7  error  not-utf8  file is not valid UTF-8 text'],
    ['an empty file', 'inventory/vendors/figma.yaml', '', 'inventory/vendors/figma.yaml:1:1  error  empty-file  file is empty'],
    ['a file of comments only', 'inventory/vendors/figma.yaml', '# nothing yet\n', 'inventory/vendors/figma.yaml:1:1  error  empty-file  file is empty'],
    ['a YAML alias bomb', 'inventory/vendors/figma.yaml', aliasBomb(), 'inventory/vendors/figma.yaml:1:1  error  yaml-alias-limit'],
    ['an ID with ../', 'inventory/vendors/figma.yaml', 'id: ../../etc\nname: Figma\n', 'inventory/vendors/figma.yaml:1:5  error  schema  id is "../../etc": expected an ID'],
    ['a file in the wrong folder', 'inventory/licenses/figma-2027.yaml', 'id: figma-2027\nvendor: figma\ncurrency: USD\nstart: 2027-01-01\nlines:\n  - { license: figma, tier: full, quantity: 1, unit_price: "1" }\n', 'inventory/licenses/figma-2027.yaml:1:1  error  misplaced-file  this looks like a contract, but it is in inventory/licenses/'],
    ['an unknown folder', 'inventory/licences/zoom.yaml', 'id: zoom\n', 'inventory/licences/zoom.yaml:1:1  error  unexpected-file  unknown folder inventory/licences/; did you mean "licenses"?'],
    ['a date that does not exist', 'inventory/assignments/figma.yaml', withSeat('  - { person: cy, tier: viewer, since: 2026-02-30 }'), 'inventory/assignments/figma.yaml:5:40  error  schema  seats[2].since is "2026-02-30": expected a calendar date YYYY-MM-DD'],
    ['a duplicate key', 'inventory/vendors/figma.yaml', 'id: figma\nname: Figma\nname: Figma, Inc.\n', 'inventory/vendors/figma.yaml:3:1  error  duplicate-key'],
    ['an unknown key with a near miss', 'inventory/vendors/figma.yaml', 'id: figma\nname: Figma\nwebsiet: https://figma.com\n', 'inventory/vendors/figma.yaml:3:1  error  unknown-key  unknown key "websiet"; did you mean "website"?'],
    ['a file name that does not match its ID', 'inventory/vendors/figma.yaml', 'id: figmaa\nname: Figma\n', 'inventory/vendors/figma.yaml:1:5  error  id-mismatch  id "figmaa" does not match the file name figma.yaml'],
  ];

  it.each(cases)('%s', async (_name, path, content, expected) => {
    const dir = repo({ [path]: content });
    const before = treeState(dir);
    const r = await lac(['check', '--root', dir, ...TODAY]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(expected);
    // One problem, one finding: a broken file does not cascade into "unknown reference" noise;
    // at most one note says which references into it were not checked.
    const notes = r.stdout.split('\n').filter((l) => / {2}warning {2}unknown-reference {2}references to .* are not checked because /.test(l));
    expect(notes.length).toBeLessThanOrEqual(1);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe(`1 error, ${notes.length === 1 ? '1 warning' : '0 warnings'}, 0 notices`);
    expect(r.stdout).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
    expect(treeState(dir)).toEqual(before);
  });

  it('refuses a 50 MB file without reading it as YAML', async () => {
    const dir = repo();
    const big = `license: figma\nseats:\n${'  - { person: ada, tier: full, since: 2026-01-05 }\n'.repeat(1_050_000)}`;
    writeFileSync(join(dir, 'inventory/assignments/figma.yaml'), big);
    const r = await lac(['check', '--root', dir, ...TODAY]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('inventory/assignments/figma.yaml:1:1  error  file-too-large  file is 51.1 MiB, over the 32 MiB limit');
  });

  it('reports every problem in one run, not the first', async () => {
    const dir = repo({
      'inventory/vendors/figma.yaml': 'id: figma\nname: Figma\nwebsiet: x\n',
      'inventory/licenses/figma.yaml': files()['inventory/licenses/figma.yaml']!.replace('type: subscription', 'type: subscriptoin'),
      'inventory/assignments/figma.yaml': withSeat('  - { person: zed, tier: full, since: 2026-01-05 }'),
    });
    const r = await lac(['check', '--root', dir, '--format', 'json', ...TODAY]);
    const rules = (JSON.parse(r.stdout) as { findings: { rule: string }[] }).findings.map((f) => f.rule);
    expect(rules).toEqual(expect.arrayContaining(['unknown-key', 'schema', 'unknown-assignee']));
  });
});

describe('the real process', () => {
  // Three node processes: idle about 2.5 s (4.0 s CPU); 14-18 s at load 10 on 2 cores. Budget: 3x the loaded time.
  it('runs as `bin/lac.js` (the compiled code in dist/) with the same exit codes and no stack trace on bad input', { timeout: 60_000 }, () => {
    const dir = repo({ 'inventory/vendors/figma.yaml': new Uint8Array([0xff, 0xfe, 0x00, 0x41]) });
    const r = lacProcess(['check', '--root', dir, '--today', '2026-03-10']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('inventory/vendors/figma.yaml:1:1  error  not-utf8');
    expect(lacProcess(['check', '--root', dir, '--today', 'yesterday']).code).toBe(2);
    // A checkout of lac: the version and the commit it runs from.
    expect(lacProcess(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+ \(commit [0-9a-f]{12}\)\n$/);
  });
});

function aliasBomb(): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 9; i++) {
    const prev = String.fromCharCode(96 + i);
    const cur = String.fromCharCode(97 + i);
    lines.push(`${cur}: &${cur} [*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev}]`);
  }
  return `${lines.join('\n')}\nid: figma\nname: x\n`;
}

describe('LAC_TODAY', () => {
  it('sets the default of --today, and an explicit --today wins', async () => {
    const dir = repo({ 'inventory/assignments/figma.yaml': withSeat('  - { person: cy, tier: full, since: 2025-01-01 }') });
    // Cy's last day is 2026-01-31: before it, the seat is a warning; after it, an error.
    expect((await lac(['check', '--root', dir], { env: { LAC_TODAY: '2026-01-15' } })).code).toBe(0);
    expect((await lac(['check', '--root', dir], { env: { LAC_TODAY: '2026-03-10' } })).code).toBe(1);
    expect((await lac(['check', '--root', dir, '--today', '2026-01-15'], { env: { LAC_TODAY: '2026-03-10' } })).code).toBe(0);
  });
});
