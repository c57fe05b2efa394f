import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cleanup, lac, tempRepo } from '../support/cli.ts';
import { files, LICENSE } from '../support/inventory.ts';
import { OKTA_TOKEN, oktaUser, startOktaFake } from '../support/vendor-fakes/okta.ts';
import type { VendorFake } from '../support/vendor-fakes/server.ts';

const dirs: string[] = [];
const fakes: VendorFake[] = [];
afterEach(async () => {
  dirs.splice(0).forEach(cleanup);
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

const CSV_LICENSE = `${LICENSE}usage:
  source: csv
  config: { path: exports/figma.csv, columns: { account: Email, last_active: Last Seen, tier: Role } }
  tiers: { Editor: full, Viewer: viewer }
`;
const CSV = '\ufeffEmail,Last Seen,Role\r\nADA@test.example,2026-03-01,Editor\r\nbob@test.example,,Viewer\r\nstranger@else.example,2026-02-01,Editor\r\n';

function repo(extra: Record<string, string> = {}) {
  const dir = tempRepo({ ...files({ 'inventory/licenses/figma.yaml': CSV_LICENSE }), 'exports/figma.csv': CSV, ...extra });
  dirs.push(dir);
  return dir;
}

const NOW_FREE = (s: string) => s.replace(/^taken: .*$/m, 'taken: <now>');

describe('lac pull', () => {
  it('writes a sorted, deterministic snapshot with matched and unmatched accounts kept', async () => {
    const dir = repo();
    const r = await lac(['pull', 'figma', '--root', dir]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('figma: 3 accounts, 2 matched, 1 unmatched: wrote inventory/usage/figma.yaml; unmatched: stranger@else.example\n');
    const text = readFileSync(join(dir, 'inventory/usage/figma.yaml'), 'utf8');
    expect(NOW_FREE(text)).toBe(
      [
        '# yaml-language-server: $schema=../../schemas/usage.schema.json',
        '# Written by `lac pull`; edit the license file, not this one.',
        'license: figma',
        'source: csv',
        'taken: <now>',
        'accounts:',
        '  - { account: ADA@test.example, person: ada, tier: full, last_active: 2026-03-01 }',
        '  - { account: bob@test.example, person: bob, tier: viewer, last_active: null }',
        '  - { account: stranger@else.example, tier: full, last_active: 2026-02-01 }',
        '',
      ].join('\n'),
    );
    expect(parse(text).taken).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    // The written snapshot passes check (it is part of the inventory).
    expect((await lac(['check', '--root', dir, '--today', '2026-03-10'])).code).toBe(0);
  });

  it('leaves the file alone when nothing but the time changed, and --dry-run writes nothing', async () => {
    const dir = repo();
    await lac(['pull', 'figma', '--root', dir]);
    const first = readFileSync(join(dir, 'inventory/usage/figma.yaml'), 'utf8');
    expect((await lac(['pull', 'figma', '--root', dir])).stdout).toContain(': unchanged');
    expect(readFileSync(join(dir, 'inventory/usage/figma.yaml'), 'utf8')).toBe(first);
    writeFileSync(join(dir, 'exports/figma.csv'), CSV.replace('2026-03-01', '2026-03-05'));
    const dry = await lac(['pull', 'figma', '--root', dir, '--dry-run']);
    expect(dry.stdout).toContain('would write inventory/usage/figma.yaml');
    expect(readFileSync(join(dir, 'inventory/usage/figma.yaml'), 'utf8')).toBe(first);
  });

  it('keeps the previous snapshot when a pull fails half way, and leaves no temporary file', async () => {
    const users = Array.from({ length: 5 }, (_, i) => oktaUser(`00u${i}`, i === 0 ? 'ada@test.example' : `u${i}@test.example`, 'ACTIVE', '2026-03-01T10:00:00.000Z'));
    const fake = await startOktaFake({ users, pageSize: 2, malformedPage: 2 });
    fakes.push(fake);
    const license = `${LICENSE}usage: { source: okta, config: { base_url: "${fake.url}" } }\n`;
    const dir = repo({ 'inventory/licenses/figma.yaml': license, 'inventory/usage/figma.yaml': 'license: figma\nsource: okta\ntaken: 2026-03-01T06:00:00Z\naccounts: []\n' });
    const before = readFileSync(join(dir, 'inventory/usage/figma.yaml'), 'utf8');
    const r = await lac(['pull', 'figma', '--root', dir], { env: { OKTA_API_TOKEN: OKTA_TOKEN } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^figma: failed: .+\n(    hint: .+\n)?    inventory\/usage\/figma.yaml is unchanged\n$/);
    expect(r.stderr).not.toContain(OKTA_TOKEN);
    expect(readFileSync(join(dir, 'inventory/usage/figma.yaml'), 'utf8')).toBe(before);
    expect(readdirSync(join(dir, 'inventory/usage'))).toEqual(['figma.yaml']);
    expect(fake.requestsTo('/api/v1/users').length).toBeGreaterThanOrEqual(2);
  });

  it('says what to do when a secret is missing or nothing is selected', async () => {
    const dir = repo({ 'inventory/licenses/figma.yaml': `${LICENSE}usage: { source: okta, config: { base_url: "http://127.0.0.1:9" } }\n` });
    const missing = await lac(['pull', 'figma', '--root', dir], { env: {} });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('OKTA_API_TOKEN');
    expect(await lac(['pull', '--root', dir])).toMatchObject({ code: 2, stderr: 'lac: name the licenses to pull, or pass --all\n  hint: e.g. lac pull github-copilot figma\n' });
    expect((await lac(['pull', 'figam', '--root', dir])).stderr).toBe('lac: no license "figam"; did you mean "figma"?\n  hint: license IDs are the file names in inventory/licenses/\n');
  });

  it('--all pulls every license with a usage source and skips the others', async () => {
    const dir = repo({ 'inventory/licenses/zoom.yaml': 'id: zoom\nname: Zoom\nvendor: figma\ntype: subscription\nowner: ada\ntiers:\n  - { id: pro, name: Pro }\n' });
    const r = await lac(['pull', '--all', '--root', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter(Boolean).map((l) => l.split(':')[0])).toEqual(['figma']);
  });
});

describe('lac pull progress', () => {
  it('draws a running count on a terminal and prints only the result lines otherwise', async () => {
    const dir = repo();
    let stderr = '';
    const { run } = await import('../../src/cli/program.ts');
    const code = await run(['pull', 'figma', '--root', dir], { out: () => {}, err: (t) => void (stderr += t), env: {}, cwd: dir, isTTY: true });
    expect(code).toBe(0);
    expect(stderr).toContain('\rfigma: 3 accounts read');
    expect(stderr.endsWith('\r\x1b[K')).toBe(true);
    const quiet = await lac(['pull', 'figma', '--root', dir]);
    expect(quiet.stderr).toBe('');
  });
});
