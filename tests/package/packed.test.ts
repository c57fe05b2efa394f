// The product as shipped: this project packed with `npm pack`, a license repository made by the
// packed `lac init`, lac installed there the way the generated README says (`npm install`, which
// follows the lockfile init wrote), and every command the READMEs name run with `npx lac` in that
// repository. The workflows init wrote run as GitHub runs them in packed-workflows.test.ts.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.ts';
import { VERSION } from '../../src/cli/version.ts';
import { REPO_ROOT } from '../support/cli.ts';
import { LICENSE, ORG, files } from '../support/inventory.ts';
import { commitAll, initLicenseRepo, sh, userEnv, type ProcessResult } from '../support/packed.ts';
import { documentedCommands, covers } from './documented.ts';

const root = mkdtempSync(join(tmpdir(), 'lac-packed-'));
// Several installed node_modules: removing them takes a while on a loaded machine.
afterAll(() => rmSync(root, { recursive: true, force: true }), 300_000);
const repo = join(root, 'licenses');
const env = userEnv({ LAC_TODAY: '2026-03-10' });
/** Every `npx lac` argument list this file ran, for the check that the docs name no other. */
const ran: string[][] = [];

const CSV_LICENSE = `${LICENSE}usage:\n  source: csv\n  config: { path: exports/figma.csv, columns: { account: Email, last_active: Last Seen } }\n`;
const EXPORT = 'Email,Last Seen\nada@test.example,2026-03-01\nbob@test.example,2025-10-01\n';
// Bob holds a paid seat he has not used since October: reclaim proposes it.
const SEATS = 'license: figma\nseats:\n  - { person: ada, tier: full, since: 2026-01-05 }\n  - { person: bob, tier: full, since: 2026-01-05 }\n';

const git = (...args: string[]) => sh('git', args, repo, env).stdout;
function npxLac(args: string[], extra: Record<string, string> = {}, cwd = repo): ProcessResult {
  ran.push(args);
  return sh('npx', ['lac', ...args], cwd, { ...env, ...extra }, 180_000);
}

beforeAll(() => {
  initLicenseRepo(root, { ...files({ 'inventory/licenses/figma.yaml': CSV_LICENSE, 'inventory/org.yaml': ORG.replace('Test Co', 'Acme Corp'), 'inventory/assignments/figma.yaml': SEATS }), 'exports/figma.csv': EXPORT }, env);
  // What initLicenseRepo ran with the packed lac, as the quick start shows it.
  ran.push(['init', '--name', '--currency', '--timezone']);
}, 900_000);

// Each npx lac start takes about a second idle; budgets hold on a loaded 2-core machine.
describe('the packed package in a repository made by lac init', { timeout: 300_000 }, () => {
  it('runs the installed compiled CLI with Node 24: --version, --help with every command', () => {
    expect(readFileSync(join(repo, 'node_modules/lac/package.json'), 'utf8')).toContain(`"version": "${VERSION}"`);
    expect(existsSync(join(repo, 'node_modules/lac/src'))).toBe(false);
    expect(sh('node', ['--version'], repo, env).stdout).toMatch(/^v24\./);
    expect(npxLac(['--version'])).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
    const help = npxLac(['--help']);
    expect(help.code).toBe(0);
    const names = buildProgram({ out: () => {}, err: () => {}, env: {}, cwd: '.', isTTY: false }).commands.map((c) => c.name());
    for (const name of names) expect(help.stdout).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
  });

  it('check passes on the new repository and rules lists the rules', () => {
    expect(npxLac(['check'])).toEqual({ code: 0, stdout: 'no problems found\n', stderr: '' });
    expect(npxLac(['check', '--today', '2026-11-23'])).toMatchObject({ code: 0 });
    const rules = npxLac(['rules']);
    expect(rules.code).toBe(0);
    expect(rules.stdout).toMatch(/^seat-held-by-leaver +error /m);
  });

  it('pull reads the csv source and writes the snapshot; check then still passes', () => {
    const r = npxLac(['pull', '--all']);
    expect(r).toMatchObject({ code: 0, stdout: 'figma: 2 accounts, 2 matched, 0 unmatched: wrote inventory/usage/figma.yaml\n' });
    expect(readFileSync(join(repo, 'inventory/usage/figma.yaml'), 'utf8')).toContain('account: bob@test.example');
    commitAll(repo, 'Usage snapshot', '2026-03-05T09:00:00Z', env);
    expect(npxLac(['check']).code).toBe(0);
  });

  it('report prints every format', () => {
    expect(npxLac(['report']).stdout).toMatch(/^Licenses on 2026-03-10, amounts per year in EUR\n/);
    expect(npxLac(['report', '--format', 'md']).stdout).toMatch(/^# License report, 2026-03-10\n/);
    const csv = npxLac(['report', '--format', 'csv']);
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\n')[0]).toMatch(/^section,license,tier,/);
    expect(csv.stdout).toMatch(/^tier,figma,full,/m);
    const json = JSON.parse(npxLac(['report', '--format', 'json']).stdout) as { today: string; currency: string };
    expect(json).toMatchObject({ today: '2026-03-10', currency: 'EUR' });
  });

  it('reclaim --dry-run changes nothing; reclaim edits the assignments file', () => {
    const dry = npxLac(['reclaim', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/inventory\/assignments\/figma\.yaml:4 +bob +remove full/);
    expect(git('status', '--porcelain')).toBe('');
    const real = npxLac(['reclaim']);
    expect(real).toMatchObject({ code: 0 });
    expect(real.stdout).toContain('edited inventory/assignments/figma.yaml: 1 line');
    expect(readFileSync(join(repo, 'inventory/assignments/figma.yaml'), 'utf8')).not.toContain('person: bob');
    git('checkout', '-q', '--', '.');
  });

  it('renewals prints every format', () => {
    const today = { LAC_TODAY: '2026-11-20' };
    expect(npxLac(['renewals'], today).stdout).toContain('figma-2026');
    expect(npxLac(['renewals', '--format', 'md'], today).stdout).toContain('figma-2026');
    expect((JSON.parse(npxLac(['renewals', '--format', 'json'], today).stdout) as { renewals: unknown[] }).renewals).toHaveLength(1);
    const ics = npxLac(['renewals', '--format', 'ics'], today).stdout;
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r?\n/);
    expect(ics).toContain('BEGIN:VEVENT');
  });

  it('diff describes a change on a branch; history and --at read the commits', () => {
    git('checkout', '-q', '-b', 'bob-to-viewer');
    writeFileSync(join(repo, 'inventory/assignments/figma.yaml'), SEATS.replace('person: bob, tier: full', 'person: bob, tier: viewer'));
    commitAll(repo, 'Bob to a viewer seat', '2026-03-08T09:00:00Z', env);
    const diff = npxLac(['diff', 'main', 'HEAD']);
    expect(diff.code).toBe(0);
    expect(diff.stdout).toMatch(/^main → HEAD\n/);
    expect(diff.stdout).toContain('Bob Byte (bob)');
    expect(npxLac(['diff', 'main', 'HEAD', '--format', 'md']).stdout).toContain('### What this change does');
    git('checkout', '-q', 'main');
    const history = npxLac(['history']);
    expect(history.stdout).toMatch(/usage\.snapshot +usage snapshot of figma: 2 accounts/);
    expect(history.stdout).toMatch(/seat\.assigned +ada got a figma seat/);
    expect((JSON.parse(npxLac(['history', '--format', 'json']).stdout) as unknown[]).length).toBeGreaterThan(3);
    expect(npxLac(['history', '--person', 'bob']).stdout).toMatch(/seat\.assigned +bob got a figma seat/);
    expect(npxLac(['history', '--format', 'csv']).stdout.split('\n')[0]).toContain('date');
    // The inventory as of 2026-03-02: before the usage snapshot of 2026-03-05.
    const at = npxLac(['report', '--at', '2026-03-02', '--format', 'json']);
    expect(at.code).toBe(0);
    expect(npxLac(['check', '--at', '2026-03-02'])).toMatchObject({ code: 0, stdout: 'no problems found\n' });
    expect(JSON.stringify(JSON.parse(at.stdout))).not.toEqual(JSON.stringify(JSON.parse(npxLac(['report', '--format', 'json']).stdout)));
  });

  it('site build writes the report site and nothing else into the repository', () => {
    const r = npxLac(['site', 'build', '--out', '_site']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^built \d+ pages and \d+ downloads from commit [0-9a-f]{12} into /);
    expect(readFileSync(join(repo, '_site/index.html'), 'utf8')).toContain('Acme Corp');
    expect(git('status', '--porcelain')).toBe('');
  });

  it('codeowners writes .github/CODEOWNERS from the license owners', () => {
    expect(npxLac(['codeowners', '--default', '@acme/it'])).toEqual({ code: 0, stdout: 'wrote .github/CODEOWNERS\n', stderr: '' });
    expect(readFileSync(join(repo, '.github/CODEOWNERS'), 'utf8')).toContain('/inventory/licenses/figma.yaml @ada-l');
    git('checkout', '-q', '--', '.');
    rmSync(join(repo, '.github/CODEOWNERS'));
  });

  it('outside any license repository it says so in one line and exits 2', () => {
    const outside = mkdtempSync(join(tmpdir(), 'lac-outside-'));
    try {
      const r = sh(process.execPath, [join(repo, 'node_modules/lac/bin/lac.js'), 'check'], outside, env);
      expect(r).toEqual({ code: 2, stdout: '', stderr: `lac: ${outside} is not in a license repository (no inventory/ folder here or above): start one with \`lac init\`, or pass --root DIR\n` });
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('ran every command that the READMEs and the demo tell users to run', () => {
    const docs = documentedCommands(REPO_ROOT, readFileSync(join(repo, 'README.md'), 'utf8'));
    expect(docs.length).toBeGreaterThan(10);
    expect(docs.filter((d) => !covers(ran, d))).toEqual([]);
  });
});
